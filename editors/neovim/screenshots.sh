#!/usr/bin/env bash
# Takes the screenshots of docs/getting-started-policy.md from a real run: Neovim (Debian's, 0.7) with this folder's
# configuration and `treaty lsp`, in an xterm on a virtual X display. Needs: apt-get install neovim xvfb xterm
# imagemagick fonts-dejavu-core, and a built CLI (dotnet build Treaty.sln). Not run by CI (it needs those packages and
# takes pictures); editors/vscode/test/e2e.test.mjs is the client test CI runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$repo/docs/images"
work="$(mktemp -d)"
cp -r "$repo/treaties" "$work/treaties"
display=:77
Xvfb "$display" -screen 0 1280x820x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

cat > "$work/init.lua" <<LUA
vim.opt.runtimepath:prepend('$repo/editors/neovim')
vim.cmd('filetype plugin on')
vim.cmd('syntax on')
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.opt.updatetime = 100
vim.cmd('highlight NormalFloat ctermbg=236 ctermfg=252')
vim.cmd('highlight FloatBorder ctermbg=236 ctermfg=244')
vim.g.treaty_lsp_cmd = { 'dotnet', '$repo/src/TreatyDsl.Cli/bin/Debug/net10.0/treaty.dll', 'lsp' }
local shot = function(name) vim.cmd('redraw!'); vim.fn.system('sleep 0.5; import -display $display -window root -crop 1206x736+0+0 +repage $out/' .. name .. '.png') end
local steps = {
  -- Colours, and a mistake typed into the determinate-sentence rule: '!=' where '=' was meant.
  function() vim.fn.cursor(37, 1) end,
  function() vim.api.nvim_buf_set_lines(0, 37, 37, false, { '  unless sentence.type != determinate' }); vim.fn.cursor(38, 3) end,
  function() shot('policy-diagnostic') end,
  -- The whole message, with the example case.
  function() vim.diagnostic.open_float({ scope = 'line' }) end,
  function() shot('policy-witness') end,
  -- Hover on a fact: the mistake taken back, the cursor on the fact of the exception to min-remaining.
  function() vim.cmd('only'); vim.api.nvim_buf_set_lines(0, 37, 38, false, {}); vim.fn.cursor(21, 10); vim.lsp.buf.hover() end,
  function() shot('policy-hover') end,
  function() vim.cmd('qa!') end,
}
local function run(i) if steps[i] then steps[i](); vim.defer_fn(function() run(i + 1) end, 2500) end end
vim.defer_fn(function() run(1) end, 6000)
LUA

cd "$work/treaties"
DISPLAY="$display" xterm -geometry 150x44+0+0 -fa 'DejaVu Sans Mono' -fs 10 -bg '#1e1e1e' -fg '#d4d4d4' \
  -e nvim -u "$work/init.lua" us-mx.treaty
ls -la "$out"/policy-*.png
