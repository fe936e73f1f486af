#!/usr/bin/env bash
# How much longer an application's build takes with TreatyDsl's generator and analyzer (docs/performance.md, issue 13):
# samples/CaseScreening built against freshly packed packages (A), beside a copy of it with the generated code as
# ordinary C# files, referencing TreatyDsl.Runtime instead of TreatyDsl, so no generator or analyzer runs (B). Before
# each build one C# file is touched, so each build compiles. Needs hyperfine. Set UseSharedCompilation=true to measure
# with the compiler server (this machine's environment sets it to false).
#   bench/build-share.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
work="$(mktemp -d)"
export NUGET_PACKAGES="$work/packages"   # so the packages packed now are the ones used
dotnet pack "$root/Treaty.sln" -o "$work/feed" -v q

for side in a b; do
  mkdir -p "$work/$side"
  cp "$root"/samples/CaseScreening/{*.csproj,*.props,Program.cs} "$work/$side/"
  sed -i "s|\.\./\.\./treaties/|$root/treaties/|" "$work/$side/CaseScreening.csproj"
done
build() { dotnet build "$1" -p:RestoreAdditionalProjectSources="$work/feed" -v q "${@:2}"; }

# A emits what the generator writes; B compiles exactly that as its own code.
build "$work/a" -p:EmitCompilerGeneratedFiles=true
mkdir -p "$work/b/Generated"
cp "$work/a"/obj/Debug/net10.0/generated/TreatyDsl.Generator/TreatyDsl.Generator.TreatyGenerator/*.g.cs "$work/b/Generated/"
sed -i 's|Include="TreatyDsl" |Include="TreatyDsl.Runtime" |; s|<AdditionalFiles Include="[^"]*treaties/\*\.treaty" />||' "$work/b/CaseScreening.csproj"
build "$work/b"

hyperfine --warmup 1 --runs "$runs" \
  --prepare "touch $work/a/Program.cs" --command-name "with the generator and analyzer" "dotnet build $work/a -p:RestoreAdditionalProjectSources=$work/feed -v q" \
  --prepare "touch $work/b/Program.cs" --command-name "the generated code as plain C#" "dotnet build $work/b -p:RestoreAdditionalProjectSources=$work/feed -v q"
