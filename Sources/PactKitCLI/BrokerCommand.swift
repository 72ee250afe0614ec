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
            results, environments, deployments, can-i-deploy). The first line on standard output is \
            `listening on http://HOST:PORT`. --db takes a SQLite file (created when missing, WAL mode), `:memory:` \
            for a throw-away broker, or a postgres:// URL (not yet supported). SIGINT or SIGTERM stops the server \
            after in-flight requests finish. Exit codes: 1 when the database cannot be opened or the port bound.
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
    var maxBodyBytes = 50 * 1024 * 1024

    @OptionGroup(title: "Logging")
    var logging: LoggingOptions

    func validate() throws {
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
        let server = BrokerServer(store: store, configuration: BrokerServerConfiguration(
            host: host, port: port, baseURL: baseURL, maxBodyBytes: maxBodyBytes, logger: Logger(label: "pactkit.broker")))
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
