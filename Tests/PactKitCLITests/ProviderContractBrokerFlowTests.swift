#if BrokerServer
import Foundation
import TestSupport
import XCTest

/// Bi-directional contract testing end to end with the pactkit binary: `pactkit broker` stores the codes service's
/// OpenAPI document published by `pactkit publish-provider-contract`; a compatible consumer pact (use-an-lpa's
/// committed one) is deployable with it, an incompatible one (a later use-an-lpa version calling an operation the
/// document lacks) is not.
final class ProviderContractBrokerFlowTests: XCTestCase {
    private let contract = "Fixtures/codes-service-openapi/lpa-codes-openapi-v1.yml"
    private let providerVersion = "9a2f1c7e3b5d4a6f8e0c2b1d3f5a7c9e0b2d4f6a"

    private func pactkit(_ arguments: [String], broker: URL) async throws -> BuiltExecutable.Result {
        let environment = BuiltExecutable.environment(dropping: { $0.hasPrefix("PACT_") || $0 == "NO_COLOR" },
                                                      adding: ["PACT_BROKER_BASE_URL": broker.absoluteString])
        return try await BuiltExecutable.run("pactkit", arguments, environment: environment)
    }

    /// A pact of use-an-lpa whose only interaction asks for `/v1/codes/{code}`, which the document does not have.
    private func incompatiblePact() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-contract-flow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("use-an-lpa-data-lpa-codes.json")
        try Data(#"""
            {"consumer": {"name": "use-an-lpa"}, "provider": {"name": "data-lpa-codes"},
             "interactions": [{"description": "a request for one code", "request": {"method": "GET", "path": "/v1/codes/ISAVALIDCODE"},
                               "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": {"code": "ISAVALIDCODE"}}}],
             "metadata": {"pactSpecification": {"version": "2.0.0"}}}
            """#.utf8).write(to: file)
        return file.path
    }

    private func canIDeploy(consumer: String, version: String, broker: URL) async throws -> BuiltExecutable.Result {
        try await pactkit(["can-i-deploy", "--pacticipant", consumer, "--version", version,
                           "--pacticipant", "data-lpa-codes", "--version", providerVersion], broker: broker)
    }

    func testACompatiblePactCanBeDeployedWithTheContractAndAnIncompatibleOneCannot() async throws {
        let broker = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", ":memory:"],
                                       environment: BuiltExecutable.environment(dropping: { $0.hasPrefix("PACT_") }, adding: [:]))
        let url: URL
        do {
            url = try await broker.listeningURL()
        } catch {
            _ = broker.blockingStop()
            throw error
        }
        defer { _ = broker.blockingStop() }

        let published = try await pactkit([
            "publish-provider-contract", contract, "--provider", "data-lpa-codes", "--provider-app-version", providerVersion,
            "--branch", "main", "--verification-success", "--verifier", "schemathesis", "--no-colour",
        ], broker: url)
        XCTAssertEqual(published.status, 0, published.stdout + published.stderr)
        XCTAssertTrue(published.stdout.contains("Provider contract successfully published for data-lpa-codes version \(providerVersion)."),
                      published.stdout)

        let compatible = try await pactkit(["publish", "pacts/use-an-lpa-data-lpa-codes.json", "--consumer-app-version", "c1",
                                            "--branch", "main", "--no-colour"], broker: url)
        XCTAssertEqual(compatible.status, 0, compatible.stdout + compatible.stderr)
        let yes = try await canIDeploy(consumer: "use-an-lpa", version: "c1", broker: url)
        XCTAssertEqual(yes.status, 0, yes.stdout + yes.stderr)
        XCTAssertTrue(yes.stdout.hasPrefix("Computer says yes \\o/"), yes.stdout)
        XCTAssertTrue(yes.stdout.contains("use-an-lpa | c1        | data-lpa-codes | \(providerVersion) | true"), yes.stdout)

        let incompatible = try await pactkit(["publish", try incompatiblePact(), "--consumer-app-version", "c2",
                                              "--branch", "main", "--no-colour"], broker: url)
        XCTAssertEqual(incompatible.status, 0, incompatible.stdout + incompatible.stderr)
        let no = try await canIDeploy(consumer: "use-an-lpa", version: "c2", broker: url)
        XCTAssertEqual(no.status, 1, no.stdout + no.stderr)
        XCTAssertTrue(no.stdout.hasPrefix("Computer says no"), no.stdout)
        XCTAssertTrue(no.stdout.contains("use-an-lpa | c2        | data-lpa-codes | \(providerVersion) | false"), no.stdout)
        let still = try await canIDeploy(consumer: "use-an-lpa", version: "c1", broker: url)
        XCTAssertEqual(still.status, 0, "the compatible version stays deployable: " + still.stdout + still.stderr)
    }
}
#endif
