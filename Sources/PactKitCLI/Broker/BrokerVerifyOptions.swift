import ArgumentParser
import Foundation
import OutboundHTTP
import PactBroker
import PactModel

/// `pactkit verify`'s broker source, with the pact verifier CLI's flag names: which pacts to fetch and whether to
/// publish the results.
struct BrokerVerifyOptions: ParsableArguments {
    @Option(name: [.customShort("b"), .customLong("broker-url")],
            help: ArgumentHelp("Fetch the pacts to verify from this Pact Broker (or PACT_BROKER_BASE_URL with --provider).", valueName: "url"))
    var brokerURL: String?

    @Option(name: [.customShort("n"), .customLong("provider"), .customLong("provider-name")], help: "The provider being verified: its pacts from the broker; pacts from --file/--dir/--url for other providers are skipped.")
    var provider: String?

    @Option(name: .customLong("consumer-version-selectors"),
            help: ArgumentHelp("A consumer version selector as JSON, e.g. '{\"mainBranch\": true}' (repeatable).", valueName: "json"))
    var selectors: [String] = []

    @Option(name: .customLong("consumer-version-tags"), help: ArgumentHelp("Consumer version tags (comma-separated, repeatable).", valueName: "tags"))
    var consumerVersionTags: [String] = []

    @Flag(name: .customLong("enable-pending"), help: "Ask for pending pacts: their failures do not fail the run.")
    var enablePending = false

    @Option(name: .customLong("include-wip-pacts-since"), help: ArgumentHelp("Also verify work-in-progress pacts published since this date.", valueName: "yyyy-mm-dd"))
    var includeWipPactsSince: String?

    @Option(name: [.customLong("provider-app-version"), .customLong("provider-version")], help: "The provider version (the git SHA) the results are published for.")
    var providerVersion: String?

    @Option(name: [.customLong("provider-version-branch"), .customLong("provider-branch")], help: "The provider version's branch.")
    var providerBranch: String?

    @Option(name: [.customLong("provider-version-tags"), .customLong("provider-tags")], help: ArgumentHelp("Provider version tags (comma-separated, repeatable).", valueName: "tags"))
    var providerTags: [String] = []

    @Flag(name: [.customLong("publish-verification-results"), .customLong("publish")], help: "Publish the results to the broker (needs --provider-app-version).")
    var publish = false

    @Option(name: .customLong("build-url"), help: "The CI build, sent with the results.")
    var buildURL: String?

    @Flag(name: .customLong("fail-if-no-pacts-found"), help: "Exit 2 when the broker has no pacts for the provider (default: a message and exit 0).")
    var failIfNoPactsFound = false

    @Option(name: .customLong("broker-timeout"), help: ArgumentHelp("Timeout per broker call, in seconds.", valueName: "s"))
    var brokerTimeout: Double = 30

    @Option(name: .customLong("broker-ca-file"),
            help: ArgumentHelp("PEM file of CA certificates to trust for an https broker (default: --ca-cert).", valueName: "file"))
    var brokerCAFile: String?

    @Flag(name: .customLong("broker-insecure"),
          help: "Skip TLS certificate verification for the broker (self-signed test setups only; also --disable-ssl-verification).")
    var brokerInsecure = false

    /// The broker URL: the option, or PACT_BROKER_BASE_URL when a provider name says the broker is meant.
    func url(environment: [String: String]) -> String? {
        brokerURL ?? (provider != nil ? environment["PACT_BROKER_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } : nil)
    }

    /// Whether the broker is a pact source of this run.
    func isRequested(environment: [String: String]) -> Bool { url(environment: environment) != nil }

    /// The checked request, or a `ValidationError` (exit 64).
    func request(environment: [String: String]) throws -> PactsForVerificationRequest {
        guard let provider, !provider.isEmpty else { throw ValidationError("verifying from a broker needs --provider NAME") }
        if publish, providerVersion?.isEmpty ?? true {
            throw ValidationError("--publish-verification-results needs --provider-app-version (the provider version the results are for)")
        }
        let parsed = try selectors.map { text -> JSONValue in
            guard let json = try? JSONParser.parse(text), json.objectValue != nil else {
                throw ValidationError("--consumer-version-selectors '\(text)' is not a JSON object")
            }
            return json
        }
        if let since = includeWipPactsSince, since.wholeMatch(of: /\d{4}-\d{2}-\d{2}.*/) == nil {
            throw ValidationError("--include-wip-pacts-since '\(since)' is not a date (yyyy-mm-dd)")
        }
        return PactsForVerificationRequest(
            provider: provider, selectors: parsed + PactsForVerificationRequest.tagSelectors(Self.split(consumerVersionTags)),
            providerVersionBranch: providerBranch, providerVersionTags: Self.split(providerTags),
            includePendingStatus: enablePending, includeWipPactsSince: includeWipPactsSince)
    }

    /// Where results go, when publishing.
    var publication: ProviderVersionPublication? {
        guard publish, let providerVersion else { return nil }
        return ProviderVersionPublication(version: providerVersion, branch: providerBranch, tags: Self.split(providerTags),
                                          buildURL: buildURL)
    }

    /// The broker's configuration. Its TLS trust is `--broker-ca-file`/`--broker-insecure`, else the verify command's
    /// `--ca-cert`/`--disable-ssl-verification` (`providerTLS`), which pact-reference's verifier applies to the broker too.
    func configuration(
        environment: [String: String], user: String?, password: String?, token: String?, providerTLS: TLSOptions
    ) throws -> BrokerConfiguration {
        guard let text = url(environment: environment) else { throw ValidationError("give the broker with --broker-url") }
        let tls = TLSOptions(caCertificateFile: brokerCAFile ?? providerTLS.caCertificateFile,
                             skipVerification: brokerInsecure || providerTLS.skipVerification)
        return try BrokerSettings.configuration(
            url: text, flag: "--broker-url", username: user, password: password, token: token, environment: environment,
            timeoutSeconds: brokerTimeout, tls: tls)
    }

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}
