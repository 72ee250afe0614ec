import Foundation
import HTTPServerCore
import PactMockServer
import ProcessLifecycle
import Logging

/// Runs a standalone mock as a process does: loads the pacts, serves them, prints `listening on …` and one line per
/// request on standard output (diagnostics through `logger`), optionally watches the files, and stops on SIGINT or
/// SIGTERM after in-flight requests finish (a second signal exits at once). The server runs as a swift-service-lifecycle
/// `Service` (see `ServerLifecycle`).
public enum StandaloneMockRunner {
    /// Why a run ended early.
    public enum Failure: Error, Sendable {
        /// A pact is missing or malformed, or providers collide (exit code 2); already reported on stderr.
        case load
        /// The address could not be bound (exit code 1); already reported on stderr.
        case bind
        /// The TLS certificate or key is unusable, or the self-signed certificate could not be written (exit code 2);
        /// already reported on stderr.
        case tls
    }

    /// Serves until a termination signal arrives; diagnostics (`serving …`, warnings, `stopped`) go to `logger`.
    public static func run(
        _ settings: StandaloneMockSettings, logger: Logger = Logger(label: "pactkit.mock")
    ) async throws(Failure) {
        // A reader that goes away (`pactkit mock | head -1`) must not kill the server mid-request.
        signal(SIGPIPE, SIG_IGN)
        let lifecycle = await ServerLifecycle()
        let output = LineWriter(descriptor: STDOUT_FILENO)
        let clock = ContinuousClock()
        let loadStart = clock.now
        // The library (every pact's model) is kept only to reload from; without --watch the catalogue keeps just
        // what serving needs, a fraction of the memory.
        var library: PactLibrary?
        let catalogue: PactCatalogue
        let readTime: Duration
        do {
            let loaded = try PactLibrary(sources: settings.sources)
            readTime = clock.now - loadStart
            catalogue = try PactCatalogue.build(loaded.pacts, preferredState: settings.preferredState)
            if settings.watch { library = loaded }
        } catch {
            logger.error("error: \(error)")
            throw .load
        }
        let loadTime = clock.now - loadStart
        MemoryTrimming.releaseFreePages()
        for warning in catalogue.warnings { logger.warning("warning: \(warning)") }

        let tls: MockServerTLS?
        do {
            tls = try SelfSignedCertificateFile.prepare(settings, logger: logger)
        } catch {
            logger.error("error: \(error)")
            throw .tls
        }
        let mock = StandaloneMock(catalogue: catalogue, options: settings.options, lineSink: { output.write($0) })
        let server: StandaloneMockServer
        do {
            server = try await StandaloneMockServer.start(mock: mock, host: settings.host, port: settings.port,
                                                          maxBodyBytes: settings.maxBodyBytes,
                                                          connectionLimits: settings.connectionLimits, tls: tls)
        } catch let error as MockServerTLSError {
            logger.error("error: \(error)")
            throw .tls
        } catch {
            logger.error("error: \(error)")
            throw .bind
        }
        output.open(firstLine: "listening on \(server.url.absoluteString)")
        logger.info("\(summary(catalogue, loadTime: loadTime, readTime: readTime, watching: settings.watch))")
        let watcher = library.map {
            PactWatcher(library: $0, mock: mock, preferredState: settings.preferredState,
                        interval: settings.watchInterval, report: { logger.info("\($0)") })
        }

        let service = StopOnShutdown {
            watcher?.stop()
            try? await server.shutdown()
        }
        try? await lifecycle.run([service], logger: logger, beforeExit: { output.flush() })
        output.flush()
        logger.info("stopped")
    }

    /// `serving 10 interactions from 1 pact(s) (provider 'p'), loaded in 3 ms (reading 2 ms)`.
    static func summary(_ catalogue: PactCatalogue, loadTime: Duration, readTime: Duration, watching: Bool) -> String {
        func milliseconds(_ duration: Duration) -> Int64 {
            duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        }
        let providers = Set(catalogue.pacts.map(\.provider)).sorted().map { "'\($0)'" }.joined(separator: ", ")
        var text = "serving \(catalogue.count) interactions from \(catalogue.pacts.count) pact(s)"
        if !providers.isEmpty { text += " (provider \(providers))" }
        text += ", loaded in \(milliseconds(loadTime)) ms (reading \(milliseconds(readTime)) ms)"
        if watching { text += "; watching for changes" }
        if catalogue.count == 0 { text += "; no interactions yet, every request will be unexpected" }
        return text
    }
}
