-- wrk script for scripts/bench-mock-codes.sh: the use-an-lpa consumer's requests to the codes service, as its pact
-- (pacts/use-an-lpa-data-lpa-codes.json) declares them, with every body different: a running number makes each code,
-- LPA and actor id new, within the pact's regex rules, so no cache can answer a request and every one is matched.
local counter = 0
local headers = {
    ["Accept"] = "application/vnd.opg-data.v1+json,application/json",
    ["Content-Type"] = "application/json",
}
local letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

-- n written in base 36 with `width` characters from `letters`.
local function code(n, width)
    local out = {}
    for i = width, 1, -1 do
        local d = n % 36
        out[i] = letters:sub(d + 1, d + 1)
        n = math.floor(n / 36)
    end
    return table.concat(out)
end

request = function()
    counter = counter + 1
    local n = counter
    headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=" .. n
    headers["x-amzn-trace-id"] = "Root=1-" .. n
    local kind = n % 3
    if kind == 0 then
        return wrk.format("POST", "/v1/revoke", headers, '{"code":"' .. code(n, 12) .. '"}')
    elseif kind == 1 then
        return wrk.format("POST", "/v1/exists", headers,
            string.format('{"lpa":"7%011d","actor":"7%011d"}', n % 100000000000, (n * 7) % 100000000000))
    end
    local c = code(n, 14)
    return wrk.format("POST", "/v1/paper-verification-code/validate", headers,
        '{"code":"P-' .. c:sub(1, 4) .. '-' .. c:sub(5, 8) .. '-' .. c:sub(9, 12) .. '-' .. c:sub(13, 14) .. '"}')
end
