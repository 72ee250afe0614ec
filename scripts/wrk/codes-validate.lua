-- wrk script for scripts/bench-codes-service.sh: POST /v1/validate for one existing code.
-- The code, its LPA and date of birth come from the environment (CODE, LPA, DOB).
wrk.method = "POST"
wrk.path = "/v1/validate"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"lpa":"%s","dob":"%s","code":"%s"}', os.getenv("LPA"), os.getenv("DOB"), os.getenv("CODE"))

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("validate: %.0f requests/s, %d requests in %.1fs, latency p50 %.2fms p99 %.2fms, non-2xx %d, socket errors %d\n",
    summary.requests / seconds, summary.requests, seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
