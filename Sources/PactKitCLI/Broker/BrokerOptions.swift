import ArgumentParser
import Foundation
import OutboundHTTP
import PactBroker

/// The connection options every broker command shares, named as in the pact-broker CLI, with its environment
/// variables as defaults.
struct BrokerOptions: ParsableArguments {
    @Option(name: [.customShort("b"), .customLong("broker-base-url")],
            help: ArgumentHelp("The Pact Broker's base URL (or PACT_BROKER_BASE_URL).", valueName: "url"))
    var brokerBaseURL: String?

    @Option(name: [.customShort("u"), .customLong("broker-username")], help: "Basic auth username (or PACT_BROKER_USERNAME).")
    var brokerUsername: String?

    @Option(name: [.customShort("p"), .customLong("broker-password")], help: "Basic auth password (or PACT_BROKER_PASSWORD).")
    var brokerPassword: String?

    @Option(name: [.customShort("k"), .customLong("broker-token")], help: "Bearer token (or PACT_BROKER_TOKEN).")
    var brokerToken: String?

    @Option(name: .customLong("broker-timeout"), help: ArgumentHelp("Timeout per broker call, in seconds.", valueName: "s"))
    var brokerTimeout: Double = 30

    @Option(name: .customLong("broker-ca-file"), help: ArgumentHelp("PEM file of CA certificates to trust for an https broker.", valueName: "file"))
    var caFile: String?

    @Flag(name: .customLong("broker-insecure"), help: "Skip TLS certificate verification (self-signed test setups only).")
    var insecure = false

    @Flag(name: [.customLong("no-colour"), .customLong("no-color")], help: "Plain output: the broker's notices without colour.")
    var noColour = false

    func configuration(environment: [String: String]) throws -> BrokerConfiguration {
        guard let text = brokerBaseURL ?? environment["PACT_BROKER_BASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError("give the broker with --broker-base-url or PACT_BROKER_BASE_URL")
        }
        return try BrokerSettings.configuration(
            url: text, flag: "--broker-base-url",
            username: brokerUsername, password: brokerPassword, token: brokerToken, environment: environment,
            timeoutSeconds: brokerTimeout, tls: TLSOptions(caCertificateFile: caFile, skipVerification: insecure))
    }
}

/// Turns option values into a broker configuration; shared by the broker commands and `pactkit verify`.
enum BrokerSettings {
    static func configuration(
        url text: String, flag: String, username: String?, password: String?, token: String?,
        environment: [String: String], timeoutSeconds: Double, tls: TLSOptions
    ) throws -> BrokerConfiguration {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil
        else { throw ValidationError("\(flag) '\(text)' is not an http or https URL") }
        guard timeoutSeconds > 0 else { throw ValidationError("--broker-timeout must be a positive number of seconds") }
        func value(_ option: String?, _ name: String) -> String? {
            option ?? environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        let authentication: BrokerAuthentication?
        switch (value(username, "PACT_BROKER_USERNAME"), value(password, "PACT_BROKER_PASSWORD"), value(token, "PACT_BROKER_TOKEN")) {
        case (nil, nil, nil): authentication = nil
        case (nil, nil, let token?): authentication = .bearer(token: token)
        case (let user?, let password, nil): authentication = .basic(username: user, password: password ?? "")
        case (_, _, _?): throw ValidationError("You cannot provide both a username/password and a bearer token: give one of them")
        case (nil, _?, nil): throw ValidationError("a broker password needs a username (PACT_BROKER_USERNAME)")
        }
        var retry = RetryPolicy()
        if let retries = environment["PACT_BROKER_HTTP_RETRIES"].flatMap(Int.init) { retry.retries = max(0, retries) }
        if let backoff = environment["PACTKIT_BROKER_RETRY_BACKOFF_MS"].flatMap(Int.init) { retry.backoff = .milliseconds(max(0, backoff)) }
        return BrokerConfiguration(baseURL: url, authentication: authentication, retry: retry,
                                   timeout: .milliseconds(Int(timeoutSeconds * 1000)), tls: tls)
    }
}

/// Runs `body` with a broker client and shuts it down; broker errors are printed and become exit code `failure`.
enum BrokerRun {
    @discardableResult
    static func with<T>(
        _ configuration: BrokerConfiguration, command: String, failure: Int32 = 1, plain: Bool,
        _ body: (PactBrokerClient) async throws -> T
    ) async throws -> T {
        let client: PactBrokerClient
        do {
            client = try PactBrokerClient(configuration: configuration)
        } catch {
            throw fail(error, command: command, code: failure, plain: plain)
        }
        do {
            let value = try await body(client)
            await client.shutdown()
            return value
        } catch let error as BrokerError {
            await client.shutdown()
            throw fail(error, command: command, code: failure, plain: plain)
        } catch {
            await client.shutdown()
            throw error
        }
    }

    static func fail(_ error: BrokerError, command: String, code: Int32, plain: Bool) -> ExitCode {
        for notice in error.notices { BrokerOutput.notice(notice, plain: plain, stream: .standardError) }
        BrokerOutput.error("pactkit \(command): \(error)")
        return ExitCode(code)
    }
}
