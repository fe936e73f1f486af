-- TreatyDsl in Neovim: comments, and the language server (`treaty lsp`) for diagnostics with example cases, hover,
-- go to definition, references, completion and the outline. Works with Neovim 0.7 and later.
-- Set vim.g.treaty_lsp_cmd to run the server another way, e.g. { 'dotnet', '/path/to/treaty.dll', 'lsp' }.
vim.bo.commentstring = '// %s'
vim.bo.comments = '://'

-- vim.g.treaty_lsp = false leaves the server to another configuration (nvim-lspconfig, vim.lsp.config: README.md).
if vim.g.treaty_lsp == false then return end

local cmd = vim.g.treaty_lsp_cmd or { 'treaty', 'lsp' }
-- The folder of the file is the workspace: its vocabulary, baselines and country table are beside it.
local root = vim.fn.expand('%:p:h')
local buffer = vim.api.nvim_get_current_buf()

-- Without the server, say so once, in words, and keep the colours and comments: no Lua error from a client that never started.
if vim.fn.executable(cmd[1]) ~= 1 then
  if not vim.g.treaty_lsp_missing_said then
    vim.g.treaty_lsp_missing_said = true
    vim.notify("TreatyDsl: '" .. cmd[1] .. "' was not found, so .treaty files get colours but no diagnostics or navigation. " ..
      "Install the tool (dotnet tool install -g TreatyDsl.Tool --add-source path/to/feed), put the treaty binary on PATH, " ..
      "or set vim.g.treaty_lsp_cmd (editors/neovim/README.md).", vim.log.levels.WARN)
  end
  return
end

if vim.lsp.start then
  vim.lsp.start({ name = 'treaty', cmd = cmd, root_dir = root })
else
  -- Neovim 0.7: one client per folder, attached to each buffer.
  _G.treaty_lsp_clients = _G.treaty_lsp_clients or {}
  local id = _G.treaty_lsp_clients[root]
  if not id or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'treaty', cmd = cmd, root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    })
    _G.treaty_lsp_clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(buffer, id) end
end

local map = function(keys, action) vim.keymap.set('n', keys, action, { buffer = buffer, silent = true }) end
map('K', vim.lsp.buf.hover)
map('gd', vim.lsp.buf.definition)
map('gr', vim.lsp.buf.references)
map('<leader>e', vim.diagnostic.open_float)
vim.bo[buffer].omnifunc = 'v:lua.vim.lsp.omnifunc'
