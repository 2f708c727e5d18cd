-- wrk script: every request comes from one of ~1,000 readers (documentation IP
-- ranges in X-Forwarded-For, with TRUSTED_PROXIES=1 on the server) using a real
-- browser's user agent, and closes its connection (gunicorn's sync workers do not
-- keep connections alive; see README.md).
local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
}
local ranges = { "192.0.2.", "198.51.100.", "203.0.113.", "233.252.0." }
local path = os.getenv("BENCH_PATH") or "/"
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() + id * 7919)
end

function request()
  local ip = ranges[math.random(#ranges)] .. math.random(1, 254)
  local agent = agents[math.random(#agents)]
  return wrk.format("GET", path, {
    ["X-Forwarded-For"] = ip,
    ["User-Agent"] = agent,
    ["Connection"] = "close",
  })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d seconds=%.3f\n",
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status,
    summary.duration / 1e6))
end
