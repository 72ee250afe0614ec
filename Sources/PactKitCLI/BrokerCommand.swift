#if BrokerServer
import ArgumentParser
import CommandLineLogging
import Foundation
import Logging
import PactBrokerServer

/// `pactkit broker`: serves a Pact Broker.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Serve a Pact Broker.",
        discussion: """
            Serves the Pact Broker HAL API that the Pact clients use (publish, pacts for verification, verification \
            results, environments, deployments, can-i-deploy, webhooks). Webhooks may send only the methods, schemes and \
            hosts of the --webhook-*-whitelist options (by default POST to https URLs). The first line on standard output is \
            `listening on http://HOST:PORT`. --db takes a SQLite file (created when missing, WAL mode), `:memory:` \
            for a throw-away broker, or a postgres:// URL (not yet supported). SIGINT or SIGTERM stops the server \
            after in-flight requests finish. Exit codes: 1 when the database cannot be opened or the port bound.
            """)

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind; 0 picks a free one.")
    var port = 9292

    @Option(help: ArgumentHelp("The database: a SQLite file, :memory:, or a postgres:// URL.", valueName: "path|url"))
    var db = "broker.sqlite3"

    @Option(help: ArgumentHelp(
        "The URL clients reach the broker at, for the links it returns (default: from each request's Host and X-Forwarded-* headers).",
        valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Requests with a larger body get 413.", valueName: "bytes"))
    var maxBodyBytes = 50 * 1024 * 1024

    @Option(name: .customLong("webhook-host-whitelist"), help: ArgumentHelp(
        "Hosts webhooks may call: a name, *.wildcard, an IP or CIDR range, or /regex/ (repeatable, or several separated by spaces or commas; default: any host).",
        valueName: "hosts"))
    var webhookHostWhitelist: [String] = []

    @Option(name: .customLong("webhook-scheme-whitelist"), help: ArgumentHelp(
        "URL schemes webhooks may use (repeatable, or separated by spaces or commas; default: https).", valueName: "schemes"))
    var webhookSchemeWhitelist: [String] = []

    @Option(name: .customLong("webhook-http-method-whitelist"), help: ArgumentHelp(
        "HTTP methods webhooks may send (repeatable, or separated by spaces or commas; default: POST).", valueName: "methods"))
    var webhookHTTPMethodWhitelist: [String] = []

    @Flag(help: ArgumentHelp(
        "Test mode only: serve POST /_pact_state (provider states to verify the Pact Broker clients' pacts; each interaction starts from an empty database) and map those pacts' placeholder paths. Never on a broker holding real data."))
    var enableProviderStates = false

    @OptionGroup(title: "Logging")
    var logging: LoggingOptions

    /// The webhook allow-lists from the options (pact_broker's defaults for those not given).
    func webhookPolicy() throws -> WebhookSecurityPolicy {
        func entries(_ values: [String]) -> [String] {
            values.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
        }
        var policy = WebhookSecurityPolicy()
        let methods = entries(webhookHTTPMethodWhitelist), schemes = entries(webhookSchemeWhitelist)
        if !methods.isEmpty { policy.methods = methods.map { $0.uppercased() } }
        if !schemes.isEmpty { policy.schemes = schemes.map { $0.lowercased() } }
        policy.hosts = try entries(webhookHostWhitelist).map { entry in
            guard let pattern = WebhookHostPattern(entry) else {
                throw ValidationError("--webhook-host-whitelist: '\(entry)' is not a valid regular expression")
            }
            return pattern
        }
        return policy
    }

    func validate() throws {
        _ = try webhookPolicy()
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard maxBodyBytes >= 1 else { throw ValidationError("--max-body-bytes must be at least 1") }
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("--base-url must be an http or https URL, got '\(baseURL)'")
            }
        }
    }

    func run() async throws {
        try logging.bootstrap()
        if db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") {
            FileHandle.standardError.write(Data("pactkit broker: PostgreSQL is not yet supported; use a SQLite file or :memory:\n".utf8))
            throw ExitCode.failure
        }
        let store: SQLiteBrokerStore
        do {
            store = try SQLiteBrokerStore(path: db)
        } catch {
            FileHandle.standardError.write(Data("pactkit broker: cannot open \(db): \(error)\n".utf8))
            throw ExitCode.failure
        }
        var configuration = BrokerServerConfiguration(
            host: host, port: port, baseURL: baseURL, maxBodyBytes: maxBodyBytes, logger: Logger(label: "pactkit.broker"),
            webhookPolicy: try webhookPolicy())
        configuration.enableProviderStates = enableProviderStates
        let server = BrokerServer(store: store, configuration: configuration)
        if enableProviderStates {
            FileHandle.standardError.write(Data("pactkit broker: provider states enabled (test mode): POST /_pact_state empties \(db)\n".utf8))
        }
        let host = host
        do {
            try await server.run(handleSignals: true) { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("listening on http://\(shown):\(port)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("pactkit broker: \(error)\n".utf8))
            await store.close()
            throw ExitCode.failure
        }
        await store.close()
    }
}
#endif
