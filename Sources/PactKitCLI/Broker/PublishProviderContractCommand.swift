import ArgumentParser
import CommandLineLogging
import Foundation
import PactBroker

/// `pactkit publish-provider-contract`: publishes a provider's OpenAPI document and its self-verification results,
/// as PactFlow's `pactflow publish-provider-contract` does.
struct PublishProviderContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish-provider-contract",
        abstract: "Publish a provider contract (an OpenAPI document) to a Pact Broker.",
        discussion: """
            Sends the document and the provider's own verification result to the broker's \
            pf:publish-provider-contract (PactFlow, or pactkit broker), which compares it with the consumers' pacts. \
            Give exactly one of --verification-success, --verification-failure or --verification-exit-code. \
            Prints the broker's notices (or its JSON answer with --output json). Exit codes: 0 published, 1 the \
            broker refused, lacks provider contracts or could not be reached, or a file could not be read, 64 bad usage.
            """
    )

    @Argument(help: ArgumentHelp("The provider contract: an OpenAPI document, YAML or JSON.", valueName: "contract-file"))
    var contractFile: String

    @Option(name: .long, help: "The provider name.")
    var provider: String

    @Option(name: [.customShort("a"), .customLong("provider-app-version")], help: "The provider version (the git SHA).")
    var providerAppVersion: String

    @Option(name: .long, help: "The provider version's branch.")
    var branch: String?

    @Option(name: [.customShort("t"), .customLong("tag")], help: "A tag for the provider version (repeatable).")
    var tags: [String] = []

    @Option(name: .long, help: "The contract specification.")
    var specification = "oas"

    @Option(name: .customLong("content-type"),
            help: "The contract's content type (default: from the extension, .yaml/.yml application/yaml, .json application/json).")
    var contentType: String?

    @Flag(name: .customLong("verification-success"), help: "The provider's own verification of the contract passed.")
    var verificationSuccess = false

    @Flag(name: [.customLong("verification-failure"), .customLong("no-verification-success")],
          help: "The provider's own verification of the contract failed.")
    var verificationFailure = false

    @Option(name: .customLong("verification-exit-code"), help: ArgumentHelp(
        "The exit code of the verification: 0 is success, anything else failure.", valueName: "n"))
    var verificationExitCode: Int?

    @Option(name: .customLong("verification-results"), help: ArgumentHelp("The verification's output (a report, a log).", valueName: "file"))
    var verificationResults: String?

    @Option(name: .customLong("verification-results-content-type"), help: "Its content type, e.g. text/plain, application/xml.")
    var verificationResultsContentType: String?

    @Option(name: .customLong("verification-results-format"), help: "Its format, e.g. text, junit.")
    var verificationResultsFormat: String?

    @Option(name: .long, help: "The tool that verified the provider against the contract.")
    var verifier: String?

    @Option(name: .customLong("verifier-version"), help: "That tool's version.")
    var verifierVersion: String?

    @Option(name: .customLong("build-url"), help: "The CI build that produced the contract.")
    var buildURL: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json (the broker's answer as received).")
    var output: PublishProviderContractOutput = .text

    @OptionGroup var broker: BrokerOptions
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func validate() throws {
        let given = [verificationSuccess, verificationFailure, verificationExitCode != nil].filter { $0 }.count
        if given != 1 {
            throw ValidationError(given == 0
                ? "give the provider's own verification result: --verification-success, --verification-failure or --verification-exit-code N"
                : "give only one of --verification-success, --verification-failure and --verification-exit-code")
        }
        for (flag, value) in [("--provider", provider), ("--provider-app-version", providerAppVersion)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty || value.contains("\n") {
            throw ValidationError("\(flag) must be a non-blank single line")
        }
        if let branch, branch.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--branch must not be blank") }
        if tags.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw ValidationError("--tag must not be blank") }
        if specification.isEmpty { throw ValidationError("--specification must not be blank") }
    }

    func run() async throws {
        try logging.bootstrap()
        let configuration = try broker.configuration(environment: ProcessInfo.processInfo.environment)
        let publication: ProviderContractPublication
        do throws(BrokerError) {
            let contract = try ProviderContractFile.read(path: contractFile, contentType: contentType, specification: specification)
            let results = try verificationResults.map { path throws(BrokerError) in try SelfVerificationResults.readContent(path: path) }
            publication = ProviderContractPublication(
                provider: provider.trimmingCharacters(in: .whitespaces),
                providerVersion: providerAppVersion.trimmingCharacters(in: .whitespaces),
                branch: branch?.trimmingCharacters(in: .whitespaces), tags: tags.map { $0.trimmingCharacters(in: .whitespaces) },
                buildURL: buildURL, contract: contract,
                selfVerification: SelfVerificationResults(
                    success: verificationSuccess || verificationExitCode == 0, content: results,
                    contentType: verificationResultsContentType, format: verificationResultsFormat, verifier: verifier,
                    verifierVersion: verifierVersion))
        } catch {
            BrokerOutput.error("pactkit publish-provider-contract: \(error.reason); nothing was published")
            throw ExitCode(1)
        }
        let outcome = try await BrokerRun.with(configuration, command: "publish-provider-contract", plain: broker.noColour) { client in
            do throws(BrokerError) {
                return try await client.publishProviderContract(publication)
            } catch {
                throw failure(error)
            }
        }
        switch output {
        case .json: BrokerOutput.line(outcome.body)
        case .text: for notice in outcome.notices { BrokerOutput.notice(notice, plain: broker.noColour) }
        }
    }

    /// Prints the error with the broker's messages one per line (a 400's field errors each on its own).
    private func failure(_ error: BrokerError) -> ExitCode {
        for notice in error.notices { BrokerOutput.notice(notice, plain: broker.noColour, stream: .standardError) }
        guard !error.messages.isEmpty else {
            BrokerOutput.error("pactkit publish-provider-contract: \(error)")
            return ExitCode(1)
        }
        let lines = error.messages.map { "  " + $0 }.joined(separator: "\n")
        BrokerOutput.error("pactkit publish-provider-contract: \(error.reason)\(error.target.map { " (\($0))" } ?? ""):\n\(lines)")
        return ExitCode(1)
    }
}

/// `--output` of publish-provider-contract.
enum PublishProviderContractOutput: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
