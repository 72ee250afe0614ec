import Foundation
import TestSupport

/// A `codes-service` executable started by a test (the build's own, next to the test bundle). Output goes to files the
/// test reads as it goes.
final class CodesServiceProcess: Sendable {
    private let logged: LoggedProcess

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        logged = try LoggedProcess(
            "codes-service", arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    var process: Process { logged.process }
    var stdout: String { logged.stdout }
    var stderr: String { logged.stderr }

    /// The base URL from the `listening on` line, once printed (fails if the process exits first).
    func url(timeout: TimeInterval = 30) async throws -> URL { try await logged.listeningURL(timeout: timeout) }

    /// Sends `signal` (if still running) and waits for the exit status, at most `timeout` seconds.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 30) async throws -> Int32 {
        try await logged.stop(signal: signal, timeout: timeout)
    }

    /// Waits for the process to end by itself.
    func exitStatus(timeout: TimeInterval = 30) async throws -> Int32 { try await logged.exitStatus(timeout: timeout) }
}
