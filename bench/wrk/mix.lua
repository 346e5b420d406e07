-- wrk script that sends a list of requests round-robin, one list line per request:
--   /path<TAB>Header: value<TAB>Header: value...
-- Usage: wrk ... -s mix.lua URL -- LISTFILE
-- Every thread starts at its own offset in the list. The requests are formatted once, in init;
-- per request only a table lookup runs. At the end prints one machine-readable RESULT line.
local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local reqs = {}
local n = 0
local i = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open the request list " .. tostring(args[1]))
  for line in file:lines() do
    local fields = {}
    for f in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = f end
    if #fields > 0 then
      local headers = {}
      for k = 2, #fields do
        local name, value = string.match(fields[k], "^([^:]+):%s*(.*)$")
        headers[name] = value
      end
      n = n + 1
      reqs[n] = wrk.format("GET", fields[1], headers)
    end
  end
  file:close()
  assert(n > 0, "empty request list")
  i = ((thread_index or 0) * math.floor(n / 2)) % n
end

function request()
  i = i + 1
  if i > n then i = 1 end
  return reqs[i]
end

-- done(): the RESULT line, the same as for one fixed request (stats.lua, beside this file)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "stats.lua")
