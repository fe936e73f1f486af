#!/usr/bin/env bash
# The batch against its I/O floor (issue 32): `treaty eval --jsonl CASES` and the floor program (bench/floor, the
# project's baseline: read the same file, tokenize every line with Utf8JsonReader, write lines as long as the tool's
# on average) run in turn in each round, each held to one core, so a shared machine's drift falls on both alike.
# Prints each one's median and fastest time and the tool's speed as a fraction of the floor's.
#
#   bench/floor-ab.sh ROUNDS CASES.jsonl TREATY
#
# TREATY is the tool (a .dll runs with dotnet; the natively compiled one as it is). Make CASES.jsonl with
#   dotnet run -c Release --project bench/TreatyDsl.Benchmarks -- --varied-cases 100000 cases.jsonl
set -euo pipefail
if [ $# -lt 3 ]; then sed -n 2,10p "$0"; exit 2; fi
rounds=$1; cases=$2; tool=$3
if [[ $tool == *.dll ]]; then tool="dotnet $tool"; fi
floor="$(mktemp -d)"
dotnet publish "$(dirname "$0")/floor" -c Release -o "$floor" > /dev/null
lines=$(grep -c '' "$cases")
# The floor writes as many bytes as the tool does: its line length is the tool's average.
bytes=$($tool eval --jsonl "$cases" | wc -c)
outlen=$(( bytes / lines ))

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ t[NR] = $1 } END { printf "%d %d", t[int((NR + 1) / 2)], t[1] }'; }
floor_times=""; tool_times=""
for _ in $(seq "$rounds"); do
  start=$(date +%s%N); taskset -c 0 "$floor/floor" "$cases" "$outlen" > /dev/null 2>&1; end=$(date +%s%N)
  floor_times="$floor_times $(( (end - start) / 1000000 ))"
  start=$(date +%s%N); taskset -c 0 $tool eval --jsonl "$cases" > /dev/null; end=$(date +%s%N)
  tool_times="$tool_times $(( (end - start) / 1000000 ))"
done
read -r floor_median floor_fastest <<< "$(echo "$floor_times" | median)"
read -r tool_median tool_fastest <<< "$(echo "$tool_times" | median)"
echo "$lines cases, $outlen bytes out per case, $rounds rounds, one core each"
echo "floor: median $floor_median ms, fastest $floor_fastest ms"
echo "treaty eval --jsonl: median $tool_median ms, fastest $tool_fastest ms ($(( lines * 1000 / tool_median )) cases/s)"
awk -v f="$floor_median" -v t="$tool_median" 'BEGIN { printf "the tool at %.1f%% of the floor'\''s speed (median against median)\n", 100 * f / t }'
