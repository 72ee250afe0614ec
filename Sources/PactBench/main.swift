// Benchmarks for the foundation: matching a ~1 MB JSON body and reading/writing a 1,000-interaction pact.
// Run through scripts/bench-foundation.sh (release build).
import Foundation
import PactMatching
import PactModel

struct Measurement {
    let name: String
    let samples: [Duration]

    var median: Duration { samples.sorted()[samples.count / 2] }
    var best: Duration { samples.min() ?? .zero }

    func report() {
        func ms(_ d: Duration) -> String {
            let (s, atto) = d.components
            return String(format: "%8.2f ms", Double(s) * 1000 + Double(atto) / 1e15)
        }
        print("\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) median \(ms(median))   best \(ms(best))   (\(samples.count) runs)")
    }
}

func measure(_ name: String, iterations: Int, _ body: () throws -> Void) rethrows -> Measurement {
    try body()  // warm-up
    var samples: [Duration] = []
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        samples.append(try clock.measure(body))
    }
    return Measurement(name: name, samples: samples)
}

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
        let request = HTTPRequest(
            method: i % 3 == 0 ? "POST" : "GET", path: "/orders/\(i)",
            query: [QueryParameter(name: "page", values: ["\(i % 10)"])],
            headers: ["Accept": ["application/json"]],
            body: i % 3 == 0 ? .json(["item": .string("widget \(i)"), "quantity": .int(i % 7)], contentType: .json) : .missing,
            matchingRules: requestRules)
        let response = HTTPResponse(
            status: 200, headers: ["Content-Type": ["application/json"]],
            body: .json(["id": .int(i), "status": "shipped", "lines": [["sku": .string("S\(i)"), "qty": 1]]], contentType: .json),
            matchingRules: responseRules)
        let info = InteractionInfo(description: "request for order \(i)", providerStates: [ProviderState(name: "order \(i) exists", params: ["id": .int(i)])])
        interactions.append(.http(HTTPInteraction(info: info, request: request, response: response)))
    }
    return Pact(consumer: "bench-consumer", provider: "bench-provider", interactions: interactions)
}

/// `pactkit-bench profile-read` or `profile-parse` loops one operation for a profiler.
func profile(_ what: String) throws {
    let pactData = try PactWriter.data(for: makePact(interactions: 1_000), version: .v4)
    let (expected, body, rules) = makeBodies(targetBytes: 1_000_000)
    let actual = try JSONParser.parse(body)
    for _ in 0..<100 {
        switch what {
        case "profile-read": _ = try PactReader.read(data: pactData)
        case "profile-parse": _ = try JSONParser.parse(body)
        case "profile-match":
            _ = JSONBodyMatcher.match(expected: expected, actual: actual, rules: RuleSelector(rules[.body]), allowUnexpectedKeys: true)
        default: return
        }
    }
}

func run() throws {
    if CommandLine.arguments.count > 1 { return try profile(CommandLine.arguments[1]) }
    print("PactKit foundation benchmark (release build)\n")
    let (expected, actualData, rules) = makeBodies(targetBytes: 1_000_000)
    let headers: Headers = ["Content-Type": ["application/json"]]
    let actualValue = try JSONParser.parse(actualData)
    print("actual body: \(actualData.count) bytes")

    var failures = 0
    let parseOnly = try measure("parse 1 MB JSON body", iterations: 30) {
        _ = try JSONParser.parse(actualData)
    }
    let matchOnly = measure("match 1 MB JSON body (parsed)", iterations: 30) {
        let mismatches = BodyMatching.match(
            expected: .json(expected, contentType: .json), actual: .json(actualValue, contentType: .json),
            expectedHeaders: headers, actualHeaders: headers, rules: rules, allowUnexpectedKeys: true, version: .v4)
        failures += mismatches.count
    }
    let parseAndMatch = try measure("parse + match 1 MB JSON body (bytes)", iterations: 30) {
        let parsed = try JSONParser.parse(actualData)
        let mismatches = BodyMatching.match(
            expected: .json(expected, contentType: .json), actual: .json(parsed, contentType: .json),
            expectedHeaders: headers, actualHeaders: headers, rules: rules, allowUnexpectedKeys: true, version: .v4)
        failures += mismatches.count
    }
    if failures > 0 {
        print("error: the benchmark body did not match its expectation (\(failures) mismatches)")
        exit(1)
    }

    let pact = makePact(interactions: 1_000)
    let pactData = try PactWriter.data(for: pact, version: .v4)
    print("pact file: \(pact.interactions.count) interactions, \(pactData.count) bytes\n")
    let read = try measure("read 1,000-interaction V4 pact (bytes -> model)", iterations: 30) {
        let readBack = try PactReader.read(data: pactData, file: "bench.json")
        guard readBack.interactions.count == 1_000 else { throw PactError(jsonPath: "$", reason: "lost interactions") }
    }
    let write = try measure("write 1,000-interaction V4 pact (model -> bytes)", iterations: 30) {
        _ = try PactWriter.data(for: pact, version: .v4)
    }
    let v3Data = try PactWriter.data(for: pact, version: .v3)
    let readV3 = try measure("read 1,000-interaction V3 pact (bytes -> model)", iterations: 30) {
        _ = try PactReader.read(data: v3Data, file: "bench-v3.json")
    }
    for m in [parseOnly, matchOnly, parseAndMatch, read, write, readV3] { m.report() }
}

do {
    try run()
} catch {
    print("error: \(error)")
    exit(2)
}
