import ArgumentParser
import Foundation
import HTTPServerCore
import PactMockServer

/// `pactkit mock`: serves pacts as a standalone mock provider.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve pacts as a mock provider.",
        discussion: """
            Serves every HTTP interaction of the given pacts on one port. The first line on standard output is \
            `listening on http://HOST:PORT`; then one line per request: the interaction that answered it, or why none \
            did. Diagnostics go to standard error. When several interactions match a request, the provider-state \
            header picks one by state name, else --provider-state, else the most specific, then the first in file \
            order. Unmatched requests get 500 with an `X-Pact` header and a JSON body naming the closest interaction \
            and every mismatch. The admin API lives under /__pactkit/ (health, interactions, log, verification). \
            Exit codes: 2 for a missing or malformed pact, or colliding providers; 64 for a usage error; 1 when the \
            port cannot be bound. SIGINT or SIGTERM stops the server after in-flight requests finish.
            """)

    @Option(name: .customLong("file"), help: ArgumentHelp("A pact file to serve (repeatable).", valueName: "path"))
    var files: [String] = []

    @Option(name: .customLong("dir"), help: ArgumentHelp(
        "A directory whose *.json files are all pacts to serve (repeatable).", valueName: "path"))
    var directories: [String] = []

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind; 0 picks a free one.")
    var port = 0

    @Flag(help: "Answer CORS pre-flight requests and add CORS headers to every response.")
    var cors = false

    @Flag(help: "Reload pact files when they change; a broken file is reported and its last good version kept.")
    var watch = false

    @Option(help: ArgumentHelp("Milliseconds between checks for changes with --watch.", valueName: "ms"))
    var watchInterval = 250

    @Option(help: ArgumentHelp(
        "Prefer interactions with a provider state this regular expression matches (whole name) when several match.",
        valueName: "regex"))
    var providerState: String?

    @Option(help: ArgumentHelp("The request header that names the provider state to answer with.", valueName: "name"))
    var providerStateHeaderName = "X-Pact-Provider-State"

    @Option(help: ArgumentHelp("Requests kept for the admin log (the newest).", valueName: "count"))
    var logLimit = 10_000

    @Option(help: ArgumentHelp("Requests with a larger body get 413.", valueName: "bytes"))
    var maxBodyBytes = 8 * 1024 * 1024

    @Flag(help: "Match every request afresh instead of remembering which interaction answered an identical one.")
    var noMatchCache = false

    @Option(help: ArgumentHelp("Close a connection that waits this long for its next request.", valueName: "ms"))
    var idleTimeout = 60_000

    @Option(help: ArgumentHelp("A request's headers must arrive within this long, else 408.", valueName: "ms"))
    var headerTimeout = 10_000

    @Option(help: ArgumentHelp(
        "A request's body must arrive within this long after its headers, else 408.", valueName: "ms"))
    var bodyTimeout = 30_000

    @Option(help: ArgumentHelp("Connections served at once; more get 503.", valueName: "count"))
    var maxConnections = 1024

    func validate() throws {
        guard !files.isEmpty || !directories.isEmpty else {
            throw ValidationError("nothing to serve: give at least one --file or --dir")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard watchInterval >= 10 else { throw ValidationError("--watch-interval must be at least 10 ms") }
        guard logLimit >= 0 else { throw ValidationError("--log-limit must not be negative") }
        guard maxBodyBytes >= 0 else { throw ValidationError("--max-body-bytes must not be negative") }
        for (name, value) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout),
                              ("--body-timeout", bodyTimeout), ("--max-connections", maxConnections)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
        let separators = CharacterSet(charactersIn: "()<>@,;:\\\"/[]?={} \t")
        guard !providerStateHeaderName.isEmpty,
              providerStateHeaderName.rangeOfCharacter(from: separators.union(.controlCharacters)) == nil
        else {
            throw ValidationError("--provider-state-header-name must be an HTTP header name, got '\(providerStateHeaderName)'")
        }
        if let providerState {
            do { _ = try ProviderStatePattern(providerState) } catch {
                throw ValidationError("--provider-state: \(error)")
            }
        }
    }

    func run() async throws {
        // A reader that goes away (`pactkit mock | head -1`) must not kill the server mid-request.
        signal(SIGPIPE, SIG_IGN)
        let signals = TerminationSignals()
        let output = MockLineWriter(descriptor: STDOUT_FILENO)
        let preferredState = try providerState.map(ProviderStatePattern.init)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let library: PactLibrary
        let catalogue: PactCatalogue
        let readTime: Duration
        do {
            library = try PactLibrary(sources: PactSources(files: files, directories: directories))
            readTime = clock.now - loadStart
            catalogue = try PactCatalogue.build(library.pacts, preferredState: preferredState)
        } catch {
            MockDiagnostics.line("error: \(error)")
            throw ExitCode(2)
        }
        let loadTime = clock.now - loadStart
        MockMemory.releaseFreePages()
        for warning in catalogue.warnings { MockDiagnostics.line("warning: \(warning)") }

        let mock = StandaloneMock(
            catalogue: catalogue,
            options: StandaloneOptions(cors: cors, providerStateHeader: providerStateHeaderName, logLimit: logLimit,
                                       memoizeMatches: !noMatchCache),
            lineSink: { output.write($0) })
        let server: StandaloneMockServer
        do {
            let limits = HTTPConnectionLimits(
                idleTimeout: .milliseconds(idleTimeout), headerTimeout: .milliseconds(headerTimeout),
                bodyTimeout: .milliseconds(bodyTimeout), maxConnections: maxConnections)
            server = try await StandaloneMockServer.start(
                mock: mock, host: host, port: port, maxBodyBytes: maxBodyBytes, connectionLimits: limits)
        } catch {
            MockDiagnostics.line("error: \(error)")
            throw ExitCode.failure
        }
        output.open(firstLine: "listening on \(server.url.absoluteString)")
        MockDiagnostics.line(summary(catalogue, loadTime: loadTime, readTime: readTime))
        let watcher = watch
            ? PactWatcher(library: library, mock: mock, preferredState: preferredState,
                          interval: .milliseconds(watchInterval), report: MockDiagnostics.line)
            : nil

        let received = await signals.next()
        MockDiagnostics.line("received \(TerminationSignals.name(received)), stopping")
        watcher?.stop()
        // A second signal means "now": skip the graceful shutdown.
        Task.detached {
            let again = await signals.next()
            MockDiagnostics.line("received \(TerminationSignals.name(again)) again, exiting at once")
            output.flush()
            Foundation.exit(1)
        }
        try await server.shutdown()
        output.flush()
        MockDiagnostics.line("stopped")
    }

    private func summary(_ catalogue: PactCatalogue, loadTime: Duration, readTime: Duration) -> String {
        func milliseconds(_ duration: Duration) -> Int64 {
            duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        }
        let providers = Set(catalogue.pacts.map(\.provider)).sorted().map { "'\($0)'" }.joined(separator: ", ")
        var text = "serving \(catalogue.count) interactions from \(catalogue.pacts.count) pact(s)"
        if !providers.isEmpty { text += " (provider \(providers))" }
        text += ", loaded in \(milliseconds(loadTime)) ms (reading \(milliseconds(readTime)) ms)"
        if watch { text += "; watching for changes" }
        if catalogue.count == 0 { text += "; no interactions yet, every request will be unexpected" }
        return text
    }
}
