#!/usr/bin/env bash
# How much longer an application's build takes with TreatyDsl's generator and analyzer (docs/performance.md, issue 13):
# samples/CaseScreening built against freshly packed packages (A), beside a copy of it with the generated code as
# ordinary C# files, referencing TreatyDsl.Runtime instead of TreatyDsl, so no generator or analyzer runs (B). Before
# each build one C# file is touched, so each build compiles. The builds are paired: each round builds A and B once, in
# an order that alternates, and the claim is the ratio A/B within a round, whose median is printed with a
# distribution-free 95% interval (this machine's speed drifts more over a run than the difference asked about).
# Set UseSharedCompilation=true to measure with the compiler server (this machine's environment sets it to false).
#   bench/build-share.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-40}"
work="$(mktemp -d)"
export NUGET_PACKAGES="$work/packages"   # so the packages packed now are the ones used
dotnet pack "$root/Treaty.sln" -o "$work/feed" -v q

for side in a b; do
  mkdir -p "$work/$side"
  cp "$root"/samples/CaseScreening/{*.csproj,*.props,Program.cs} "$work/$side/"
  sed -i "s|\.\./\.\./treaties/|$root/treaties/|" "$work/$side/CaseScreening.csproj"
done
build() { dotnet build "$1" -p:RestoreAdditionalProjectSources="$work/feed" -v q "${@:2}" > /dev/null; }

# A emits what the generator writes; B compiles exactly that as its own code.
build "$work/a" -p:EmitCompilerGeneratedFiles=true
mkdir -p "$work/b/Generated"
cp "$work/a"/obj/Debug/net10.0/generated/TreatyDsl.Generator/TreatyDsl.Generator.TreatyGenerator/*.g.cs "$work/b/Generated/"
sed -i 's|Include="TreatyDsl" |Include="TreatyDsl.Runtime" |; s|<AdditionalFiles Include="[^"]*treaties/\*\.treaty" />||' "$work/b/CaseScreening.csproj"
build "$work/b"

timed() { touch "$work/$1/Program.cs"; local start; start=$(date +%s%N); build "$work/$1"; echo $(( ($(date +%s%N) - start) / 1000000 )); }
for _ in 1 2; do timed a > /dev/null; timed b > /dev/null; done   # warm-up: caches, and the compiler server when used
: > "$work/times"
for round in $(seq "$rounds"); do
  if (( round % 2 )); then a=$(timed a); b=$(timed b); else b=$(timed b); a=$(timed a); fi
  echo "$a $b" >> "$work/times"
done

# Median of each side, and of the per-round ratio with the order statistics n/2 -+ 1.96 sqrt(n)/2 as its 95% interval.
awk '{ print $1 / $2 }' "$work/times" | sort -g > "$work/ratios"
sort -n -k1,1 "$work/times" | awk '{ a[NR] = $1 } END { printf "with the generator and analyzer: median %.2f s\n", a[int((NR + 1) / 2)] / 1000 }'
sort -n -k2,2 "$work/times" | awk '{ b[NR] = $2 } END { printf "the generated code as plain C#:  median %.2f s\n", b[int((NR + 1) / 2)] / 1000 }'
awk '{ r[NR] = $1 } END {
  h = 1.96 * sqrt(NR) / 2; lo = int(NR / 2 - h); hi = int(NR / 2 + h + 0.999); if (lo < 1) lo = 1; if (hi > NR) hi = NR
  printf "ratio, %d rounds: median %.3f (95%% interval %.3f-%.3f), middle 90%% of rounds %.3f-%.3f\n", NR, r[int((NR + 1) / 2)], r[lo], r[hi], r[int(NR * 0.05) + 1], r[int(NR * 0.95)]
}' "$work/ratios"
echo "per-round times (ms, with / plain): $work/times"
