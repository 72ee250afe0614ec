import Foundation
import HTTPServerCore
import PactModel
import TestSupport
import XCTest

/// Runs the built `pactkit` binary (found next to the test bundle, in the build's products directory).
enum PactkitBinary {
    typealias Result = BuiltExecutable.Result

    static func location() throws -> URL { try BuiltExecutable.url("pactkit") }

    /// `pactkit verify <arguments>` with `environment` added to this process's environment (minus the filter
    /// variables, so the developer's shell cannot change the outcome).
    static func verify(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let filters: Set = ["PACT_DESCRIPTION", "PACT_PROVIDER_STATE", "PACT_PROVIDER_NO_STATE", "NO_COLOR"]
        return try await BuiltExecutable.run(
            "pactkit", ["verify"] + arguments,
            environment: BuiltExecutable.environment(dropping: filters.contains, adding: environment))
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
