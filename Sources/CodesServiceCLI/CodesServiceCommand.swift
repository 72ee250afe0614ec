import ArgumentParser
import CodesService
import Foundation
import HTTPServerCore

/// `codes-service`: serves the OPG codes API over HTTP with a SQLite store.
@main
struct CodesServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes-service",
        abstract: "Serve the OPG LPA codes API (activation and paper verification codes) from a SQLite file.",
        discussion: """
            The first line on standard output is `listening on http://HOST:PORT`. One line per request goes to \
            standard error. SIGINT or SIGTERM stops the service after in-flight requests finish.
            """)

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind; 0 picks a free one.")
    var port = 4343

    @Option(help: "The SQLite database file, created on first start; ':memory:' keeps everything in memory.")
    var db = "codes.sqlite3"

    @Flag(help: "Serve the contract-test hooks POST /_pact_state and /_reset_database. Never on real data.")
    var enableProviderStates = false

    @Option(help: ArgumentHelp(
        "A file holding the bearer token every route but /healthcheck then requires.",
        discussion: "Without it, the CODES_SERVICE_AUTH_TOKEN environment variable is used if set; else no auth."))
    var authTokenFile: String?

    @Option(help: "Request bodies larger than this many bytes get 413.")
    var maxBodyBytes = 1 << 20

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard maxBodyBytes >= 0 else { throw ValidationError("--max-body-bytes must not be negative") }
    }

    func run() async throws {
        let token = try authToken()
        // Installed before the server starts, so an early signal is not lost or fatal.
        let signals = TerminationSignals()
        let service = try await CodesServiceApp.start(configuration: CodesServiceConfiguration(
            host: host, port: port, storage: .sqlite(path: db), providerStatesEnabled: enableProviderStates,
            authToken: token, maxBodyBytes: maxBodyBytes,
            requestLogger: { entry in StandardStreams.error(entry.line) }))
        StandardStreams.output("listening on \(service.url.absoluteString)")
        if enableProviderStates { StandardStreams.error("provider-state hooks enabled: POST /_pact_state, /_reset_database") }
        if token != nil { StandardStreams.error("bearer-token auth enabled") }

        let received = await signals.next()
        StandardStreams.error("received \(TerminationSignals.name(received)), stopping")
        // A second signal means "now": skip the graceful shutdown.
        Task.detached {
            let again = await signals.next()
            StandardStreams.error("received \(TerminationSignals.name(again)) again, exiting at once")
            Foundation.exit(1)
        }
        try await service.shutdown()
        StandardStreams.error("stopped")
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
