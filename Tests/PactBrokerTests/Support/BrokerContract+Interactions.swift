import Foundation
import PactBroker
import PactConsumer
import PactModel

/// Interactions several contract tests declare (identical declarations merge into one in the pact file).
extension PactBuilder {
    func indexInteraction() {
        uponReceiving("a request for the index resource")
            .withRequest(.get, "/", headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: BrokerContract.index())
    }

    func versionInteraction() {
        let version = "/pacticipants/use-an-lpa/versions/\(BrokerContract.consumerVersion)"
        let environment = "/environment/\(BrokerContract.environmentUUID)"
        uponReceiving("a request for a pacticipant version")
            .given("version \(BrokerContract.consumerVersion) of use-an-lpa exists and the production environment exists")
            .withRequest(.get, .init(version), headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "number": .init(BrokerContract.consumerVersion),
                "_links": [
                    "self": BrokerContract.link(version),
                    "pb:record-deployment": [BrokerContract.link(version + "/deployed-versions" + environment, name: "production",
                                                                 title: "Record deployment to Production")],
                    "pb:record-release": [BrokerContract.link(version + "/released-versions" + environment, name: "production",
                                                              title: "Record release to Production")],
                ],
            ])
    }
}

/// Clients and files for the contract tests.
enum BrokerTestClients {
    static func client(_ url: URL, authentication: BrokerAuthentication? = .basic(username: BrokerContract.username, password: BrokerContract.password),
                       retries: Int = 0) throws -> PactBrokerClient {
        try PactBrokerClient(configuration: BrokerConfiguration(
            baseURL: url, authentication: authentication, retry: RetryPolicy(retries: retries, backoff: .milliseconds(10)),
            timeout: .seconds(5)))
    }

    /// Runs `body` with a client and shuts it down whatever happens.
    static func with<T>(_ client: PactBrokerClient, _ body: (PactBrokerClient) async throws -> T) async throws -> T {
        do {
            let value = try await body(client)
            await client.shutdown()
            return value
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Writes a pact document to a scratch directory and returns the checked file.
    static func pactFile(_ json: JSONValue, name: String) throws -> PactFileToPublish {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(JSONWriter.pretty(json).utf8).write(to: file)
        return try PactFileToPublish.read(path: file.path)
    }
}

/// The error `call` throws, or nil.
func brokerError<T>(_ call: () async throws -> T) async -> BrokerError? {
    do {
        _ = try await call()
        return nil
    } catch let error as BrokerError {
        return error
    } catch {
        return BrokerError(kind: .invalidInput, reason: "unexpected error \(error)")
    }
}
