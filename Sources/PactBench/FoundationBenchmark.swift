import Foundation
import PactMatching
import PactModel

/// `pactkit-bench profile profile-read`, `profile-parse`, `profile-write` or `profile-match` loops one operation for
/// a profiler.
func profileFoundation(_ what: String) throws {
    let pact = makePact(interactions: 1_000)
    let pactData = try PactWriter.data(for: pact, version: .v4)
    let (expected, body, rules) = makeBodies(targetBytes: 1_000_000)
    let actual = try JSONParser.parse(body)
    for _ in 0..<100 {
        switch what {
        case "profile-read": _ = try PactReader.read(data: pactData)
        case "profile-parse": _ = try JSONParser.parse(body)
        case "profile-write": _ = try PactWriter.data(for: pact, version: .v4)
        case "profile-match":
            _ = JSONBodyMatcher.match(expected: expected, actual: actual, rules: RuleSelector(rules[.body]), allowUnexpectedKeys: true)
        default: return
        }
    }
}

func runFoundationBenchmark() throws {
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

