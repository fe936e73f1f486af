#!/usr/bin/env bash
# Whole-process A/B of `treaty eval --jsonl`: each build runs once per round, in turn, so a shared machine's drift over
# the minutes a run takes falls on every build alike; prints each build's fastest and median time.
#
#   bench/batch-ab.sh ROUNDS CASES.jsonl A/treaty.dll B/treaty [...]
#
# A .dll is run with `dotnet`, anything else (the natively compiled tool) as it is; a build may be given with a prefix,
# quoted as one argument, for example 'taskset -c 0 A/treaty' to hold it to one core.
#
# Make CASES.jsonl from the samples (one case per line), repeated to the size wanted, for example 1,000,000 lines:
#   for f in samples/cases/*.json; do tr -d '\r\n' < "$f"; echo; done > twelve.jsonl
#   yes twelve.jsonl | head -n 83334 | xargs cat | head -n 1000000 > cases.jsonl
# and build the baseline in a worktree: git worktree add /tmp/base REV && dotnet build /tmp/base/src/TreatyDsl.Cli -c Release
set -euo pipefail
if [ $# -lt 3 ]; then sed -n 2,15p "$0"; exit 2; fi
rounds=$1; cases=$2; shift 2
declare -A times
for _ in $(seq "$rounds"); do
  for dll in "$@"; do
    start=$(date +%s%N)
    command=$dll
    if [[ $dll == *.dll ]]; then last=${dll##* }; command="${dll%"$last"}dotnet $last"; fi
    $command eval --jsonl "$cases" > /dev/null
    end=$(date +%s%N)
    times[$dll]="${times[$dll]:-} $(( (end - start) / 1000000 ))"
  done
done
lines=$(grep -c '' "$cases")
for dll in "$@"; do
  echo "${times[$dll]}" | tr ' ' '\n' | grep -v '^$' | sort -n | awk -v dll="$dll" -v lines="$lines" \
    '{ t[NR] = $1 } END { m = t[int((NR + 1) / 2)]; printf "%s: fastest %.2f s (%d cases/s), median %.2f s, %d runs\n", dll, t[1] / 1000, lines / (t[1] / 1000), m / 1000, NR }'
done
