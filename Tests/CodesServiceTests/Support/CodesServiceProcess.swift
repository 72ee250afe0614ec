import Foundation
import XCTest

/// A `codes-service` executable started by a test (the build's own, next to the test bundle). Output goes to files the
/// test reads as it goes.
final class CodesServiceProcess: @unchecked Sendable {
    // Unchecked Sendable: `process` is only started in init and then signalled and awaited, which Process allows.
    let process = Process()
    private let directory: URL

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        directory = try temporaryDirectory()
        let stdoutURL = directory.appendingPathComponent("stdout")
        let stderrURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { read("stdout") }
    var stderr: String { read("stderr") }

    /// The base URL from the `listening on` line, once printed (fails if the process exits first).
    func url(timeout: TimeInterval = 30) async throws -> URL {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = stdout.split(separator: "\n").first, line.hasPrefix("listening on "),
               let url = URL(string: String(line.dropFirst("listening on ".count))) {
                return url
            }
            guard process.isRunning else { throw TestFailure("codes-service exited \(process.terminationStatus): \(stderr)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("codes-service printed no listening line within \(timeout) s: \(stderr)")
    }

    /// Sends `signal` (if still running) and waits for the exit status, at most `timeout` seconds.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 30) async throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        return try await exitStatus(timeout: timeout)
    }

    /// Waits for the process to end by itself.
    func exitStatus(timeout: TimeInterval = 30) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw TestFailure("codes-service still running after \(timeout) s: \(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
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

    /// The `codes-service` executable in the build's products directory, next to the test bundle.
    static func binary() throws -> URL {
        var directories: [URL] = Bundle.allBundles.flatMap { [$0.bundleURL.deletingLastPathComponent(), $0.bundleURL] }
        if let executable = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("codes-service")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TestFailure("codes-service not found next to the test bundle in \(directories.map(\.path)) "
                          + "(swift build --product codes-service)")
    }
}
