import ArgumentParser
import Foundation
import PactBroker
import PactMatching
import PactVerifier

/// `pactkit verify --broker-url … --provider …`: wires the broker steps (PactBroker) to the verifier.
enum VerifyFromBroker {
    static func run(
        options: BrokerVerifyOptions, broker: BrokerConfiguration, verifier: Verifier, colour: Bool,
        environment: [String: String]
    ) async throws -> (report: VerificationReport, exitCode: Int32) {
        let request = try options.request(environment: environment)
        let consumerTags = BrokerVerifyOptions.split(options.consumerVersionTags)
        return try await BrokerRun.with(broker, command: "verify", failure: 2) { client in
            let steps = try await BrokerVerificationSteps.fetch(from: client, request, consumerVersionTags: consumerTags)
            if steps.pacts.isEmpty {
                let message = "No pacts were found for provider '\(request.provider)' with the given consumer version selectors"
                print(message + (options.failIfNoPactsFound ? "" : "; nothing to verify"))
                return (VerificationReport(), options.failIfNoPactsFound ? 2 : 0)
            }
            for pact in steps.pacts {
                let label = pact.name ?? pact.url.absoluteString
                print("\(label)\(pact.pending ? " [pending]" : "")\(pact.wip ? " [WIP]" : "")")
                for notice in pact.noticesBefore { BrokerOutput.notice(notice, prefix: "  ") }
            }
            print("")
            let sources: [PactSource] = steps.downloaded.map { pact in
                .document(pact.pactData, origin: pact.verifiable.url.absoluteString,
                          pending: pact.verifiable.pending || pact.verifiable.wip)
            }
            var report = sources.isEmpty ? VerificationReport() : await verifier.verify(sources)
            report.sourceErrors += steps.failedDownloads.map { failure in
                SourceError(source: failure.pact.url.absoluteString, message: "cannot be downloaded from the broker: \(failure.error)")
            }
            print(report.renderConsole(colour: colour), terminator: "")

            let outcomes = steps.downloaded.compactMap { pact -> PactVerificationOutcome? in
                guard let result = report.pacts.first(where: { $0.source == pact.verifiable.url.absoluteString }) else { return nil }
                return PactVerificationOutcome(pact: pact, testResults: result.interactions.map { testResult($0, in: pact) })
            }
            var exitCode = report.exitCode
            for item in await BrokerVerificationSteps.publish(outcomes, as: options.publication, with: client) {
                let label = item.outcome.pact.verifiable.name ?? item.outcome.pact.verifiable.url.absoluteString
                switch item.publication {
                case .notRequested: break
                case .published(let location):
                    print("Published verification results for \(label)" + (location.map { ": \($0)" } ?? ""))
                case .failed(let error):
                    BrokerOutput.error("pactkit verify: could not publish the verification results for \(label): \(error)")
                    exitCode = max(exitCode, 2)
                }
                for notice in item.notices { BrokerOutput.notice(notice) }
            }
            return (report, exitCode)
        }
    }

    /// One interaction's result in the broker's `testResults` shape. Pending failures are still failures there: the
    /// broker knows the pact is pending.
    static func testResult(_ result: InteractionResult, in pact: BrokerPact) -> InteractionTestResult {
        let id = pact.interactionId(description: result.description, providerStates: result.providerStates.map(\.name))
        let success = result.status == .passed || result.status == .skipped
        return InteractionTestResult(
            interactionId: id, description: result.description, success: success,
            mismatches: result.mismatches.map { mismatch in
                let attribute = mismatch.kind == .bodyType ? "body" : mismatch.kind.rawValue
                return InteractionTestResult.Mismatch(attribute: attribute, identifier: mismatch.path.isEmpty ? nil : mismatch.path,
                                                      description: mismatch.message)
            },
            exceptions: result.errors.map(\.message))
    }
}
