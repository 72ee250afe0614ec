import Foundation
import PactModel

/// An actual body of about `targetBytes` bytes: a list of orders, and the expected body with type, regex and
/// eachLike (min) rules that it must satisfy.
func makeBodies(targetBytes: Int) -> (expected: JSONValue, actual: Data, rules: MatchingRules) {
    func order(_ i: Int) -> JSONValue {
        [
            "id": .int(100_000 + i),
            "reference": .string(String(format: "ORD-%08d", i)),
            "email": .string("customer\(i)@example.com"),
            "total": .double(Double(i % 1000) + 0.25),
            "paid": .bool(i % 2 == 0),
            "created": .string("2026-11-\(String(format: "%02d", i % 28 + 1))T10:15:30"),
            "lines": .array((0..<3).map { line in
                ["sku": .string("SKU-\(i)-\(line)"), "quantity": .int(line + 1), "price": .double(9.99)]
            }),
        ]
    }
    var orders: [JSONValue] = []
    var size = 0
    var i = 0
    while size < targetBytes {
        let o = order(i)
        size += JSONWriter.compact(o).utf8.count + 1
        orders.append(o)
        i += 1
    }
    let actual: JSONValue = ["orders": .array(orders), "count": .int(orders.count)]
    let expected: JSONValue = ["orders": [order(0)], "count": 1]
    var rules = MatchingRules()
    rules.add(.minType(1), category: .body, key: "$.orders")
    rules.add(.type, category: .body, key: "$.orders[*].*")
    rules.add(.regex(#"ORD-\d{8}"#), category: .body, key: "$.orders[*].reference")
    rules.add(.regex(#"[^@]+@[a-z.]+"#), category: .body, key: "$.orders[*].email")
    rules.add(.minType(1), category: .body, key: "$.orders[*].lines")
    rules.add(.type, category: .body, key: "$.orders[*].lines[*].*")
    rules.add(.integer, category: .body, key: "$.count")
    return (expected, Data(JSONWriter.compact(actual).utf8), rules)
}

func makePact(interactions count: Int) -> Pact {
    var interactions: [Interaction] = []
    for i in 0..<count {
        var requestRules = MatchingRules()
        requestRules.add(.regex(#"/orders/\d+"#), category: .path)
        var responseRules = MatchingRules()
        responseRules.add(.type, category: .body, key: "$.id")
        responseRules.add(.regex(#"\w+"#), category: .body, key: "$.status")
        let request = PactRequest(
            method: i % 3 == 0 ? "POST" : "GET", path: "/orders/\(i)",
            query: [QueryParameter(name: "page", values: ["\(i % 10)"])],
            headers: ["Accept": ["application/json"]],
            body: i % 3 == 0 ? .json(["item": .string("widget \(i)"), "quantity": .int(i % 7)], contentType: .json) : .missing,
            matchingRules: requestRules)
        let response = PactResponse(
            status: 200, headers: ["Content-Type": ["application/json"]],
            body: .json(["id": .int(i), "status": "shipped", "lines": [["sku": .string("S\(i)"), "qty": 1]]], contentType: .json),
            matchingRules: responseRules)
        let info = InteractionInfo(description: "request for order \(i)", providerStates: [ProviderState(name: "order \(i) exists", params: ["id": .int(i)])])
        interactions.append(.http(HTTPInteraction(info: info, request: request, response: response)))
    }
    return Pact(consumer: "bench-consumer", provider: "bench-provider", interactions: interactions)
}

