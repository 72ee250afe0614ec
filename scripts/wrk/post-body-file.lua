-- wrk script for scripts/bench-mock-large-body.sh: POST the file BODY_FILE (environment) to REQUEST_PATH
-- (environment, default /orders) as application/json, the same bytes on every request.
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.path = os.getenv("REQUEST_PATH") or "/orders"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
file:close()
