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

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d bytes=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
