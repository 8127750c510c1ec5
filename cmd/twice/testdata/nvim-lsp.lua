-- Opens files in a headless Neovim with `twice lsp` attached, waits for
-- twice's diagnostics and writes what Neovim received as JSON.
-- Works with Neovim 0.7 (vim.lsp.start_client) and later.
-- Environment: TWICE_BIN, TWICE_ROOT, TWICE_OUT, TWICE_FILES (';'-separated,
-- relative to TWICE_ROOT).
local bin, root, out = os.getenv("TWICE_BIN"), os.getenv("TWICE_ROOT"), os.getenv("TWICE_OUT")
local files = vim.split(os.getenv("TWICE_FILES"), ";")

local client_id = vim.lsp.start_client({
  name = "twice",
  cmd = { bin, "lsp" },
  root_dir = root,
  init_options = { failOn = "none" },
})

for _, f in ipairs(files) do
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. f))
  vim.lsp.buf_attach_client(0, client_id)
end

local function twice_diagnostics(f)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(vim.fn.bufnr(root .. "/" .. f))) do
    if d.source == "twice" then
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(found, {
        file = f, line = d.lnum, col = d.col, severity = d.severity,
        code = d.code or lsp.code, message = d.message,
      })
    end
  end
  return found
end

local done = vim.wait(180000, function()
  for _, f in ipairs(files) do
    if #twice_diagnostics(f) == 0 then return false end
  end
  return true
end, 100)

local all = {}
for _, f in ipairs(files) do
  for _, d in ipairs(twice_diagnostics(f)) do table.insert(all, d) end
end
local fh = assert(io.open(out, "w"))
fh:write(vim.fn.json_encode({ done = done, diagnostics = all }))
fh:close()

vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qall!")
