import Foundation
import PactBroker

/// The example of `PactBrokerClient`'s doc comment, compiled; never called (it would ask broker.example.com).
func pactBrokerClientDocCommentExample(secret: String, sha: String) async throws {
    // doc-snippet: Sources/PactBroker/Client/PactBrokerClient.swift
    let broker = try PactBrokerClient(configuration: BrokerConfiguration(
        baseURL: URL(string: "https://broker.example.com")!, authentication: .basic(username: "ci", password: secret)))
    let answer = try await broker.canIDeploy(CanIDeployQuery(pacticipant: "web", version: sha, toEnvironment: "production"))
    await broker.shutdown()
    // doc-snippet-end
    _ = answer
}
