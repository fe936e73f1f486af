#!/usr/bin/env bash
# The .vsix inside a real VS Code: installs code-server (npm) and Debian's chromium, then runs editor.spec.mjs with
# Playwright. Usage: run.sh PATH/TO/treatydsl-linux-x64.vsix (the .vsix that carries the natively compiled server).
# Screenshots land in docs/images/code-server-*.png.
set -euo pipefail
vsix="$(realpath "$1")" # named from where the script was run
cd "$(dirname "$0")"

# Debian's packages: the browser, and what code-server's native modules build against (kerberos needs the GSSAPI
# headers, native-keymap libxkbfile, the keychain libsecret) and ripgrep, whose npm package would download its own.
packages=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" > /dev/null 2>&1 || missing+=("$package"); done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update > /dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" > /dev/null
fi

# @vscode/ripgrep (a dependency of code-server) fetches its binary from GitHub when it installs, which these machines
# cannot reach; it takes a cached archive when one is there, so Debian's rg is put there in the archive it expects.
ripgrep_version=1.15.11 # @vscode/ripgrep, as code-server 4.100.3's npm-shrinkwrap.json pins it
cache="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-${ripgrep_version}"
mkdir -p "$cache"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar czf "$archive" -C "$staging" rg
fi

# code-server builds its native modules with node-gyp against the installed Node's headers (no download), refuses to
# install as root without unsafe-perm, and one of its modules runs npx, which must not stop to ask.
if [ ! -x node_modules/.bin/code-server ] || [ ! -d node_modules/code-server/lib/vscode/node_modules ]; then
  npm_config_nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")" \
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm ci --no-audit --no-fund
fi

TREATY_VSIX="$vsix" npx playwright test
