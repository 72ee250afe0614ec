import Foundation
import PactModel
import TestSupport
import XCTest

/// A `pactkit mock` process started by a test; its output goes to files the test reads as it goes.
final class MockCLIProcess {
    private let logged: LoggedProcess

    /// Starts `pactkit <command> <arguments>` in the package root (so relative fixture paths work).
    init(_ arguments: [String], command: [String] = ["mock"], environment: [String: String] = [:]) throws {
        let inherited = environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 }
        logged = try LoggedProcess("pactkit", command + arguments, environment: inherited, in: PackageRoot.url)
    }

    var process: Process { logged.process }
    var stdoutLines: [String] { logged.stdoutLines }
    var stderr: String { logged.stderr }

    /// The base URL from the first line, once it is printed.
    func url(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        try MockCLI.failing(file: file, line: line) { try logged.blockingListeningURL() }
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
    func stop(signal: Int32 = SIGTERM) -> Int32 { logged.blockingStop(signal: signal) }
}

enum MockCLI {
    static let packageRoot = PackageRoot.url

    /// Runs `pactkit <arguments>` to completion (for invocations that exit by themselves).
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = try LoggedProcess("pactkit", arguments, in: PackageRoot.url)
        process.process.waitUntilExit()
        return (process.process.terminationStatus, process.stdoutLines.joined(separator: "\n"), process.stderr)
    }

    /// Polls `condition` until it holds (the shared `Polling`), reporting a timeout at the caller's line.
    static func waitFor(_ what: String, file: StaticString, line: UInt, _ condition: () -> Bool) throws {
        try failing(file: file, line: line) { try Polling.blockingUntil(what, condition) }
    }

    /// Runs `body`, recording what it throws as a failure at the caller's line before rethrowing it.
    static func failing<Value>(file: StaticString, line: UInt, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            XCTFail("\(error)", file: file, line: line)
            throw error
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
