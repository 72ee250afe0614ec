import Foundation
import PactModel
import XCTest

/// A `pactkit mock` process started by a test; its output goes to files the test reads as it goes.
final class MockCLIProcess {
    let process = Process()
    let directory: URL
    private let stdoutURL: URL
    private let stderrURL: URL

    /// Starts `pactkit <command> <arguments>` in the package root (so relative fixture paths work).
    init(_ arguments: [String], command: [String] = ["mock"], environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-mock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutURL = directory.appendingPathComponent("stdout")
        stderrURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = try MockCLI.binary()
        process.arguments = command + arguments
        process.currentDirectoryURL = MockCLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdoutLines: [String] {
        String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    var stderr: String { String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self) }

    /// The base URL from the first line, once it is printed.
    func url(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        try MockCLI.waitFor("the listening line", file: file, line: line) { self.stdoutLines.first != nil || !self.process.isRunning }
        guard let first = stdoutLines.first, first.hasPrefix("listening on "),
              let url = URL(string: String(first.dropFirst("listening on ".count)))
        else {
            throw MockCLIError("no listening line; stdout \(stdoutLines), stderr: \(stderr)")
        }
        return url
    }

    /// Waits for a stdout line containing `text` and returns it.
    @discardableResult
    func waitForLine(containing text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try MockCLI.waitFor("a line containing \(text)", file: file, line: line) { self.stdoutLines.contains { $0.contains(text) } }
        return stdoutLines.first { $0.contains(text) } ?? ""
    }

    /// The log line of the `index`th request (0-based), once printed.
    func requestLine(_ index: Int, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try MockCLI.waitFor("log line \(index)", file: file, line: line) { self.stdoutLines.count > index + 1 }
        return stdoutLines[index + 1]
    }

    func waitForStderr(containing text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try MockCLI.waitFor("stderr containing \(text)", file: file, line: line) { self.stderr.contains(text) }
    }

    /// Sends `signal` and waits for the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
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
}

enum MockCLI {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `pactkit` executable in the build's products directory, next to the test bundle.
    static func binary() throws -> URL {
        var directories: [URL] = []
        for bundle in Bundle.allBundles {
            directories += [bundle.bundleURL.deletingLastPathComponent(), bundle.bundleURL]
        }
        if let executable = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("pactkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw MockCLIError("pactkit not found next to the test bundle in \(directories.map(\.path))")
    }

    /// Runs `pactkit <arguments>` to completion (for invocations that exit by themselves).
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = try MockCLIProcess(arguments, command: [])
        process.process.waitUntilExit()
        return (process.process.terminationStatus, process.stdoutLines.joined(separator: "\n"), process.stderr)
    }

    /// Polls `condition` every 20 ms for up to 15 s (generous: the machine may be busy compiling).
    static func waitFor(_ what: String, file: StaticString, line: UInt, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(15)
        while !condition() {
            guard Date() < deadline else {
                XCTFail("timed out waiting for \(what)", file: file, line: line)
                throw MockCLIError("timed out waiting for \(what)")
            }
            usleep(20_000)
        }
    }

    /// A scratch directory for pact files.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-mock-pacts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A V4 pact document with the given interactions (JSON array text).
    static func pact(_ interactions: String, provider: String = "api") -> String {
        """
        {"consumer": {"name": "app"}, "provider": {"name": "\(provider)"}, "interactions": \(interactions),
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
    }

    static func interaction(_ description: String, states: [String] = [], method: String = "GET", path: String,
                            status: Int = 200, body: String = "null") -> String {
        let statesJSON = states.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ")
        return """
        {"type": "Synchronous/HTTP", "description": "\(description)", "providerStates": [\(statesJSON)],
         "request": {"method": "\(method)", "path": "\(path)"},
         "response": {"status": \(status), "headers": {"Content-Type": ["application/json"]},
                      "body": {"content": \(body), "contentType": "application/json"}}}
        """
    }
}

struct MockCLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
