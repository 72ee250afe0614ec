import Foundation
import PactBroker
import PactModel
import Testing
import TestSupport

/// `pactkit broker` as a process: the listening line, a publication through PactKit's client, a clean stop.
@Suite struct BrokerCommandTests {
    @Test func theBrokerSubcommandServesAndStopsOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("broker.sqlite3").path
        let process = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", database])
        let url = try await process.listeningURL()
        let client = try PactBrokerClient(configuration: BrokerConfiguration(baseURL: url))
        let pactFile = directory.appendingPathComponent("pact.json")
        try Data(#"{"consumer":{"name":"Foo"},"provider":{"name":"Bar"},"interactions":[],"metadata":{"pactSpecification":{"version":"2.0.0"}}}"#.utf8)
            .write(to: pactFile)
        let outcomes = try await client.publish(PactPublication(pacts: [try PactFileToPublish.read(path: pactFile.path)], consumerVersion: "1", branch: "main"))
        #expect(outcomes.first?.usedLegacyPublishing == false)
        #expect(outcomes.first?.notices.contains { $0.text == "Pact successfully published for Foo version 1 and provider Bar." } == true)
        await client.shutdown()
        #expect(try await process.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: database))
    }

    @Test func postgresIsNotYetSupported() async throws {
        let process = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", "postgres://localhost/broker"])
        #expect(try await process.exitStatus() == 1)
        #expect(process.stderr.contains("PostgreSQL is not yet supported"))
    }
}
