import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// Runs the built `pactkit` binary (found next to the test bundle, in the build's products directory).
enum PactkitBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func location() throws -> URL {
        var directories: [URL] = []
        for bundle in Bundle.allBundles {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
            directories.append(bundle.bundleURL)
        }
        if let executable = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("pactkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TestFailure(reason: "the pactkit binary was not found next to the test bundle in \(directories.map(\.path))")
    }

    /// `pactkit verify <arguments>` with `environment` added to this process's environment (minus the filter
    /// variables, so the developer's shell cannot change the outcome).
    static func verify(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stdoutURL = directory.appendingPathComponent("stdout")
        let stderrURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = try location()
        process.arguments = ["verify"] + arguments
        var merged = ProcessInfo.processInfo.environment
        for name in ["PACT_DESCRIPTION", "PACT_PROVIDER_STATE", "PACT_PROVIDER_NO_STATE", "NO_COLOR"] { merged[name] = nil }
        merged.merge(environment) { _, new in new }
        process.environment = merged
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume()
            }
        }
        try stdout.close()
        try stderr.close()
        guard process.processIdentifier != 0 else { throw TestFailure(reason: "pactkit could not be started") }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// An in-process provider for the CLI to verify, recording what it receives.
final class CLITestProvider: Sendable {
    let server: HTTPServer
    private let received = Locked<[ServerRequest]>([])

    var requests: [ServerRequest] { received.withLock { $0 } }
    var url: URL { server.url }

    init(_ respond: @escaping @Sendable (ServerRequest) async -> ServerResponse) async throws {
        let received = self.received
        server = try await HTTPServer.start(
            configuration: HTTPServerConfiguration(shutdownGracePeriod: .milliseconds(100)),
            handler: .async { request in
                received.withLock { $0.append(request) }
                return await respond(request)
            })
    }

    func stop() async { try? await server.shutdown() }
}

/// Pact files for the CLI tests.
enum CLIPacts {
    static func write(_ test: XCTestCase, name: String = "web-codes.json", interactions: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-cli-pacts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(text(interactions).utf8).write(to: file)
        return file
    }

    static func text(_ interactions: [String]) -> String {
        """
        {"consumer": {"name": "web"}, "provider": {"name": "codes"}, "interactions": [\(interactions.joined(separator: ","))],
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
    }

    static func get(_ description: String, path: String, states: String = "[]", status: Int = 200) -> String {
        """
        {"type": "Synchronous/HTTP", "description": "\(description)", "providerStates": \(states),
         "request": {"method": "GET", "path": "\(path)"},
         "response": {"status": \(status), "headers": {"Content-Type": ["application/json"]},
                      "body": {"contentType": "application/json", "content": {"code": "ABC"}}}}
        """
    }
}

extension ServerResponse {
    static let code = ServerResponse.json(Data(#"{"code": "ABC"}"#.utf8))
}
