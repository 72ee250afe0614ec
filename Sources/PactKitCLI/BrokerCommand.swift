#if BrokerServer
import ArgumentParser
import CommandLineLogging
import Foundation
import Logging
import PactBrokerServer
import ProcessLifecycle

/// `pactkit broker`: serves a Pact Broker.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Serve a Pact Broker.",
        discussion: """
            Serves the Pact Broker HAL API that the Pact clients use (publish, pacts for verification, verification \
            results, environments, deployments, can-i-deploy). The first line on standard output is \
            `listening on http://HOST:PORT`. --db takes a SQLite file (created when missing, WAL mode), `:memory:` \
            for a throw-away broker, or a postgres:// URL (several brokers may share one database; the schema is \
            created or migrated at start; requests get 503 while the database is unreachable). No credentials are \
            needed by default; --basic-auth-username/--basic-auth-password (and a read-only user) or --bearer-token \
            require them, --allow-public-read leaves reads open; each option also reads the environment variable its \
            help names (pact_broker's). The heartbeat is always public. SIGINT or SIGTERM stops the server after \
            in-flight requests finish; a second one exits at once. Exit codes: 1 when the database cannot be opened or \
            the port bound.
            """,
        subcommands: [BrokerCleanCommand.self])

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
    var maxBodyBytes = BrokerServerConfiguration.defaultMaxBodyBytes

    @Option(help: ArgumentHelp("The read-write basic-auth user (env PACT_BROKER_BASIC_AUTH_USERNAME).", valueName: "name"))
    var basicAuthUsername: String?

    @Option(help: ArgumentHelp("Its password (env PACT_BROKER_BASIC_AUTH_PASSWORD; prefer it to the option, which `ps` shows).",
                               valueName: "password"))
    var basicAuthPassword: String?

    @Option(help: ArgumentHelp("A read-only basic-auth user (env PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME).", valueName: "name"))
    var basicAuthReadOnlyUsername: String?

    @Option(help: ArgumentHelp("Its password (env PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD).", valueName: "password"))
    var basicAuthReadOnlyPassword: String?

    @Option(help: ArgumentHelp(
        "A bearer token that reads and writes, as clients send PACT_BROKER_TOKEN (env PACT_BROKER_BEARER_TOKEN).", valueName: "token"))
    var bearerToken: String?

    @Flag(help: "GET requests need no credentials; writes still do (env PACT_BROKER_ALLOW_PUBLIC_READ=true).")
    var allowPublicRead = false

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
        _ = try auth()
    }

    /// The option, else the environment variable; empty counts as unset.
    private func setting(_ option: String?, _ variable: String) -> String? {
        (option ?? ProcessInfo.processInfo.environment[variable]).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The credentials of the options and environment; a user needs both a name and a password.
    private func auth() throws -> BrokerAuthConfiguration {
        // Options first: a value given on the command line stands in for the variable.
        var environment = ProcessInfo.processInfo.environment
        for (value, name) in [(basicAuthUsername, "PACT_BROKER_BASIC_AUTH_USERNAME"), (basicAuthPassword, "PACT_BROKER_BASIC_AUTH_PASSWORD"),
                              (basicAuthReadOnlyUsername, "PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME"),
                              (basicAuthReadOnlyPassword, "PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD")] {
            if let value { environment[name] = value }
        }
        func pair(_ name: String, _ password: String, option: String) throws -> BrokerCredentials? {
            let values = (environment[name].flatMap { $0.isEmpty ? nil : $0 }, environment[password].flatMap { $0.isEmpty ? nil : $0 })
            switch values {
            case (nil, nil): return nil
            case (let user?, let secret?): return BrokerCredentials(username: user, password: secret)
            default: throw ValidationError("--\(option)-username and --\(option)-password go together (or \(name) and \(password))")
            }
        }
        let readWrite = try pair("PACT_BROKER_BASIC_AUTH_USERNAME", "PACT_BROKER_BASIC_AUTH_PASSWORD", option: "basic-auth")
        let readOnly = try pair("PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME", "PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD",
                                option: "basic-auth-read-only")
        let publicRead = allowPublicRead || environment["PACT_BROKER_ALLOW_PUBLIC_READ"]?.lowercased() == "true"
        let auth = BrokerAuthConfiguration(readWrite: readWrite, readOnly: readOnly,
                                           bearerToken: setting(bearerToken, "PACT_BROKER_BEARER_TOKEN"), allowPublicRead: publicRead)
        if publicRead && !auth.isEnabled {
            throw ValidationError("--allow-public-read needs credentials for writes (--basic-auth-username/--basic-auth-password or --bearer-token)")
        }
        return auth
    }

    func run() async throws {
        try logging.bootstrap()
        let logger = Logger(label: "pactkit.broker")
        let auth = try auth()
        // Trapped before the server starts, so an early signal is not lost or fatal.
        let lifecycle = await ServerLifecycle()
        let store: any BrokerStore
        do {
            store = try await openStore()
        } catch {
            // A PostgreSQL error names the server (never the password); a SQLite one needs the path.
            let reason = PostgresStoreConfiguration.isURL(db) ? "\(error)" : "cannot open \(db): \(error)"
            FileHandle.standardError.write(Data("pactkit broker: \(reason)\n".utf8))
            throw ExitCode.failure
        }
        var configuration = BrokerServerConfiguration(
            host: host, port: port, baseURL: baseURL, maxBodyBytes: maxBodyBytes, logger: logger, auth: auth,
            webhookPolicy: try webhookPolicy())
        configuration.enableProviderStates = enableProviderStates
        let server = BrokerServer(store: store, configuration: configuration)
        if enableProviderStates {
            logger.warning("provider states enabled (test mode): POST /_pact_state empties \(db)")
        }
        let host = host
        if auth.isEnabled {
            let schemes = [auth.readWrite.map { "basic (read-write user \($0.username))" },
                           auth.readOnly.map { "basic (read-only user \($0.username))" },
                           auth.bearerToken.map { _ in "bearer token" }].compactMap { $0 }
            logger.notice("authentication: \(schemes.joined(separator: ", "))\(auth.allowPublicRead ? "; public read" : "")")
        }
        do {
            let services = try server.services { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("listening on http://\(shown):\(port)\n".utf8))
            }
            // A second signal exits at once; SQLite's WAL keeps the file consistent without a close.
            try await lifecycle.run(services, logger: logger)
            logger.info("stopped")
        } catch {
            FileHandle.standardError.write(Data("pactkit broker: \(error)\n".utf8))
            await store.close()
            throw ExitCode.failure
        }
        await store.close()
    }

    /// The SQLite file or `:memory:`, or, for a postgres:// URL, the PostgreSQL store with its schema migrated (its
    /// pool runs beside the server, one of `BrokerServer.services`).
    private func openStore() async throws -> any BrokerStore {
        guard PostgresStoreConfiguration.isURL(db) else { return try SQLiteBrokerStore(path: db) }
        let configuration = try PostgresStoreConfiguration.parse(url: db)
        return try await PostgresBrokerStore.connect(configuration, logger: Logger(label: "pactkit.broker.store"))
    }
}
#endif
