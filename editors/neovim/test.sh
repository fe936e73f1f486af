#!/usr/bin/env bash
# The Neovim configuration, headless: without the server it says what to install and raises no Lua error; with it
# (editors/neovim/test.sh PATH/TO/treaty) a .treaty file starts one client. Needs nvim (Debian's neovim, 0.7 or later).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
cp "$here/../../treaties/us-mx.treaty" "$work/"
cat > "$work/init.lua" <<LUA
vim.opt.runtimepath:prepend('$here')
vim.cmd('filetype plugin on')
vim.cmd('syntax on')
LUA
cd "$work"
# A PATH without treaty: one message, in words, and no error (E5113 was what users saw).
missing="$(env PATH=/usr/bin:/bin nvim --headless -u init.lua us-mx.treaty -c 'lua vim.defer_fn(function() io.stdout:write(vim.fn.execute("messages")) vim.cmd("qa!") end, 500)' 2>&1)"
echo "$missing" | grep -q "TreatyDsl: 'treaty' was not found" || { echo "neovim: no message without the server: $missing"; exit 1; }
if echo "$missing" | grep -q "E5113\|Error"; then echo "neovim: an error without the server: $missing"; exit 1; fi
if [ $# -ge 1 ]; then
  printf "vim.g.treaty_lsp_cmd = { '%s', 'lsp' }\n" "$1" | cat - init.lua > with.lua
  clients="$(nvim --headless -u with.lua us-mx.treaty -c 'lua vim.defer_fn(function() io.stdout:write(#vim.lsp.get_active_clients() .. " client") vim.cmd("qa!") end, 3000)' 2>&1)"
  echo "$clients" | grep -q "^1 client" || { echo "neovim: the server did not start: $clients"; exit 1; }
fi
echo "neovim: a message without the server, one client with it"
