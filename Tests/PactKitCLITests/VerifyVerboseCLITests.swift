import Foundation
import HTTPServerCore
import XCTest

/// `pactkit verify --verbose`: the request sent and the response received under each interaction of the console
/// report, bodies cut at 4 KiB; the JSON report stays as it was.
final class VerifyVerboseCLITests: XCTestCase {
    private static let padding = String(repeating: "x", count: 5000)

    private func provider() async throws -> CLITestProvider {
        try await CLITestProvider { _ in
            .json(Data(#"{"code": "ABC", "padding": "\#(Self.padding)"}"#.utf8), headers: [("X-Served-By", "test-provider")])
        }
    }

    func testVerbosePrintsEachRequestAndResponseWithBodiesCut() async throws {
        let provider = try await provider()
        let pact = try CLIPacts.write(self, interactions: [
            CLIPacts.get("a code", path: "/codes/1"), CLIPacts.get("another code", path: "/codes/2"),
        ])
        let report = pact.deletingLastPathComponent().appendingPathComponent("report.json")
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", provider.url.absoluteString, "--header", "X-Trace=42",
            "--verbose", "--json", report.path,
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let out = result.stdout
        XCTAssertEqual(out.components(separatedBy: "Request sent:").count - 1, 2, out)
        XCTAssertEqual(out.components(separatedBy: "Response received:").count - 1, 2, out)
        XCTAssertTrue(out.contains("        GET \(provider.url.absoluteString)/codes/1\n"), out)
        XCTAssertTrue(out.contains("        GET \(provider.url.absoluteString)/codes/2\n"), out)
        XCTAssertTrue(out.contains("        X-Trace: 42\n"), out)
        XCTAssertTrue(out.contains("        200\n"), out)
        XCTAssertTrue(out.contains("        X-Served-By: test-provider\n"), out)
        let body = #"{"code": "ABC", "padding": "\#(Self.padding)"}"#
        XCTAssertTrue(out.contains("        " + body.prefix(4096) + "\n"), out)
        XCTAssertTrue(out.contains("        … (\(body.utf8.count - 4096) bytes more)\n"), out)
        XCTAssertFalse(out.contains(body), "the body is cut at 4 KiB")
        let json = try String(contentsOf: report, encoding: .utf8)
        XCTAssertFalse(json.contains("X-Served-By"), "the JSON report has no transcript")
        XCTAssertFalse(json.contains("padding"), "the JSON report has no transcript")
    }

    func testWithoutVerboseNothingIsPrinted() async throws {
        let provider = try await provider()
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let result = try await PactkitBinary.verify(["--file", pact.path, "--provider-base-url", provider.url.absoluteString])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("Request sent:"), result.stdout)
        XCTAssertFalse(result.stdout.contains("X-Served-By"), result.stdout)
    }

    func testVerboseShowsStateChangesAndMessageRequestsInTheOrderTheyWereMade() async throws {
        let provider = try await CLITestProvider { request in
            switch request.path {
            case "/_pact_state": return .json(Data(#"{"stateChanged": true}"#.utf8))
            case "/_pact/message": return .json(Data(#"{"code": "ABC", "lpa": "700000000047"}"#.utf8))
            default: return .code
            }
        }
        let url = provider.url.absoluteString
        let pact = try CLIPacts.write(self, interactions: [
            CLIPacts.get("a code", path: "/codes/1", states: #"[{"name": "a code exists", "params": {"code": "ABC"}}]"#),
            VerifyMessagesCLITests.message("a code created event", content: #"{"code": "ABC", "lpa": "700000000047"}"#),
        ])
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", url, "--message-path", "_pact/message",
            "--state-change-url", "\(url)/_pact_state", "--state-change-teardown", "--verbose",
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let out = result.stdout
        let headings = out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.hasSuffix("sent:") || $0.hasSuffix("'):") || $0.hasPrefix("POST ") || $0.hasPrefix("GET ")
        }
        XCTAssertEqual(headings, [
            "State change sent (setup of 'a code exists'):", "POST \(url)/_pact_state",
            "Request sent:", "GET \(url)/codes/1",
            "State change sent (teardown of 'a code exists'):", "POST \(url)/_pact_state",
            "State change sent (setup of 'a code exists'):", "POST \(url)/_pact_state",
            "Message request sent:", "POST \(url)/_pact/message",
            "State change sent (teardown of 'a code exists'):", "POST \(url)/_pact_state",
        ], out)
        XCTAssertTrue(out.contains(#""action":"setup""#) && out.contains(#""action":"teardown""#), out)
        XCTAssertTrue(out.contains(#""state":"a code exists""#), out)
        XCTAssertTrue(out.contains(#"        {"description":"a code created event""#), out)
        XCTAssertTrue(out.contains(#"        {"code": "ABC", "lpa": "700000000047"}"#), out)
    }

    func testVerboseSaysWhenNoResponseCame() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let url = provider.url.absoluteString
        await provider.stop()
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let result = try await PactkitBinary.verify(["--file", pact.path, "--provider-base-url", url, "-v"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("        GET \(url)/codes/1\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("      No response received\n"), result.stdout)
    }
}
