import Foundation
import HTTPServerCore
import OutboundHTTP
import PactBroker
import PactBrokerServer
import PactModel
import Testing

/// Webhooks fire into a local receiver after the transaction that publishes a pact or a verification result
/// commits, with their `${pactbroker.*}` parameters rendered.
@Suite struct WebhookFiringTests {
    /// A body template naming most parameters.
    static let templateBody: JSONValue = [
        "event": "${pactbroker.eventName}", "pactUrl": "${pactbroker.pactUrl}", "consumer": "${pactbroker.consumerName}",
        "provider": "${pactbroker.providerName}", "consumerVersion": "${pactbroker.consumerVersionNumber}",
        "consumerBranch": "${pactbroker.consumerVersionBranch}", "consumerTags": "${pactbroker.consumerVersionTags}",
        "providerVersion": "${pactbroker.providerVersionNumber}", "providerBranch": "${pactbroker.providerVersionBranch}",
        "descriptions": "${pactbroker.providerVersionDescriptions}", "github": "${pactbroker.githubVerificationStatus}",
        "verificationResultUrl": "${pactbroker.verificationResultUrl}",
    ]

    private static func bodies(_ receiver: WebhookReceiver) throws -> [JSONValue] {
        try receiver.requests.map { try JSONParser.parse($0.body) }
    }

    @Test func aPublicationFiresContractPublishedAndContentChanged() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            try await broker.publish("Foo", version: "0.9.0", providers: ["Bar": "old"], branch: "main")
            let created = await broker.call("POST", "/webhooks", json: webhookJSON(
                url: receiver.url("/hook"), events: ["contract_published", "contract_content_changed"], consumer: "Foo",
                provider: "Bar", body: Self.templateBody))
            #expect(created.status == 201)

            try await broker.publish("Foo", version: "1.0.0", providers: ["Bar": "a"], branch: "main", tags: ["prod"])
            try await waitUntil("two webhook requests") { receiver.requests.count == 2 }
            var bodies = try Self.bodies(receiver)
            #expect(Set(bodies.compactMap { $0["event"]?.stringValue }) == ["contract_published", "contract_content_changed"])
            let first = try #require(bodies.first)
            #expect(first["consumer"] == "Foo")
            #expect(first["provider"] == "Bar")
            #expect(first["consumerVersion"] == "1.0.0")
            #expect(first["consumerBranch"] == "main")
            #expect(first["consumerTags"] == "prod")
            #expect(first["github"] == "pending")
            #expect(first["providerVersion"] == "")
            let pactURL = try #require(first["pactUrl"]?.stringValue)
            #expect(pactURL.hasPrefix(broker.url.absoluteString + "/pacts/provider/Bar/consumer/Foo/pact-version/"))
            #expect(pactURL.contains("/metadata/"))
            let pact = await broker.call("GET", String(pactURL.dropFirst(broker.url.absoluteString.count)))
            #expect(pact.status == 200)
            #expect(pact.json?["consumer"]?["name"] == "Foo")

            // The same content again for a new version: published, not changed.
            try await broker.publish("Foo", version: "1.0.1", providers: ["Bar": "a"], branch: "main")
            try await waitUntil("a third webhook request") { receiver.requests.count == 3 }
            bodies = try Self.bodies(receiver)
            #expect(bodies.last?["event"] == "contract_published")
            #expect(bodies.last?["consumerVersion"] == "1.0.1")

            // The old way of publishing fires too.
            let oldWay = try await broker.pact("Foo", "Bar", marker: "b")
            let put = try await rawRequest(broker, "PUT", "/pacts/provider/Bar/consumer/Foo/version/1.1.0",
                                          body: String(decoding: oldWay.data, as: UTF8.self))
            #expect(put.status == 201)
            try await waitUntil("two more webhook requests") { receiver.requests.count == 5 }
            #expect(try Self.bodies(receiver).suffix(2).allSatisfy { $0["consumerVersion"] == "1.1.0" })

