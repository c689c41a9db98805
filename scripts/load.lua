-- wrk script of scripts/load.sh: sends each line of the file $LOAD_URLS (a path and query) at most once, the
-- $LOAD_THREADS threads each walking its own share of the lines, and checks every answer: the expected one is a 302
-- to the authorization endpoint with a request_uri (the host cached the accepted request). done() prints one line,
--   LOAD requests=<n> seconds=<s> rps=<r> redirects=<n> unexpected=<n> exhausted=<n> errors=<n>
-- and load.sh fails the run when unexpected, exhausted or errors is not 0.

local threads = {}
local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LOAD_URLS")) do
    paths[#paths + 1] = line
  end
  step = tonumber(os.getenv("LOAD_THREADS"))
  index = id + 1
  redirects = 0
  unexpected = 0
  exhausted = 0
  first_unexpected = ""
end

function request()
  local path = paths[index]
  if path == nil then
    -- Out of fresh requests: this one is a replay and will be refused, which counts against the run.
    exhausted = exhausted + 1
    path = paths[id + 1]
  end
  index = index + step
  return wrk.format("GET", path)
end

function response(status, headers, body)
  local location = headers["Location"]
  if status == 302 and location ~= nil and string.find(location, "/connect/authorize?", 1, true)
      and string.find(location, "request_uri=", 1, true) then
    redirects = redirects + 1
  else
    unexpected = unexpected + 1
    if first_unexpected == "" then
      first_unexpected = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local redirected, wrong, out, sample = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    redirected = redirected + thread:get("redirects")
    wrong = wrong + thread:get("unexpected")
    out = out + thread:get("exhausted")
    if sample == "" then sample = thread:get("first_unexpected") end
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("LOAD requests=%d seconds=%.2f rps=%.1f redirects=%d unexpected=%d exhausted=%d errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, seconds, summary.requests / seconds, redirected, wrong, out, errors,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  if sample ~= "" then
    io.write("LOAD first unexpected answer: " .. string.gsub(sample, "\n", " | ") .. "\n")
  end
end
