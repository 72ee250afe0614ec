import Foundation
import OutboundHTTP
import PactModel
import XCTest

/// The built `pactkit` executable, run as CI runs it.
enum Pactkit {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() throws -> URL {
        var directories: [URL] = []
        for bundle in Bundle.allBundles { directories += [bundle.bundleURL.deletingLastPathComponent(), bundle.bundleURL] }
        if let executable = CommandLine.arguments.first { directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent()) }
        for directory in directories {
            let candidate = directory.appendingPathComponent("pactkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw PipelineFailure("pactkit not found next to the test bundle in \(directories.map(\.path))")
    }

    /// The environment a command runs with: this process's, without broker or filter variables from the developer's
    /// shell, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("PACT_") || name == "NO_COLOR" { environment[name] = nil }
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs `pactkit arguments` in the package root to completion.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
        let process = try LoggedProcess(arguments, environment: environment(extra))
        await process.waitForExit()
        return Result(status: process.process.terminationStatus, stdout: process.stdout, stderr: process.stderr)
    }
}

/// A `pactkit` process whose output goes to files.
final class LoggedProcess: @unchecked Sendable {
    let process = Process()
    private let directory: URL

    init(_ arguments: [String], environment: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] { _ = FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: nil) }
        process.executableURL = try Pactkit.binary()
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = BrokerContract.packageRoot
        process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { read("stdout") }
    var stderr: String { read("stderr") }

    private func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }

    func waitForExit() async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// `pactkit mock` serving the broker contract, with access to its admin log.
final class BrokerMock: @unchecked Sendable {
    let process: LoggedProcess
    let url: URL

    init(file: String = "pacts/pactkit-pact-broker.json") async throws {
        process = try LoggedProcess(["mock", "--file", file], environment: Pactkit.environment([:]))
        let deadline = Date().addingTimeInterval(15)
        var found: URL?
        while found == nil, Date() < deadline, process.process.isRunning {
            if let line = process.stdout.split(separator: "\n").first, line.hasPrefix("listening on ") {
                found = URL(string: String(line.dropFirst("listening on ".count)))
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        guard let found else { throw PipelineFailure("pactkit mock did not start: \(process.stdout) \(process.stderr)") }
        url = found
    }

    /// `(description, outcome, method path)` of every request received, in order.
    func log() async throws -> [(interaction: String?, outcome: String, request: String)] {
        let client = try OutboundHTTPClient()
        let response: OutboundResponse
        do {
            response = try await client.send(OutboundRequest(method: "GET", url: url.appendingPathComponent("__pactkit/log")))
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        let json = try JSONParser.parse(Data(response.body))
        return (json["entries"]?.arrayValue ?? []).map { entry in
            (entry["interaction"]?["description"]?.stringValue, entry["outcome"]?.stringValue ?? "?",
             "\(entry["method"]?.stringValue ?? "") \(entry["path"]?.stringValue ?? "")")
        }
    }

    func clearLog() async throws {
        let client = try OutboundHTTPClient()
        do {
            _ = try await client.send(OutboundRequest(method: "DELETE", url: url.appendingPathComponent("__pactkit/log")))
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    func stop() { process.stop() }
}

struct PipelineFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
