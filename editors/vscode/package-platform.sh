#!/usr/bin/env bash
# Packs the platform-specific .vsix that carries the natively compiled server: package-platform.sh TARGET PATH/TO/treaty
# (TARGET as vsce names it, e.g. linux-x64; the binary from `dotnet publish src/TreatyDsl.Cli -c Release` on that
# platform). The diagnostics' help pages go beside it, as in the tool, so every diagnostic links to its page. The
# universal .vsix (npm run package) carries no server and falls back to PATH.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"
binary="$2"
rm -rf server
mkdir -p "server/$target"
cp "$binary" "server/$target/treaty"
chmod +x "server/$target/treaty"
mkdir -p "server/$target/docs/diagnostics"
cp ../../docs/diagnostics/*.md "server/$target/docs/diagnostics/"
trap 'rm -rf server' EXIT
npx vsce package --target "$target" --allow-missing-repository -o "treatydsl-$target.vsix"
