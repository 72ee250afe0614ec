import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One of the package's executables started by a test, its output going to files the test reads as it goes.
/// Unchecked Sendable: `process` is only started in init and then signalled and awaited, which Process allows.
public final class LoggedProcess: @unchecked Sendable {
    /// The running process.
    public let process = Process()
    private let directory: URL

    /// Starts the built executable `name` with `arguments`; `environment` replaces this process's when given, and
    /// `workingDirectory` is inherited when nil.
    public init(
        _ name: String, _ arguments: [String], environment: [String: String]? = nil, in workingDirectory: URL? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for output in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent(output).path, contents: nil)
        }
        process.executableURL = try BuiltExecutable.url(name)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Everything written to standard output so far.
    public var stdout: String { read("stdout") }
    /// Everything written to standard error so far.
    public var stderr: String { read("stderr") }
    /// The complete lines written to standard output so far.
    public var stdoutLines: [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The base URL from the `listening on URL` first line, once printed; fails if the process exits first.
    public func listeningURL(timeout: TimeInterval = Polling.defaultTimeout) async throws -> URL {
        try await Polling.until("the listening line", timeout: timeout) { !stdoutLines.isEmpty || !process.isRunning }
        return try parseListeningLine()
    }

    /// `listeningURL(timeout:)` for synchronous callers.
    public func blockingListeningURL(timeout: TimeInterval = Polling.defaultTimeout) throws -> URL {
        try Polling.blockingUntil("the listening line", timeout: timeout) { !stdoutLines.isEmpty || !process.isRunning }
        return try parseListeningLine()
    }

    private func parseListeningLine() throws -> URL {
        guard let first = stdoutLines.first, first.hasPrefix("listening on "),
              let url = URL(string: String(first.dropFirst("listening on ".count)))
        else {
            let status = process.isRunning ? "running" : "exited \(process.terminationStatus)"
            throw BuiltExecutable.Failure(description: "no listening line (\(status)); stdout: \(stdout) stderr: \(stderr)")
        }
        return url
    }

    /// Waits for the process to end by itself; after `timeout` seconds it is killed and the wait fails.
    @discardableResult
    public func exitStatus(timeout: TimeInterval = 300) async throws -> Int32 {
        do {
            try await Polling.until("the process exits", timeout: timeout) { !process.isRunning }
        } catch {
            kill(process.processIdentifier, SIGKILL)
            throw BuiltExecutable.Failure(description: "\(error); stderr: \(stderr)")
        }
        return process.terminationStatus
    }

    /// Sends `signal` (if still running) and waits for the exit status, at most `timeout` seconds.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 30) async throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        return try await exitStatus(timeout: timeout)
    }

    /// `stop(signal:timeout:)` for synchronous callers, without a timeout.
    @discardableResult
    public func blockingStop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }
}
