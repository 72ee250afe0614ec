import Foundation
import TestSupport
import XCTest

/// Bad pacts, bad flags and bad HTTP: exit codes, messages, and a server that keeps going.
final class MockBadInputTests: XCTestCase {
    func testAMissingPactFileExitsWith2NamingTheFile() throws {
        let result = try MockCLI.run(["mock", "--file", "pacts/no-such-pact.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: pacts/no-such-pact.json: $: cannot read the file"), result.stderr)
        XCTAssertEqual(result.stdout, "", "nothing is served")
    }

    func testAMalformedPactExitsWith2NamingTheFileAndJSONPath() throws {
        let scratch = try MockCLI.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("bad.json")
        try Data(MockCLI.pact(#"[{"type": "Synchronous/HTTP", "description": "x", "request": {"method": "GET", "path": 12}, "response": {"status": 200}}]"#).utf8)
            .write(to: file)
        let result = try MockCLI.run(["mock", "--dir", scratch.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: \(file.path): $.interactions[0].request.path: "), result.stderr)

        let missingDirectory = try MockCLI.run(["mock", "--dir", scratch.appendingPathComponent("nope").path])
        XCTAssertEqual(missingDirectory.status, 2)
        XCTAssertTrue(missingDirectory.stderr.contains("nope: no such directory"), missingDirectory.stderr)
    }

    func testCollidingProvidersExitWith2SuggestingOneProcessEach() throws {
        let scratch = try MockCLI.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for provider in ["orders", "billing"] {
            try Data(MockCLI.pact("[\(MockCLI.interaction("\(provider) list", path: "/list"))]", provider: provider).utf8)
                .write(to: scratch.appendingPathComponent("\(provider).json"))
        }
        let result = try MockCLI.run(["mock", "--dir", scratch.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("interactions of different providers collide"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Serve each provider from its own process"), result.stderr)
    }

    func testUsageErrorsExitWith64() throws {
        let unknown = try MockCLI.run(["mock", "--file", "x.json", "--no-such-flag"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("--no-such-flag"), unknown.stderr)
        let nothing = try MockCLI.run(["mock"])
        XCTAssertEqual(nothing.status, 64)
        XCTAssertTrue(nothing.stderr.contains("give at least one --file or --dir"), nothing.stderr)
        let badRegex = try MockCLI.run(["mock", "--file", "x.json", "--provider-state", "(oops"])
        XCTAssertEqual(badRegex.status, 64)
        XCTAssertTrue(badRegex.stderr.contains("--provider-state"), badRegex.stderr)
        let badPort = try MockCLI.run(["mock", "--file", "x.json", "--port", "70000"])
        XCTAssertEqual(badPort.status, 64)
    }

    func testMalformedHTTPGets400AndTheServerKeepsServing() throws {
        let mock = try MockCLIProcess(["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json"])
        let port = try XCTUnwrap(try mock.url().port)
        let garbage = try RawHTTPConnection(port: port, timeoutSeconds: 15)
        try garbage.send("THIS IS NOT HTTP\r\n\r\n")
        XCTAssertEqual(try garbage.readResponse().status, 400)
        let next = try RawHTTPConnection(port: port, timeoutSeconds: 15)
        XCTAssertEqual(try next.get("/__pactkit/health").status, 200)
        XCTAssertEqual(mock.stop(signal: SIGINT), 0)
        XCTAssertTrue(mock.stderr.contains("received SIGINT, stopping"), mock.stderr)
    }

    func testAPortInUseExitsWith1() throws {
        let first = try MockCLIProcess(["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json"])
        let port = try XCTUnwrap(try first.url().port)
        let second = try MockCLI.run(["mock", "--file", "Fixtures/codes-service/sirius-data-lpa-codes.json",
                                      "--port", String(port)])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"), second.stderr)
        first.stop()
    }
}
