import Foundation
import PactBroker
import PactVerifier

/// `pactkit verify --broker-url … --provider …`: the broker source from the options, verified by the library.
enum VerifyFromBroker {
    static func run(
        options: BrokerVerifyOptions, broker: BrokerConfiguration, verifier: Verifier, colour: Bool,
        verbose: Bool, environment: [String: String]
    ) async throws -> (report: VerificationReport, exitCode: Int32) {
        let source = BrokerVerificationSource(
            broker: broker, request: try options.request(environment: environment),
            consumerVersionTags: BrokerVerifyOptions.split(options.consumerVersionTags), publication: options.publication,
            failIfNoPactsFound: options.failIfNoPactsFound)
        do throws(BrokerError) {
            let run = try await verifier.verify(source)
            print(run.renderConsole(colour: colour, verbose: verbose), terminator: "")
            return (run.verification, run.exitCode)
        } catch {
            throw BrokerRun.fail(error, command: "verify", code: 2, plain: !colour)
        }
    }
}
