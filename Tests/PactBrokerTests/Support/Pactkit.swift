import Foundation
import OutboundHTTP
import PactModel
import TestSupport
import XCTest

/// The built `pactkit` executable, run as CI runs it.
enum Pactkit {
    typealias Result = BuiltExecutable.Result

    static func binary() throws -> URL { try BuiltExecutable.url("pactkit") }

    /// The environment a command runs with: this process's, without broker or filter variables from the developer's
    /// shell, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        BuiltExecutable.environment(dropping: { $0.hasPrefix("PACT_") || $0 == "NO_COLOR" }, adding: extra)
    }

    /// Runs `pactkit arguments` in the package root to completion.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
        try await BuiltExecutable.run("pactkit", arguments, environment: environment(extra))
    }
}

/// `pactkit mock` serving the broker contract, with access to its admin log.
final class BrokerMock: @unchecked Sendable {
    let process: LoggedProcess
    let url: URL

    init(file: String = "pacts/pactkit-pact-broker.json") async throws {
        process = try LoggedProcess(
            "pactkit", ["mock", "--file", file], environment: Pactkit.environment([:]), in: PackageRoot.url)
        url = try await process.listeningURL()
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

    func stop() { process.blockingStop() }
}

struct PipelineFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
