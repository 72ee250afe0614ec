import Foundation
import XCTest

/// `pactkit verify --log-level / --log-format` and `LOG_LEVEL`: diagnostics go to standard error through swift-log,
/// the report stays on standard output.
final class VerifyLoggingTests: XCTestCase {
    private func run(_ extra: [String], environment: [String: String] = [:]) async throws -> PactkitBinary.Result {
        let provider = try await CLITestProvider { _ in .code }
        let pact = try CLIPacts.write(self, interactions: [CLIPacts.get("a code", path: "/codes/1")])
        let unwritable = "/nonexistent-\(UUID().uuidString)/report.xml"
        let result = try await PactkitBinary.verify(
            ["--file", pact.path, "--provider-base-url", provider.url.absoluteString, "--junit", unwritable] + extra,
            environment: environment)
        await provider.stop()
        return result
    }

    func testJSONFormatWritesTheReportFailureAsAnErrorOfTheVerifyLogger() async throws {
        let result = try await run(["--log-format", "json"])
        XCTAssertTrue(result.stdout.contains("PASSED"), result.stdout)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(lines.first).utf8)) as? [String: Any], result.stderr)
        XCTAssertEqual(object["label"] as? String, "pactkit.verify")
        XCTAssertEqual(object["level"] as? String, "error")
        XCTAssertTrue((object["message"] as? String)?.contains("cannot write the JUnit report to /nonexistent-") == true,
                      result.stderr)
    }

    func testTheTextFormatIsThePlainLineAndLogLevelCriticalOrLOG_LEVELSilencesIt() async throws {
        let plain = try await run([])
        XCTAssertTrue(plain.stderr.hasPrefix("pactkit verify: cannot write the JUnit report to /nonexistent-"), plain.stderr)
        let critical = try await run(["--log-level", "critical"])
        XCTAssertEqual(critical.stderr, "")
        XCTAssertEqual(critical.status, plain.status, "the log level changes what is written, not the outcome")
        let fromEnvironment = try await run([], environment: ["LOG_LEVEL": "critical"])
        XCTAssertEqual(fromEnvironment.stderr, "")
        let badLevel = try await run(["--log-level", "loud"])
        XCTAssertEqual(badLevel.status, 64, badLevel.stderr)
        XCTAssertTrue(badLevel.stderr.contains("loud"), badLevel.stderr)
    }
}
