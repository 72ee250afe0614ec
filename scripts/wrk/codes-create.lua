-- wrk script for scripts/bench-codes-service.sh: POST /v1/create with one entry for a random LPA and actor, so each
-- request is a write transaction (supersession check, uniqueness check, insert, fsync'd commit).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 97 + id)
end

function request()
  counter = counter + 1
  local lpa = string.format("7%05d%06d", math.random(0, 99999), math.random(0, 999999))
  local actor = string.format("7%05d%06d", math.random(0, 99999), math.random(0, 999999))
  local body = string.format('{"lpas":[{"lpa":"%s","actor":"%s","dob":"1960-06-05"}]}', lpa, actor)
  return wrk.format("POST", "/v1/create", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("create: %.0f requests/s, %d requests in %.1fs, latency p50 %.2fms p99 %.2fms, non-2xx %d, socket errors %d\n",
    summary.requests / seconds, summary.requests, seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
