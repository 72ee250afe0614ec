import ArgumentParser
import CommandLineLogging
import Foundation
import Logging
import OutboundHTTP
import PactVerifier

/// `pactkit verify`: replays pacts against a running provider.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a provider against pacts.",
        discussion: """
            For each interaction: sets the provider states up (--state-change-url), sends the request the pact \
            describes to the provider, matches the response against the pact, and tears the states down \
            (--state-change-teardown). PACT_DESCRIPTION, PACT_PROVIDER_STATE and PACT_PROVIDER_NO_STATE=true give \
            the filters' defaults. With --provider NAME, --file/--dir/--url pacts for other providers are skipped; \
            without it, pacts naming several providers are an error. Exit codes: 0 all verified, 1 a verification \
            failed, 2 an error (unreadable pact, pacts for several providers, provider unreachable, state setup \
            failed or request timed out for every interaction), 64 bad usage.
            """
    )

    @Option(name: [.customShort("f"), .customLong("file")], help: ArgumentHelp("A pact file (repeatable).", valueName: "file"))
    var files: [String] = []

    @Option(name: [.customShort("d"), .customLong("dir")], help: ArgumentHelp("A directory of *.json pacts (repeatable).", valueName: "dir"))
    var directories: [String] = []

    @Option(name: [.customShort("u"), .customLong("url")], help: ArgumentHelp("A pact URL (repeatable).", valueName: "url"))
    var urls: [String] = []

    @Option(help: "Username for basic authentication on --url.")
    var user: String?

    @Option(help: "Password for basic authentication on --url.")
    var password: String?

    @Option(help: "Bearer token for --url.")
    var token: String?

    @Option(name: .customLong("provider-base-url"), help: ArgumentHelp("The provider's base URL.", valueName: "url"))
    var providerBaseURL: String?

    @Option(help: "The provider's host name (with --port; default localhost).")
    var hostname: String?

    @Option(name: [.customShort("p"), .long], help: "The provider's port.")
    var port: Int?

    @Option(help: "The provider's scheme with --hostname/--port: http or https.")
    var scheme: ProviderScheme = .http

    @Option(name: .customLong("base-path"), help: "A path prefix for every request.")
    var basePath: String = ""

    @Option(name: .customLong("message-path"),
            help: ArgumentHelp("Path of the provider's message endpoint, under the base URL and base path (default /): "
                               + "POST {\"description\",\"providerStates\"} answered with the message.", valueName: "path"))
    var messagePath: String = "/"

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Timeout over each whole request (provider, state change, pact download), in milliseconds.", valueName: "ms"))
    var requestTimeout: Int = 5000

    @Option(name: .customLong("ca-cert"), help: ArgumentHelp("A PEM file of CA certificates to trust for https providers and pact URLs.", valueName: "file"))
    var caCertificateFile: String?

    // pact-reference's verifier calls it --disable-ssl-verification; pact-stub-server calls it --insecure-tls.
    @Flag(name: [.customLong("disable-ssl-verification"), .customLong("insecure-tls")],
          help: "Accept any TLS certificate (self-signed test setups only).")
    var disableTLSVerification = false

    @Option(name: .customLong("max-response-bytes"), help: ArgumentHelp("The largest provider response body read (default 10 MiB); a longer one fails its interaction.", valueName: "bytes"))
    var maxResponseBytes: Int = 10 * 1024 * 1024

    @Option(name: .customLong("max-pact-bytes"), help: ArgumentHelp("The largest pact downloaded from --url (default 50 MiB).", valueName: "bytes"))
    var maxPactBytes: Int = 50 * 1024 * 1024

    @Option(name: [.customShort("s"), .customLong("state-change-url")],
            help: ArgumentHelp("URL to POST {\"state\",\"params\",\"action\"} to before each interaction.", valueName: "url"))
    var stateChangeURL: String?

    @Flag(name: .customLong("state-change-teardown"), help: "Also POST a teardown call after each interaction.")
    var stateChangeTeardown = false

    @Option(name: [.customShort("H"), .customLong("header")], help: ArgumentHelp("An extra request header (repeatable).", valueName: "K=V"))
    var headers: [String] = []

    @Option(name: [.customShort("c"), .customLong("filter-consumer")], help: ArgumentHelp("Verify only this consumer (repeatable).", valueName: "name"))
    var filterConsumers: [String] = []

    @Option(name: .customLong("filter-description"), help: ArgumentHelp("Verify only interactions whose description matches.", valueName: "regex"))
    var filterDescription: String?

    @Option(name: .customLong("filter-state"), help: ArgumentHelp("Verify only interactions with a provider state that matches.", valueName: "regex"))
    var filterState: String?

    @Flag(name: .customLong("filter-no-state"), help: "Verify only interactions without provider states.")
    var filterNoState = false

    @Option(name: [.customShort("j"), .customLong("json")], help: ArgumentHelp("Write a JSON report to this file.", valueName: "file"))
    var jsonFile: String?

    @Option(name: [.customShort("x"), .customLong("junit")], help: ArgumentHelp("Write a JUnit XML report to this file.", valueName: "file"))
    var junitFile: String?

    @Flag(name: [.customLong("no-colour"), .customLong("no-color")], help: "Plain console output.")
    var noColour = false

    @Flag(name: [.customShort("v"), .long],
          help: "Show each request sent and response received in the console report (bodies up to 4 KiB).")
    var verbose = false

    @OptionGroup(title: "Pact Broker") var broker: BrokerVerifyOptions

    @OptionGroup(title: "Logging") var logging: LoggingOptions

    // No `validate()`: argument-parser runs it before it reports unknown options, so `verify --bogus` would say
    // "give at least one pact source". The same checks throw `ValidationError` from `run()`, before anything is sent;
    // `PactKitCommand.main` prints them with this command's usage.
    func run() async throws {
        try logging.bootstrap()
        let environment = ProcessInfo.processInfo.environment
        let settings = try settings(environment: environment)
        let verifier = try verifier(settings)
        do {
            try await run(verifier, settings: settings, environment: environment)
            await verifier.shutdown()
        } catch {
            await verifier.shutdown()
            throw error
        }
    }

    private func run(_ verifier: Verifier, settings: VerifySettings, environment: [String: String]) async throws {
        let colour = TerminalColour.shouldColour(disabled: noColour, environment: environment)
        let report: VerificationReport
        var exitCode: Int32
        if fromBroker(environment: environment) {
            let brokerConfiguration = try broker.configuration(
                environment: environment, user: user, password: password, token: token,
                providerTLS: TLSOptions(caCertificateFile: caCertificateFile, skipVerification: disableTLSVerification))
            (report, exitCode) = try await VerifyFromBroker.run(options: broker, broker: brokerConfiguration, verifier: verifier,
                                                                colour: colour, verbose: verbose, environment: environment)
        } else {
            report = await verifier.verify(settings.sources)
            print(report.renderConsole(colour: colour, verbose: verbose), terminator: "")
            exitCode = report.exitCode
        }
        if let jsonFile, !write(report.jsonText(), to: jsonFile, kind: "JSON") { exitCode = 2 }
        if let junitFile, !write(report.junitXML(), to: junitFile, kind: "JUnit") { exitCode = 2 }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    private func verifier(_ settings: VerifySettings) throws -> Verifier {
        do {
            return try Verifier(configuration: settings.configuration)
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func write(_ text: String, to path: String, kind: String) -> Bool {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return true
        } catch {
            Logger(label: "pactkit.verify")
                .error("pactkit verify: cannot write the \(kind) report to \(path): \(error.localizedDescription)")
            return false
        }
    }
}

/// The provider's URL scheme for --hostname/--port.
enum ProviderScheme: String, ExpressibleByArgument, CaseIterable {
    case http, https
}
