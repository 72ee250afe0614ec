import Foundation
import PactModel
import TestSupport
import XCTest

/// `pactkit --version`, and usage errors showing the usage of the subcommand they were made in.
final class CommandLineUsageTests: XCTestCase {
    private func pactkit(_ arguments: [String]) async throws -> BuiltExecutable.Result {
        let environment = BuiltExecutable.environment(dropping: { $0.hasPrefix("PACT_BROKER_") }, adding: [:])
        return try await BuiltExecutable.run("pactkit", arguments, environment: environment)
    }

    func testVersionPrintsTheVersionWrittenIntoPacts() async throws {
        let result = try await pactkit(["--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), PactWriter.pactKitVersion)
        let help = try await pactkit(["--help"])
        XCTAssertTrue(help.stdout.contains("pactkit --version"), help.stdout)
    }

    func testAnUnknownOptionShowsTheSubcommandsUsage() async throws {
        for (arguments, command) in [
            (["verify", "--file", "p.json", "--port", "1", "--bogus"], "pactkit verify"),
            (["can-i-deploy", "--bogus"], "pactkit can-i-deploy"),
            (["mock", "--file", "p.json", "--bogus"], "pactkit mock"),
        ] {
            let result = try await pactkit(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Error: Unknown option '--bogus'"), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: \(command) "), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("See '\(command) --help'"), "\(arguments): \(result.stderr)")
        }
    }

    func testAnUnknownOptionIsReportedBeforeOtherUsageMistakes() async throws {
        for (arguments, command, message) in [
            (["verify", "--bogus"], "pactkit verify", "Unknown option '--bogus'"),
            (["mock", "-f", "p.json"], "pactkit mock", "Unknown option '-f'"),
            (["verify"], "pactkit verify", "give at least one pact source"),
            (["mock", "--file", "p.json", "--port", "70000"], "pactkit mock", "--port must be in 0...65535, got 70000"),
        ] {
            let result = try await pactkit(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Error: \(message)"), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: \(command) "), "\(arguments): \(result.stderr)")
        }
    }

    func testAUsageErrorFoundWhileRunningShowsTheSubcommandsUsage() async throws {
        // The broker URL is checked when the command runs, not while the arguments are parsed. can-i-deploy's own
        // `--version` words are not `pactkit --version`.
        for (arguments, command) in [
            (["can-i-deploy", "--pacticipant", "web", "--version", "1"], "pactkit can-i-deploy"),
            (["record-deployment", "--pacticipant", "web", "--version", "1", "--environment", "production"],
             "pactkit record-deployment"),
            (["can-i-deploy", "--pacticipant", "web", "--version", "1", "--broker-base-url", "ftp://broker"],
             "pactkit can-i-deploy"),
        ] {
            let result = try await pactkit(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: \(command) "), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("See '\(command) --help'"), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Usage: pactkit <subcommand>"), "\(arguments): \(result.stderr)")
        }
    }
}
