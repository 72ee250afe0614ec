import Foundation
import PactModel
import PactVerifier
import XCTest

/// Pacts written as JSON, as consumers' tests write them.
enum Pacts {
    /// A V4 pact between `consumer` and `provider` with the given interaction objects.
    static func v4(consumer: String = "web", provider: String = "codes", _ interactions: String...) throws -> Pact {
        try PactReader.read(data: Data(text(consumer: consumer, provider: provider, interactions).utf8))
    }

    static func text(consumer: String = "web", provider: String = "codes", _ interactions: [String]) -> String {
        """
        {"consumer": {"name": "\(consumer)"}, "provider": {"name": "\(provider)"},
         "interactions": [\(interactions.joined(separator: ",\n"))],
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
    }

    /// A V4 HTTP interaction; `request` and `response` are JSON objects.
    static func http(
        _ description: String, states: String = "[]", pending: Bool = false, request: String, response: String
    ) -> String {
        """
        {"type": "Synchronous/HTTP", "description": "\(description)", "pending": \(pending),
         "providerStates": \(states), "request": \(request), "response": \(response)}
        """
    }

    /// A simple interaction: GET `path` answered 200 with `body`.
    static func get(_ description: String, path: String, states: String = "[]", body: String = #"{"ok": true}"#) -> String {
        http(description, states: states, request: #"{"method": "GET", "path": "\#(path)"}"#,
             response: #"{"status": 200, "headers": {"Content-Type": ["application/json"]}, "body": {"contentType": "application/json", "content": \#(body)}}"#)
    }

    /// A temporary directory removed at the end of the test.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

extension Verifier {
    /// A verifier against `url` with test-friendly defaults.
    static func against(
        _ url: URL, timeout: Duration = .seconds(5), configure: (inout VerifierConfiguration) throws -> Void = { _ in }
    ) throws -> Verifier {
        var configuration = VerifierConfiguration(providerBaseURL: url, requestTimeout: timeout)
        try configure(&configuration)
        return try Verifier(configuration: configuration)
    }
}

extension VerificationReport {
    /// The only interaction's result; fails the test when there is not exactly one.
    func single(file: StaticString = #filePath, line: UInt = #line) throws -> InteractionResult {
        let all = interactions
        guard all.count == 1, let first = all.first else {
            XCTFail("expected one interaction result, got \(all.count)", file: file, line: line)
            throw TestFailure(reason: "expected one interaction result, got \(all.count)")
        }
        return first
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
