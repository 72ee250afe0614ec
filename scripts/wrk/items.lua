-- Requests for the pact of scripts/gen-items-pact.py: item k = 0, 1, 2, … cycles through the N/2 items, alternating
-- GET /items/{k} and POST /items/{k} with a JSON body. INTERACTIONS (environment) is N. BODIES=distinct (environment)
-- makes every POST body different (a running number in the name and quantity), so no cache can answer a request.
local distinct = os.getenv("BODIES") == "distinct"
local items = math.max(1, math.floor((tonumber(os.getenv("INTERACTIONS") or "10")) / 2))
local counter = 0

request = function()
    local k = math.floor(counter / 2) % items
    local post = counter % 2 == 1
    counter = counter + 1
    if not post then
        return wrk.format("GET", "/items/" .. k, { ["Accept"] = "application/json" })
    end
    local body
    if distinct then
        body = '{"name":"item ' .. k .. ' #' .. counter .. '","quantity":' .. counter .. ',"tags":["x","y"]}'
    else
        body = '{"name":"item ' .. k .. '","quantity":' .. (k % 9 + 1) .. ',"tags":["x","y"]}'
    end
    return wrk.format("POST", "/items/" .. k, { ["Content-Type"] = "application/json" }, body)
end
