import Foundation
import PactBroker
import PactConsumer
import XCTest

/// can-i-deploy: the index relation for one version and an environment, the matrix for several selectors.
final class CanIDeployContractTests: BrokerContractTestCase {

    private func ask(_ version: String, environment: String = "production", retries: Int = 0) async throws -> Result<MatrixAnswer, BrokerError> {
        try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url, retries: retries)) { client in
                do {
                    return .success(try await client.canIDeploy(CanIDeployQuery(pacticipant: "use-an-lpa", version: version,
                                                                                toEnvironment: environment)))
                } catch let error as BrokerError {
                    return .failure(error)
                }
            }
        }
    }

    func testAVerifiedVersionIsDeployable() async throws {
        pact.indexInteraction()
        pact.canIDeployYes()
        let answer = try await ask(BrokerContract.consumerVersion).get()
        XCTAssertEqual(answer.deployable, true)
        XCTAssertEqual(answer.rows.first?.success, true)
        XCTAssertTrue(answer.table().hasPrefix("Computer says yes \\o/\n\nCONSUMER   | C.VERSION"), answer.table())
    }

    func testAFailedVerificationIsNotDeployable() async throws {
        pact.indexInteraction()
        pact.canIDeployNo()
        let answer = try await ask(BrokerContract.failingVersion).get()
        XCTAssertEqual(answer.deployable, false)
        XCTAssertTrue(answer.table().contains("use-an-lpa | \(BrokerContract.failingVersion) | data-lpa-codes | \(BrokerContract.providerVersion) | false    | 1"),
                      answer.table())
    }

    func testAMissingVerificationIsUnknown() async throws {
        pact.indexInteraction()
        pact.canIDeployUnknown()
        let answer = try await ask(BrokerContract.unverifiedVersion).get()
        XCTAssertNil(answer.deployable)
        XCTAssertEqual(answer.unknown, 1)
        XCTAssertTrue(answer.table().contains("| data-lpa-codes | ???"), answer.table())
    }

    func testABrokerFailureIsRetriedThenReportedWithItsMessage() async throws {
        pact.indexInteraction()
        pact.canIDeployServerError()
        let outcome = try await ask(BrokerContract.consumerVersion, environment: "staging", retries: 2)
        guard case .failure(let error) = outcome else { return XCTFail("expected an error, got \(outcome)") }
        XCTAssertEqual(error.kind, .serverError)
        XCTAssertEqual(error.status, 500)
        XCTAssertEqual(error.messages, ["PG::ConnectionBad: could not connect to server (reference cbd2c4a8e1)"])
    }

    func testSeveralSelectorsAskTheMatrix() async throws {
        pact.matrixInteraction()
        let answer = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { client in
                try await client.canIDeploy(CanIDeployQuery(selectors: [
                    .init(pacticipant: "use-an-lpa", version: BrokerContract.consumerVersion),
                    .init(pacticipant: "data-lpa-codes", latest: true, tag: "production"),
                ]))
            }
        }
        XCTAssertEqual(answer.deployable, true)
    }
}
