import Foundation
import XCTest

/// The broker commands given bad credentials, a broker that is down, no pacts, files that are not pacts, and usage
/// mistakes, run with the pactkit binary (against `pactkit mock` serving the broker contract where a broker is
/// needed). Named to sort after the contract tests, like `WholePipelineTests`.
final class WholePipelineBadInputTests: XCTestCase {
    func testWrongCredentialsSayWhichVariablesToCheck() async throws {
        let mock = try await BrokerMock()
        defer { mock.stop() }
        let result = try await Pactkit.run(
            ["can-i-deploy", "--pacticipant", "use-an-lpa", "--version", BrokerContract.consumerVersion, "--to-environment", "production"],
            environment: ["PACT_BROKER_BASE_URL": mock.url.absoluteString, "PACT_BROKER_USERNAME": BrokerContract.username,
                          "PACT_BROKER_PASSWORD": "wrong"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "pactkit can-i-deploy: the Pact Broker refused the credentials (401 Unauthorized): check "
            + "PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN (--broker-username/--broker-password or --broker-token): Unauthorized "
            + "(GET \(mock.url.absoluteString))\n")
        let log = try await mock.log()
        XCTAssertEqual(log.map(\.interaction), ["a request for the index resource with wrong credentials"])
    }

    func testNoPactsForTheProviderIsAMessageAndExit0UnlessAskedToFail() async throws {
        let mock = try await BrokerMock()
        defer { mock.stop() }
        let arguments = ["verify", "--broker-url", mock.url.absoluteString, "--provider", "codes-reporting",
                         "--consumer-version-selectors", #"{"mainBranch": true}"#, "--consumer-version-selectors", #"{"deployedOrReleased": true}"#,
                         "--enable-pending", "--include-wip-pacts-since", "2024-01-01", "--provider-version-branch", "main",
                         "--provider-base-url", "http://127.0.0.1:9"]
        let credentials = ["PACT_BROKER_USERNAME": BrokerContract.username, "PACT_BROKER_PASSWORD": BrokerContract.password]
        let lenient = try await Pactkit.run(arguments, environment: credentials)
        XCTAssertEqual(lenient.status, 0, lenient.stdout + lenient.stderr)
        XCTAssertEqual(lenient.stdout, "No pacts were found for provider 'codes-reporting' with the given consumer version selectors; nothing to verify\n")
        let strict = try await Pactkit.run(arguments + ["--fail-if-no-pacts-found"], environment: credentials)
        XCTAssertEqual(strict.status, 2, strict.stdout + strict.stderr)
        XCTAssertEqual(strict.stdout, "No pacts were found for provider 'codes-reporting' with the given consumer version selectors\n")
    }

    func testABrokerThatIsDownIsReportedAndExits1() async throws {
        let result = try await Pactkit.run(["publish", "pacts/use-an-lpa-data-lpa-codes.json", "--consumer-app-version", "1",
                                            "--broker-base-url", "http://127.0.0.1:9"],
                                           environment: ["PACT_BROKER_HTTP_RETRIES": "1", "PACTKIT_BROKER_RETRY_BACKOFF_MS": "10"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "pactkit publish: cannot reach the Pact Broker: connection refused: nothing listens there (GET http://127.0.0.1:9)\n")
    }

    func testAFileThatIsNotAPactIsRefusedBeforeAnythingIsSent() async throws {
        let mock = try await BrokerMock()
        defer { mock.stop() }
        let result = try await Pactkit.run(["publish", "pacts/use-an-lpa-data-lpa-codes.json", "Package.swift", "--consumer-app-version", "1",
                                            "--broker-base-url", mock.url.absoluteString])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("pactkit publish: Package.swift is not a pact: "), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("; nothing was published\n"), result.stderr)
        let log = try await mock.log()
        XCTAssertEqual(log.count, 0)
    }

    func testAnHTMLPageInsteadOfTheBrokerIsNamed() async throws {
        let mock = try await BrokerMock()
        defer { mock.stop() }
        let result = try await Pactkit.run(["record-deployment", "--pacticipant", "use-an-lpa", "--version", "1", "--environment", "production",
                                            "--broker-base-url", mock.url.absoluteString + "/sso",
                                            "--broker-username", BrokerContract.username, "--broker-password", BrokerContract.password])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("the Pact Broker index answered with an HTML page instead of HAL JSON"), result.stderr)
    }

    func testUsageMistakesExit64() async throws {
        let cases: [([String], String)] = [
            (["verify", "--broker-url", "http://127.0.0.1:9", "--provider", "p", "--provider-base-url", "http://127.0.0.1:9",
              "--publish-verification-results"], "--publish-verification-results needs --provider-app-version"),
            (["verify", "--broker-url", "http://127.0.0.1:9", "--provider-base-url", "http://127.0.0.1:9"], "verifying from a broker needs --provider NAME"),
            (["verify", "--broker-url", "http://127.0.0.1:9", "--provider", "p", "--provider-base-url", "http://127.0.0.1:9",
              "--consumer-version-selectors", "mainBranch"], "--consumer-version-selectors 'mainBranch' is not a JSON object"),
            (["can-i-deploy", "--pacticipant", "a", "--broker-base-url", "http://127.0.0.1:9"], "--pacticipant a needs --version V or --latest [TAG]"),
            (["publish", "pacts", "--consumer-app-version", "1"], "give the broker with --broker-base-url or PACT_BROKER_BASE_URL"),
            (["create-version-tag", "--pacticipant", "a", "--version", "1", "--broker-base-url", "http://x", "--broker-username", "u",
              "--broker-token", "t", "--tag", "prod"], "You cannot provide both a username/password and a bearer token"),
        ]
        for (arguments, message) in cases {
            let result = try await Pactkit.run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
