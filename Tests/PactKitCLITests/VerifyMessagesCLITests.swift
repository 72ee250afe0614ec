import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// `pactkit verify` with message interactions: the message endpoint under --message-path, failures and bad answers
/// reported per interaction, HTTP interactions of the same pact verified alongside.
final class VerifyMessagesCLITests: XCTestCase {
    static func message(_ description: String, content: String, metadata: String = #"{"contentType": "application/json"}"#) -> String {
        """
        {"type": "Asynchronous/Messages", "description": "\(description)",
         "providerStates": [{"name": "a code exists", "params": {"code": "ABC"}}], "metadata": \(metadata),
         "contents": {"contentType": "application/json", "content": \(content)},
         "matchingRules": {"content": {"$.lpa": {"matchers": [{"match": "regex", "regex": "7\\\\d{11}"}]}}}}
        """
    }

    func testMessagesFailAndErrPerInteractionAndTheRunContinues() async throws {
        let provider = try await CLITestProvider { request in
            guard request.path == "/_pact/message" else { return .code }
            let description = (try? JSONParser.parse(request.body))?["description"]?.stringValue ?? ""
            let metadata = ("Pact-Message-Metadata", Data(#"{"topic": "codes"}"#.utf8).base64EncodedString())
            switch description {
            case "a code created event": return .json(Data(#"{"code": "ABC", "lpa": "700000000047"}"#.utf8), headers: [metadata])
            case "a code revoked event": return .json(Data(#"{"code": "ABC", "lpa": "7000"}"#.utf8), headers: [metadata])
            case "a code expired event": return ServerResponse(status: 500, body: Data("queue unavailable".utf8))
            default: return .json(Data(#"{"code": "ABC"}"#.utf8), headers: [("Pact-Message-Metadata", "%%%")])
            }
        }
        let content = #"{"code": "ABC", "lpa": "700000000047"}"#
        let pact = try CLIPacts.write(self, interactions: [
            Self.message("a code created event", content: content, metadata: #"{"contentType": "application/json", "topic": "codes"}"#),
            Self.message("a code revoked event", content: content),
            Self.message("a code expired event", content: content),
            Self.message("a code renamed event", content: content),
            CLIPacts.get("a code", path: "/codes/1"),
        ])
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-messages-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: junit) }
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", provider.url.absoluteString, "--message-path", "_pact/message",
            "--junit", junit.path,
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        for expected in [
            "  a code created event (message via POST /_pact/message)\n    Given a code exists {\"code\":\"ABC\"}\n    PASSED",
            "  a code revoked event (message via POST /_pact/message)",
            "1) body $.lpa: Expected '7000' to match '7\\d{11}'",
            "the message endpoint POST /_pact/message answered 500 instead of the message: queue unavailable",
            "sent a Pact-Message-Metadata header that is not base64: '%%%'",
            "  a code (GET /codes/1)",
            "1 pact(s), 5 interaction(s), 2 passed, 1 failed, 0 pending, 0 skipped, 2 error(s): FAILED",
        ] {
            XCTAssertTrue(result.stdout.contains(expected), "missing '\(expected)' in:\n\(result.stdout)")
        }
        XCTAssertEqual(provider.requests.map(\.path).filter { $0 == "/_pact/message" }.count, 4)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        XCTAssertTrue(xml.contains("a code revoked event"), xml)
    }

    func testTheMessagePathIsInTheHelp() async throws {
        let result = try await PactkitBinary.verify(["--help"])
        XCTAssertTrue(result.stdout.contains("--message-path"), result.stdout)
    }
}
