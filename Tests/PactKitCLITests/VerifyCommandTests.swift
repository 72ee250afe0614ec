import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// `pactkit verify` as CI runs it: exit codes and what it prints.
final class VerifyCommandTests: XCTestCase {
    func testAVerifiedPactExitsZero() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let result = try await PactkitBinary.verify(["--file", pact.path, "--provider-base-url", provider.url.absoluteString])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Verifying a pact between web and codes"), result.stdout)
        XCTAssertTrue(result.stdout.contains("PASSED"), result.stdout)
        XCTAssertTrue(result.stdout.contains(": VERIFIED"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testAWrongStatusExitsOneAndSaysWhere() async throws {
        let provider = try await CLITestProvider { _ in .json(Data(#"{"code": "ABC"}"#.utf8), status: 404) }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let result = try await PactkitBinary.verify(["-f", pact.path, "--hostname", "127.0.0.1", "--port", "\(provider.server.port)"])
        await provider.stop()
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("a code (GET /codes/1)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("FAILED"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1) status: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("expected: 200"), result.stdout)
        XCTAssertTrue(result.stdout.contains("actual:   404"), result.stdout)
    }

    func testAMalformedPactExitsTwo() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        try Data(#"{"consumer": {"name": "web"}, "provider": {"name": "codes"}, "interactions": [{"type": 3}]}"#.utf8).write(to: pact)
        let result = try await PactkitBinary.verify(["--file", pact.path, "--provider-base-url", provider.url.absoluteString])
        await provider.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Pacts that could not be read:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\(pact.path): not a valid pact: $.interactions[0]"), result.stdout)
        XCTAssertTrue(provider.requests.isEmpty)
    }

    func testAFailingStateHookExitsTwoWithTheProvidersAnswer() async throws {
        let provider = try await CLITestProvider { request in
            request.path == "/_state" ? .json(Data(#"{"error": "fixtures missing"}"#.utf8), status: 500) : .code
        }
        let pact = try CLIPacts.write(self, interactions: [
            CLIPacts.get("a code", path: "/codes/1", states: #"[{"name": "a code exists"}]"#),
        ])
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", provider.url.absoluteString,
            "--state-change-url", provider.url.appendingPathComponent("_state").absoluteString, "--state-change-teardown",
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("setup of provider state 'a code exists' failed"), result.stdout)
        XCTAssertTrue(result.stdout.contains(#"answered 500: {"error": "fixtures missing"}"#), result.stdout)
        XCTAssertEqual(provider.requests.map(\.path), ["/_state"])
    }

    func testAProviderThatNeverAnswersTimesOutWithExitOne() async throws {
        let provider = try await CLITestProvider { request in
            if request.path == "/slow" { try? await Task.sleep(for: .seconds(60)) }
            return .code
        }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("slow", path: "/slow"), CLIPacts.get("fast", path: "/fast")])
        let result = try await PactkitBinary.verify([
            "--file", pact.path, "--provider-base-url", provider.url.absoluteString, "--request-timeout", "500",
        ])
        await provider.stop()
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("/slow: no complete answer within 500 ms"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 passed"), result.stdout)
    }

    func testAnUnreachableProviderExitsTwo() async throws {
        let provider = try await CLITestProvider { _ in .code }
        let port = provider.server.port
        await provider.stop()
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let result = try await PactkitBinary.verify(["--file", pact.path, "--port", "\(port)", "--hostname", "127.0.0.1"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("cannot connect to the provider"), result.stdout)
    }

    func testUsageErrorsExit64() async throws {
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let cases: [([String], String)] = [
            ([], "give at least one pact source"),
            (["--file", pact.path], "give the provider with --provider-base-url or --port"),
            (["--file", pact.path, "--port", "1", "--bogus"], "Unknown option '--bogus'"),
            (["--file", pact.path, "--port", "x"], "'x' is invalid"),
            (["--file", pact.path, "--port", "1", "--header", "no-equals"], "must have the form NAME=VALUE"),
            (["--file", pact.path, "--port", "1", "--filter-description", "(["], "invalid description filter"),
            (["--url", "http://localhost/p", "--port", "1", "--user", "u"], "needs both --user and --password"),
            (["--file", pact.path, "--port", "1", "--token", "t"], "apply to --url sources only"),
            (["--file", pact.path, "--provider-base-url", "ftp://x"], "must be an http or https URL"),
            (["--file", pact.path, "--port", "1", "--request-timeout", "0"], "--request-timeout must be a positive"),
            (["--file", pact.path, "--port", "1", "--scheme", "gopher"], "gopher"),
            (["--file", pact.path, "--port", "1", "--max-response-bytes", "0"], "--max-response-bytes must be a positive"),
            (["--file", pact.path, "--port", "1", "--max-pact-bytes=-1"], "--max-pact-bytes must be a positive"),
            (["--file", pact.path, "--port", "1", "--ca-cert", "/nonexistent/ca.pem"], "/nonexistent/ca.pem"),
        ]
        for (arguments, message) in cases {
            let result = try await PactkitBinary.verify(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    func testReportsFiltersAndHeaders() async throws {
        let provider = try await CLITestProvider { request in
            request.header("X-Api-Key") == "k=1" && request.path.hasPrefix("/api/") ? .code : ServerResponse(status: 401)
        }
        let pact = try CLIPacts.write(self, interactions: [
            CLIPacts.get("first code", path: "/codes/1"), CLIPacts.get("second code", path: "/codes/2"),
            CLIPacts.get("other", path: "/other", states: #"[{"name": "x"}]"#),
        ])
        let directory = pact.deletingLastPathComponent()
        let json = directory.appendingPathComponent("report.json")
        let junit = directory.appendingPathComponent("report.xml")
        let result = try await PactkitBinary.verify(
            ["--dir", directory.path, "--provider-base-url", provider.url.absoluteString, "--base-path", "/api",
             "-H", "X-Api-Key=k=1", "--filter-no-state", "--json", json.path, "--junit", junit.path],
            environment: ["PACT_DESCRIPTION": "^first"])
        await provider.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(provider.requests.map(\.path), ["/api/codes/1"])
        let report = try JSONParser.parse(try Data(contentsOf: json))
        XCTAssertEqual(report["exitCode"], 0)
        XCTAssertEqual(report["summary"]?["passed"], 1)
        XCTAssertEqual(report["summary"]?["filteredOut"], 2)
        let xml = String(decoding: try Data(contentsOf: junit), as: UTF8.self)
        XCTAssertTrue(xml.contains(#"<testcase classname="web.codes" name="first code""#), xml)
    }

    func testURLSourcesWithTokenAndBasicAuthentication() async throws {
        let pactText = CLIPacts.text([CLIPacts.get("a code", path: "/codes/1")])
        let broker = try await CLITestProvider { request in
            switch request.header("Authorization") {
            case "Bearer s3cret", "Basic " + Data("me:pw".utf8).base64EncodedString(): .json(Data(pactText.utf8))
            default: .json(Data(#"{"error": "who are you?"}"#.utf8), status: 401)
            }
        }
        let provider = try await CLITestProvider { _ in .code }
        let url = broker.url.appendingPathComponent("pacts/provider/codes/consumer/web/latest").absoluteString
        let base = ["--url", url, "--provider-base-url", provider.url.absoluteString]
        let bearer = try await PactkitBinary.verify(base + ["--token", "s3cret"])
        let basic = try await PactkitBinary.verify(base + ["--user", "me", "--password", "pw"])
        let refused = try await PactkitBinary.verify(base + ["--token", "wrong"])
        await broker.stop()
        await provider.stop()
        XCTAssertEqual(bearer.status, 0, bearer.stdout)
        XCTAssertEqual(basic.status, 0, basic.stdout)
        XCTAssertEqual(refused.status, 2, refused.stdout)
        XCTAssertTrue(refused.stdout.contains("\(url): fetching it answered 401"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("who are you?"), refused.stdout)
    }
}
