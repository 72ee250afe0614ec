import Foundation
import PactBroker
import PactConsumer
import XCTest

/// Recording deployments and releases, undeploying, tagging, and a version of an unknown pacticipant.
final class DeploymentContractTests: BrokerContractTestCase {

    private func run<T>(_ body: @escaping (PactBrokerClient) async throws -> T) async throws -> T {
        try await pact.run { mock in try await BrokerTestClients.with(try BrokerTestClients.client(mock.url), body) }
    }

    func testRecordsADeploymentThroughTheVersionsLinkForTheEnvironment() async throws {
        pact.indexInteraction()
        pact.versionInteraction()
        pact.recordDeploymentInteraction()
        let deployed = try await run { client in
            try await client.recordDeployment(pacticipant: "use-an-lpa", version: BrokerContract.consumerVersion, environment: "production")
        }
        XCTAssertEqual(deployed.json["currentlyDeployed"], true)
    }

    func testRecordsARelease() async throws {
        pact.indexInteraction()
        pact.versionInteraction()
        pact.recordReleaseInteraction()
        let released = try await run { client in
            try await client.recordRelease(pacticipant: "use-an-lpa", version: BrokerContract.consumerVersion, environment: "production")
        }
        XCTAssertEqual(released.json["currentlySupported"], true)
    }

    func testAnUnknownEnvironmentNamesTheAvailableOnes() async throws {
        pact.indexInteraction()
        pact.versionInteraction()
        let error = try await run { client in
            await brokerError {
                try await client.recordDeployment(pacticipant: "use-an-lpa", version: BrokerContract.consumerVersion, environment: "prod")
            }
        }
        XCTAssertEqual(error?.kind, .notFound)
        XCTAssertTrue(error?.reason.contains("no environment named 'prod' is available") == true, String(describing: error))
        XCTAssertTrue(error?.reason.contains("(available: production)") == true, String(describing: error))
    }

    func testAnUnknownPacticipantIsNotFound() async throws {
        pact.indexInteraction()
        pact.unknownPacticipantInteraction()
        let error = try await run { client in
            await brokerError { try await client.recordDeployment(pacticipant: "no-such-app", version: "1.0.0", environment: "production") }
        }
        XCTAssertEqual(error?.kind, .notFound)
        XCTAssertEqual(error?.status, 404)
        XCTAssertTrue(error?.reason.hasPrefix("no-such-app version 1.0.0 not found") == true, String(describing: error))
    }

    func testUndeploysTheVersionsCurrentlyDeployed() async throws {
        pact.indexInteraction()
        pact.undeploymentInteractions()
        let versions = try await run { client in
            try await client.recordUndeployment(pacticipant: "use-an-lpa", environment: "production")
        }
        XCTAssertEqual(versions, [BrokerContract.consumerVersion])
    }

    func testTagsAVersion() async throws {
        pact.indexInteraction()
        pact.versionTagInteraction()
        try await run { client in
            try await client.createVersionTags(pacticipant: "use-an-lpa", version: BrokerContract.consumerVersion, tags: ["production"])
        }
    }
}
