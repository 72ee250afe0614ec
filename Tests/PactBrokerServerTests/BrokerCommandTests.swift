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
        #expect(process.stderr.contains("received SIGTERM, stopping"), "ServerLifecycle's log line: \(process.stderr)")
        #expect(process.stderr.contains("stopped"))
        #expect(FileManager.default.fileExists(atPath: database))
    }

    @Test func credentialsComeFromPactBrokersEnvironmentVariablesAndSIGINTStopsTheServer() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PACT_BROKER_BASIC_AUTH_USERNAME"] = "ci"
        environment["PACT_BROKER_BASIC_AUTH_PASSWORD"] = "s3cret"
        environment["PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME"] = nil
        environment["PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD"] = nil
        environment["PACT_BROKER_BEARER_TOKEN"] = nil
        let process = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", ":memory:", "--allow-public-read"],
                                        environment: environment)
        let url = try await process.listeningURL()
        let hal = ["Accept": "application/hal+json", "Content-Type": "application/json"]
        #expect(try await AuthHTTP.send("GET", url, "/pacticipants", headers: hal).status == 200, "public read")
        let body = Data(#"{"name":"Foo"}"#.utf8)
        #expect(try await AuthHTTP.send("POST", url, "/pacticipants", headers: hal, body: body).status == 401)
        var writer = hal
        writer["Authorization"] = "Basic " + Data("ci:s3cret".utf8).base64EncodedString()
        #expect(try await AuthHTTP.send("POST", url, "/pacticipants", headers: writer, body: body).status == 201)
        #expect(try await process.stop(signal: SIGINT) == 0)
        #expect(process.stderr.contains("authentication: basic (read-write user ci); public read"), "\(process.stderr)")
        #expect(!process.stderr.contains("s3cret"), "the password is never logged")
        #expect(process.stderr.contains("received SIGINT, stopping"))
    }

    @Test func aUserNeedsAPasswordAndPublicReadNeedsCredentials() async throws {
        let half = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", ":memory:", "--basic-auth-username", "ci"],
                                     environment: ["PATH": "/usr/bin:/bin"])
        #expect(try await half.exitStatus() != 0)
        #expect(half.stderr.contains("--basic-auth-username and --basic-auth-password go together"), "\(half.stderr)")
        let open = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", ":memory:", "--allow-public-read"],
                                     environment: ["PATH": "/usr/bin:/bin"])
        #expect(try await open.exitStatus() != 0)
        #expect(open.stderr.contains("--allow-public-read needs credentials"), "\(open.stderr)")
    }

    @Test func anUnreachablePostgresExitsWithTheReasonAndNoPassword() async throws {
        let process = try LoggedProcess(
            "pactkit", ["broker", "--port", "0", "--db", "postgres://broker:secret@127.0.0.1:1/broker?connect_timeout=2"])
        #expect(try await process.exitStatus() == 1)
        #expect(process.stderr.contains("pactkit broker: cannot connect to PostgreSQL at 127.0.0.1:1: "), "\(process.stderr)")
        #expect(!process.stderr.contains("secret"))
    }

    /// `pactkit broker --db postgres://…` killed with SIGKILL right after acknowledging ten concurrent publishes:
    /// a restarted broker on the same database serves every one of them.
    @Test func aBrokerKilledRightAfterAcknowledgingLosesNoPublish() async throws {
        try await BrokerTestPostgres.with { database in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-kill-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let pactFile = directory.appendingPathComponent("pact.json")
            try Data(#"{"consumer":{"name":"Foo"},"provider":{"name":"Bar"},"interactions":[],"metadata":{"pactSpecification":{"version":"2.0.0"}}}"#.utf8)
                .write(to: pactFile)
            let pact = try PactFileToPublish.read(path: pactFile.path)
            let first = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", database.url])
            let client = try PactBrokerClient(configuration: BrokerConfiguration(baseURL: try await first.listeningURL()))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...10 {
                    group.addTask {
                        _ = try await client.publish(PactPublication(pacts: [pact], consumerVersion: "\(n)", branch: "main"))
                    }
                }
                try await group.waitForAll()
            }
            _ = try await first.stop(signal: SIGKILL)
            await client.shutdown()
            let second = try LoggedProcess("pactkit", ["broker", "--port", "0", "--db", database.url])
            let base = try await second.listeningURL()
            let reader = try PactBrokerClient(configuration: BrokerConfiguration(baseURL: base))
            for n in 1...10 {
                let response = try await reader.send(
                    "GET", URL(string: base.absoluteString + "/pacts/provider/Bar/consumer/Foo/version/\(n)")!,
                    json: nil, contentType: "application/json", idempotent: true)
                #expect(response.status == 200, "version \(n)")
            }
            await reader.shutdown()
            #expect(try await second.stop() == 0)
        }
    }
}
