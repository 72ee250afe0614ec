import Foundation
import XCTest

/// `pactkit mock --log-level / --log-format` and `LOG_LEVEL`, as seen on standard error.
final class MockLoggingTests: XCTestCase {
    private let pact = ["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json"]

    func testJSONFormatWritesOneObjectPerLineWithLevelLabelAndMessage() throws {
        let mock = try MockCLIProcess(pact + ["--log-format", "json"])
        _ = try mock.url()
        XCTAssertEqual(mock.stop(signal: SIGINT), 0)
        let lines = mock.stderr.split(separator: "\n").map(String.init)
        let objects = try lines.map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
        }
        let messages = objects.compactMap { $0["message"] as? String }
        XCTAssertEqual(messages.count, lines.count, mock.stderr)
        let serving = try XCTUnwrap(objects.first { ($0["message"] as? String)?.hasPrefix("serving 4 interactions") == true },
                                    mock.stderr)
        XCTAssertEqual(serving["level"] as? String, "info")
        XCTAssertEqual(serving["label"] as? String, "pactkit.mock")
        XCTAssertNotNil(serving["metadata"] as? [String: Any])
        XCTAssertNotNil((serving["timestamp"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/))
        XCTAssertTrue(messages.contains("received SIGINT, stopping"), "\(messages)")
        XCTAssertEqual(messages.last, "stopped")
        // Standard output is not a log: still the listening line first.
        XCTAssertTrue(mock.stdoutLines.first?.hasPrefix("listening on ") == true)
    }

    func testTheDefaultTextFormatIsThePlainLines() throws {
        let mock = try MockCLIProcess(pact)
        _ = try mock.url()
        XCTAssertEqual(mock.stop(signal: SIGTERM), 0)
        let lines = mock.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("serving 4 interactions from 1 pact(s)") == true, mock.stderr)
        XCTAssertEqual(Array(lines.dropFirst()), ["received SIGTERM, stopping", "stopped"])
    }

    func testLogLevelWarningLeavesOutInfoLines() throws {
        let mock = try MockCLIProcess(pact + ["--log-level", "warning"])
        _ = try mock.url()
        XCTAssertEqual(mock.stop(signal: SIGINT), 0)
        XCTAssertEqual(mock.stderr, "")
    }

    func testLOG_LEVELIsTheDefaultAndTheOptionWins() throws {
        let quiet = try MockCLIProcess(pact, environment: ["LOG_LEVEL": "error"])
        _ = try quiet.url()
        XCTAssertEqual(quiet.stop(signal: SIGINT), 0)
        XCTAssertEqual(quiet.stderr, "")

        let told = try MockCLIProcess(pact + ["--log-level", "info"], environment: ["LOG_LEVEL": "error"])
        _ = try told.url()
        XCTAssertEqual(told.stop(signal: SIGINT), 0)
        XCTAssertTrue(told.stderr.contains("serving 4 interactions"), told.stderr)
    }

    func testAnUnknownLevelIsAUsageError() throws {
        let fromEnvironment = try MockCLIProcess(pact, environment: ["LOG_LEVEL": "loud"])
        fromEnvironment.process.waitUntilExit()
        XCTAssertEqual(fromEnvironment.process.terminationStatus, 64)
        XCTAssertTrue(fromEnvironment.stderr.contains("LOG_LEVEL must be one of trace, debug, info"), fromEnvironment.stderr)

        let (status, _, stderr) = try MockCLI.run(["mock"] + pact + ["--log-level", "loud"])
        XCTAssertEqual(status, 64, stderr)
    }
}
