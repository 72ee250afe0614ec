import Foundation
import PactBroker
import PactModel
import PactVerifier

/// docs/provider-verification.md's library snippet and the examples of `Verifier`'s and `BrokerVerificationSource`'s
/// doc comments, compiled; never called (they verify `pacts/` against a provider that is not there).
enum VerifierDocExamples {
    /// What the snippets call the provider under test.
    struct Service { var url: URL }

    static func providerVerification(service: Service, token: String) async throws {
        // doc-snippet: docs/provider-verification.md
        let verifier = try Verifier(configuration: VerifierConfiguration(
            providerBaseURL: service.url,
            stateHandler: ClosureStateHandler(states: [
                "a code exists": { params in try await seed(params); return ["code": "XYZ789"] },  // feeds ${code}
            ]),
            requestFilter: { request in request.setHeader("Authorization", "Bearer \(token)") },
            providerName: "data-lpa-codes",                  // pacts for other providers are skipped (report.skippedPacts)
            filter: try InteractionFilter(consumers: ["use-an-lpa"])))
        let report = await verifier.verify([.directory(URL(fileURLWithPath: "pacts"))])
        print(report.renderConsole(colour: false))      // also report.jsonText(), report.junitXML()
        // doc-snippet-end
    }

    static func verifierDocComment() async throws {
        // doc-snippet: Sources/PactVerifier/Verification/Verifier.swift
        let verifier = try Verifier(configuration: VerifierConfiguration(
            providerBaseURL: URL(string: "http://localhost:8080")!,
            stateHandler: ClosureStateHandler(states: ["a code exists": { _ in try await seed(); return [:] }])))
        let report = await verifier.verify([.directory(URL(fileURLWithPath: "pacts"))])
        print(report.renderConsole(colour: false))
        await verifier.shutdown()
        // doc-snippet-end
    }

    static func brokerVerificationSourceDocComment(verifier: Verifier, gitSHA: String) async throws {
        // doc-snippet: Sources/PactVerifier/Broker/BrokerVerificationSource.swift
        let source = BrokerVerificationSource(
            broker: BrokerConfiguration(baseURL: URL(string: "https://broker.example.com")!),
            request: PactsForVerificationRequest(provider: "api", selectors: [["mainBranch": true]], includePendingStatus: true),
            publication: ProviderVersionPublication(version: gitSHA, branch: "main"))
        let run = try await verifier.verify(source)
        print(run.renderConsole(colour: false), terminator: "")
        // doc-snippet-end
    }
}

/// The snippets' state setup: seeds the provider's data.
private func seed(_ params: [String: JSONValue] = [:]) async throws {}
