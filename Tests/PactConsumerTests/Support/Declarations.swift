import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// Declares one interaction responding with `body` and returns its compiled response (nil when usage errors kept it
/// out) and the builder's usage errors.
func declaredResponse(
    _ body: PactBody, status: PactStatus = 200, headers: [String: PactValue] = [:], version: PactSpecVersion = .v4
) -> (response: PactResponse?, errors: [PactUsageError]) {
    let pact = PactBuilder(consumer: "consumer", provider: "provider", specVersion: version, reporter: CollectingFailureReporter())
    pact.uponReceiving("an interaction")
        .withRequest(.get, "/")
        .willRespondWith(status: status, headers: headers, body: body)
    return (pact.interactions.first?.response, pact.usageErrors)
}

/// Declares one request and returns it compiled, with the builder's usage errors.
func declaredRequest(
    _ method: PactHTTPMethod = .post, _ path: PactValue = "/", query: [String: PactValue] = [:],
    headers: [String: PactValue] = [:], body: PactBody? = nil, version: PactSpecVersion = .v4
) -> (request: PactRequest?, errors: [PactUsageError]) {
    let pact = PactBuilder(consumer: "consumer", provider: "provider", specVersion: version, reporter: CollectingFailureReporter())
    pact.uponReceiving("an interaction")
        .withRequest(method, path, query: query, headers: headers, body: body)
    return (pact.interactions.first?.request, pact.usageErrors)
}

/// The JSON form of the body rules, keyed by path, for compact assertions.
func bodyRules(_ rules: MatchingRules) -> [String: JSONValue] {
    rules[.body].mapValues { .array($0.rules.map(\.json)) }
}

/// A fresh directory under the system's temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-consumer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock {
        // The pact files' locks live in the temporary folder; drop them with the pacts.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
            try? FileManager.default.removeItem(at: PactFileLock.lockURL(for: url.appendingPathComponent(name)))
        }
        try? FileManager.default.removeItem(at: url)
    }
    return url
}

/// Records in the pact file's lock that an earlier run wrote it last, as a previous `swift test` would have.
func pretendAnEarlierRunWrote(_ pactFile: URL) throws {
    let lock = PactFileLock.lockURL(for: pactFile)
    try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("an earlier run".utf8).write(to: lock)
}
