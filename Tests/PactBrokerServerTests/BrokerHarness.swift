import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// A broker served in process on a free port, with PactKit's own client pointed at it.
struct RunningBroker: Sendable {
    let url: URL
    let client: PactBrokerClient
    let scratch: URL

    /// Runs `body` against a fresh broker over `store`, then stops it.
    static func with<T: Sendable>(
        store: any BrokerStore = InMemoryBrokerStore(), maxBodyBytes: Int = BrokerServerConfiguration.defaultMaxBodyBytes,
        auth: BrokerAuthConfiguration = .none, clientAuth: BrokerAuthentication? = nil,
        _ body: @Sendable (RunningBroker) async throws -> T
    ) async throws -> T {
        try await with(store: store, configuration: BrokerServerConfiguration(port: 0, maxBodyBytes: maxBodyBytes, auth: auth),
                       clientAuth: clientAuth, body)
    }

    /// Runs `body` against a broker over `store` served with `configuration` (its port should be 0), then stops it
    /// and, with `closeStore`, closes the store.
    static func with<T: Sendable>(
        store: any BrokerStore, configuration: BrokerServerConfiguration, clientAuth: BrokerAuthentication? = nil,
        closeStore: Bool = true, _ body: @Sendable (RunningBroker) async throws -> T
    ) async throws -> T {
        let server = BrokerServer(store: store, configuration: configuration)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let (stops, stopper) = AsyncStream<Void>.makeStream()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await server.run(onListening: { continuation.yield($0) }, until: { for await _ in stops {} })
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.next()
                throw CancellationError()
            }
            let url = URL(string: "http://127.0.0.1:\(port)")!
            let client = try PactBrokerClient(configuration: BrokerConfiguration(baseURL: url, authentication: clientAuth, retry: RetryPolicy(retries: 0)))
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let broker = RunningBroker(url: url, client: client, scratch: scratch)
            let result: Result<T, any Error>
            do {
                result = .success(try await body(broker))
            } catch {
                result = .failure(error)
            }
            await client.shutdown()
            try? FileManager.default.removeItem(at: scratch)
            stopper.finish()
            try await group.waitForAll()
            if closeStore { await store.close() }
            return try result.get()
        }
    }

    /// Writes a pact between `consumer` and `provider` whose one interaction is named after `marker` (so
    /// different markers make different content) and returns it ready to publish.
    func pact(_ consumer: String, _ provider: String, marker: String) throws -> PactFileToPublish {
        let json: JSONValue = [
            "consumer": ["name": .string(consumer)], "provider": ["name": .string(provider)],
            "interactions": [["description": .string("a request for \(marker)"), "providerState": "things exist",
                              "request": ["method": "GET", "path": .string("/\(marker)")],
                              "response": ["status": 200, "body": ["marker": .string(marker)]]]],
            "metadata": ["pactSpecification": ["version": "2.0.0"]],
        ]
        let file = scratch.appendingPathComponent("\(consumer)-\(provider)-\(UUID().uuidString).json")
        try Data(JSONWriter.pretty(json).utf8).write(to: file)
        return try PactFileToPublish.read(path: file.path)
    }

    /// Publishes one pact per provider for a consumer version.
    @discardableResult
    func publish(_ consumer: String, version: String, providers: [String: String], branch: String? = nil, tags: [String] = []) async throws -> [BrokerNotice] {
        let pacts = try providers.sorted { $0.key < $1.key }.map { try pact(consumer, $0.key, marker: $0.value) }
        let outcomes = try await client.publish(PactPublication(pacts: pacts, consumerVersion: version, branch: branch, tags: tags))
        return outcomes.flatMap(\.notices)
    }

    func url(_ path: String) -> URL { URL(string: url.absoluteString + path)! }

    /// Sends a request with the client and returns the status and JSON body (errors included).
    func call(_ method: String, _ path: String, json: JSONValue? = nil, contentType: String = "application/json") async -> (status: Int, json: JSONValue?) {
        do {
            let response = try await client.send(method, url(path), json: json, contentType: contentType, idempotent: false)
            return (response.status, response.json)
        } catch {
            return (error.status ?? 0, error.body.flatMap { try? JSONParser.parse($0) })
        }
    }

    /// Creates an environment and returns its UUID.
    func createEnvironment(_ name: String, production: Bool = true) async throws -> String {
        let created = await call("POST", "/environments", json: ["name": .string(name), "production": .bool(production)])
        #expect(created.status == 201)
        return try #require(created.json?["uuid"]?.stringValue)
    }

    /// The verifiable pacts for `provider`.
    func forVerification(_ provider: String, selectors: [JSONValue], branch: String? = "main", wipSince: String? = nil) async throws -> [VerifiablePact] {
        try await client.pactsForVerification(PactsForVerificationRequest(
            provider: provider, selectors: selectors, providerVersionBranch: branch, includePendingStatus: true,
            includeWipPactsSince: wipSince))
    }

    /// Downloads the pact and publishes a verification result for it.
    func verify(_ pact: VerifiablePact, providerVersion: String, success: Bool, branch: String? = "main") async throws {
        let downloaded = try await client.fetchPact(pact)
        let results = VerificationResults(providerVersion: providerVersion, testResults: [
            InteractionTestResult(interactionId: nil, description: "a request", success: success),
        ])
        try await client.publish(results, for: downloaded, providerBranch: branch)
    }
}
