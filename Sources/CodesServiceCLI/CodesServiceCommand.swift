import ArgumentParser
import CodesService
import CommandLineLogging
import Foundation
import HTTPServerCore
import ProcessLifecycle
import Logging
import ServerCLIOptions

/// `codes-service`: serves the OPG codes API over HTTP with a SQLite store, or a PostgreSQL one shared by instances.
@main
struct CodesServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes-service",
        abstract: "Serve the OPG LPA codes API (activation and paper verification codes) from SQLite or PostgreSQL.",
        discussion: """
            The first line on standard output is `listening on http://HOST:PORT`. One line per request goes to \
            standard error (logger codes-service.http). SIGINT or SIGTERM stops the service after in-flight requests \
            finish, then closes the database connections; a second one exits at once. Exit status 2: the PostgreSQL \
            database cannot be reached or prepared at start.
            """)

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind; 0 picks a free one.")
    var port = 4343

    @Option(help: ArgumentHelp(
        "The SQLite database file, created on first start; ':memory:' keeps everything in memory; or a PostgreSQL URL.",
        discussion: """
            postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require&pool_max=N&\
            connect_timeout=S&statement_timeout=S] shares one database between instances; its schema is created or \
            migrated at start. The password may instead come from --db-password-file or PGPASSWORD.
            """))
    var db = "codes.sqlite3"

    @Option(help: "A file whose first line is the PostgreSQL password (instead of one in the --db URL).")
    var dbPasswordFile: String?

    @Flag(help: "Serve the contract-test hooks POST /_pact_state and /_reset_database. Never on real data.")
    var enableProviderStates = false

    @Option(help: ArgumentHelp(
        "A file holding the bearer token every route but /healthcheck then requires.",
        discussion: "Without it, the CODES_SERVICE_AUTH_TOKEN environment variable is used if set; else no auth."))
    var authTokenFile: String?

    @Option(help: "Request bodies larger than this many bytes get 413.")
    var maxBodyBytes = 1 << 20

    @OptionGroup(title: "Connections")
    var connections: ConnectionLimitOptions

    @OptionGroup(title: "Logging")
    var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard maxBodyBytes >= 0 else { throw ValidationError("--max-body-bytes must not be negative") }
        if dbPasswordFile != nil, !PostgresStoreConfiguration.isURL(db) {
            throw ValidationError("--db-password-file needs a postgres:// URL in --db")
        }
        _ = try storage()
    }

    private func storage() throws -> CodesServiceConfiguration.Storage {
        guard PostgresStoreConfiguration.isURL(db) else { return .sqlite(path: db) }
        do {
            return .postgres(try PostgresStoreConfiguration.parse(url: db, passwordFile: dbPasswordFile))
        } catch let error as PostgresURLError {
            throw ValidationError("--db: \(error.description)")
        }
    }

    func run() async throws {
        try logging.bootstrap()
        let logger = Logger(label: "codes-service")
        let (httpLogger, storeLogger) = (Logger(label: "codes-service.http"), Logger(label: "codes-service.store"))
        let token = try authToken()
        // Trapped before the server starts, so an early signal is not lost or fatal.
        let lifecycle = await ServerLifecycle()
        var configuration = CodesServiceConfiguration(
            host: host, port: port, storage: try storage(), providerStatesEnabled: enableProviderStates,
            authToken: token, maxBodyBytes: maxBodyBytes, connectionLimits: connections.limits,
            requestLogger: { entry in httpLogger.info("\(entry.line)") })
        configuration.storeLogger = storeLogger
        let service: RunningCodesService
        do {
            service = try await CodesServiceApp.start(configuration: configuration)
        } catch let error as PostgresStoreError {
            storeLogger.error("codes-service: \(error.description)")
            throw ExitCode(2)
        }
        StandardStreams.output("listening on \(service.url.absoluteString)")
        if enableProviderStates { logger.notice("provider-state hooks enabled: POST /_pact_state, /_reset_database") }
        if token != nil { logger.notice("bearer-token auth enabled") }
        if case .postgres(let database) = try storage() {
            storeLogger.info("codes in PostgreSQL database \(database.database) at \(database.address)")
        }
        try await lifecycle.run(service.services, logger: logger)
        logger.info("stopped")
    }

    private func authToken() throws -> String? {
        if let authTokenFile {
            let text: String
            do {
                text = try String(contentsOfFile: authTokenFile, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read --auth-token-file \(authTokenFile): \(error.localizedDescription)")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw ValidationError("--auth-token-file \(authTokenFile) is empty") }
            return token
        }
        let fromEnvironment = ProcessInfo.processInfo.environment["CODES_SERVICE_AUTH_TOKEN"]?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return fromEnvironment?.isEmpty == false ? fromEnvironment : nil
    }
}
