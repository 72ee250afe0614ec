-- Requests spread over the benchmark interactions of `pactkit-bench mock-serve`: GET /orders/{even},
-- POST /orders/{odd} with a JSON body. INTERACTIONS (environment) is how many the mock serves.
local count = tonumber(os.getenv("INTERACTIONS") or "10")
local counter = 0

request = function()
    local i = counter % count
    counter = counter + 1
    if i % 2 == 0 then
        return wrk.format("GET", "/orders/" .. i, { ["Accept"] = "application/json" })
    end
    local body = '{"sku":"SKU-' .. i .. '","quantity":' .. (i % 9 + 1) .. '}'
    return wrk.format("POST", "/orders/" .. i, { ["Content-Type"] = "application/json" }, body)
end