            // The triggered webhooks of the pact, and their logs.
            var triggered: [JSONValue] = []
            try await waitUntil("both triggered webhooks succeeded") {
                let listed = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/1.0.0/triggered-webhooks")
                triggered = listed.json?["_embedded"]?["triggeredWebhooks"]?.arrayValue ?? []
                return triggered.count == 2 && triggered.allSatisfy { $0["status"] == "success" }
            }
            #expect(Set(triggered.compactMap { $0["eventName"]?.stringValue }) == ["contract_published", "contract_content_changed"])
            #expect(triggered.first?["name"] == "POST 127.0.0.1")
            #expect(triggered.first?["attemptsMade"] == .int(1))
            #expect(triggered.first?["attemptsRemaining"] == .int(0))
            #expect(triggered.first?["triggerType"] == "resource_creation")
            let logsURL = try #require(triggered.first?["_links"]?["pb:logs"]?["href"]?.stringValue)
            let logsPath = String(logsURL.dropFirst(broker.url.absoluteString.count))
            #expect(logsPath.hasPrefix("/triggered-webhooks/"))
            let text = try await rawRequest(broker, "GET", logsPath)
            #expect(text.status == 200)
            #expect(text.headers.first { $0.name.lowercased() == "content-type" }?.value.hasPrefix("text/plain") == true)
            #expect(text.text.contains("INFO: Successfully executed webhook"))
            #expect(text.text.contains("HTTP/1.1 POST \(receiver.url("/hook"))"))
            let json = await broker.call("GET", logsPath)
            #expect(json.json?["consumerName"] == "Foo")
            #expect(json.json?["executions"]?.arrayValue?.first?["success"] == .bool(true))
            #expect(await broker.call("GET", "/triggered-webhooks/nope/logs").status == 404)
            #expect(await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/9.9.9/triggered-webhooks").status == 404)
        }
        try await receiver.server.shutdown()
    }

    @Test func verificationResultsAndRequiredVerificationsFire() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            _ = await broker.call("POST", "/webhooks", json: webhookJSON(
                url: receiver.url("/verified"),
                events: ["provider_verification_published", "provider_verification_succeeded", "provider_verification_failed",
                         "contract_requiring_verification_published"],
                provider: nil, body: Self.templateBody))
            try await broker.publish("Foo", version: "1.0.0", providers: ["Bar": "a"], branch: "main")
            let pacts = try await broker.forVerification("Bar", selectors: [["mainBranch": true]])
            try await broker.verify(try #require(pacts.first), providerVersion: "2.0.0", success: false, branch: "main")
            try await waitUntil("two verification webhooks") { receiver.requests.count == 2 }
            var bodies = try Self.bodies(receiver)
            #expect(Set(bodies.compactMap { $0["event"]?.stringValue }) == ["provider_verification_published", "provider_verification_failed"])
            let verified = try #require(bodies.first)
            #expect(verified["providerVersion"] == "2.0.0")
            #expect(verified["providerBranch"] == "main")
            #expect(verified["github"] == "failure")
            #expect(verified["consumerVersion"] == "1.0.0")
            #expect(verified["verificationResultUrl"]?.stringValue?.hasSuffix("/verification-results/1") == true)

            // New content: Bar 2.0.0, the head of its main branch, has not verified it.
            try await broker.publish("Foo", version: "1.1.0", providers: ["Bar": "b"], branch: "main")
            try await waitUntil("the contract_requiring_verification_published webhook") { receiver.requests.count == 3 }
            bodies = try Self.bodies(receiver)
            let required = try #require(bodies.last)
            #expect(required["event"] == "contract_requiring_verification_published")
            #expect(required["providerVersion"] == "2.0.0")
            #expect(required["providerBranch"] == "main")
            #expect(required["descriptions"] == "latest from main branch")
            #expect(required["consumerVersion"] == "1.1.0")

            // A successful verification of it.
            let next = try await broker.forVerification("Bar", selectors: [["mainBranch": true]])
            try await broker.verify(try #require(next.first), providerVersion: "2.0.1", success: true, branch: "main")
            try await waitUntil("two more verification webhooks") { receiver.requests.count == 5 }
            bodies = try Self.bodies(receiver)
            #expect(Set(bodies.suffix(2).compactMap { $0["event"]?.stringValue }) == ["provider_verification_published", "provider_verification_succeeded"])
            #expect(bodies.suffix(2).allSatisfy { $0["github"] == "success" })
        }
        try await receiver.server.shutdown()
    }

    @Test func aWebhookForAnotherIntegrationOrDisabledDoesNotFire() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a", "Baz": "a"])
            var disabled = webhookJSON(url: receiver.url("/disabled"), provider: "Bar")
            if case .object(var object) = disabled { object["enabled"] = false; disabled = .object(object) }
            #expect(await broker.call("POST", "/webhooks", json: disabled).status == 201)
            #expect(await broker.call("POST", "/webhooks", json: webhookJSON(url: receiver.url("/baz"), provider: "Baz")).status == 201)
            try await broker.publish("Foo", version: "2", providers: ["Bar": "b"])
            try await broker.publish("Foo", version: "3", providers: ["Baz": "b"])
            try await waitUntil("the Baz webhook") { receiver.requests.count == 1 }
            try await Task.sleep(for: .milliseconds(200))
            #expect(receiver.requests.map(\.path) == ["/baz"])
        }
        try await receiver.server.shutdown()
    }
}
