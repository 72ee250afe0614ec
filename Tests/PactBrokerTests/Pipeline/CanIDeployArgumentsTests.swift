import Foundation
import HTTPServerCore
import XCTest

/// `pactkit can-i-deploy` pairs each `--pacticipant` with the version options after it, from the arguments it is
/// given (not from the process's own command line), in every spelling the pact-broker CLI accepts.
final class CanIDeployArgumentsTests: XCTestCase {
    private func matrixQuery(_ arguments: [String]) async throws -> (Pactkit.Result, String?) {
        let broker = try await FakeBroker { request, _ in
            request.path == "/" ? FakeBroker.hal(#"{"_links": {}}"#)
                : FakeBroker.hal(#"{"summary": {"deployable": true, "reason": "All verified", "success": 1, "failed": 0, "unknown": 0}, "matrix": []}"#)
        }
        let result = try await Pactkit.run(["can-i-deploy", "--broker-base-url", broker.url.absoluteString] + arguments)
        await broker.stop()
        let query = broker.requests.first { $0.path == "/matrix" }.flatMap { request in
            request.target.split(separator: "?", maxSplits: 1).last.map(String.init)?.removingPercentEncoding
        }
        return (result, query)
    }

    func testEachPacticipantTakesTheVersionOptionsThatFollowIt() async throws {
        let (result, query) = try await matrixQuery([
            "-a", "web", "--version", "1.0", "--pacticipant=api", "--latest", "prod", "--pacticipant", "ios", "--main-branch",
            "--pacticipant", "cli", "-l", "--to-environment", "production",
        ])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(query, "q[][pacticipant]=web&q[][version]=1.0&q[][pacticipant]=api&q[][latest]=true&q[][tag]=prod"
            + "&q[][pacticipant]=ios&q[][mainBranch]=true&q[][latest]=true&q[][pacticipant]=cli&q[][latest]=true"
            + "&latestby=cvpv&environment=production")
    }

    func testAVersionOptionBeforeAnyPacticipantIsAUsageError() async throws {
        let (result, query) = try await matrixQuery(["--version", "1.0", "--pacticipant", "web"])
        XCTAssertEqual(result.status, 64, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("--version must follow a --pacticipant"), result.stderr)
        XCTAssertNil(query, "nothing is asked")
    }
}
