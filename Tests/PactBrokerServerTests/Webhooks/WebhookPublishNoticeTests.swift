import Foundation
import PactBroker
@testable import PactBrokerServer
import PactModel
import Testing

/// `POST /contracts/publish` says which webhooks the publication triggered, in pact_broker's words
/// (`Contracts::Service#triggered_webhook_notices`): `Webhook "description" triggered for event …` with where the
/// logs are, "No enabled webhooks found for the detected events" when the integration has webhooks but none fired,
/// and nothing about webhooks when it has none.
@Suite struct WebhookPublishNoticeTests {
    /// Publishes one pact of `consumer` with each provider through `/contracts/publish`; the notices' texts.
    private func publish(_ broker: RunningBroker, _ consumer: String, version: String, providers: [String]) async throws -> [String] {
        let contracts: [JSONValue] = providers.map { provider in
            let pact: JSONValue = [
                "consumer": ["name": .string(consumer)], "provider": ["name": .string(provider)],
                "interactions": [["description": .string("a request in \(version)"),
                                  "request": ["method": "GET", "path": "/things"], "response": ["status": 200]]],
                "metadata": ["pactSpecification": ["version": "2.0.0"]],
            ]
            return ["consumerName": .string(consumer), "providerName": .string(provider), "specification": "pact",
                    "contentType": "application/json",
                    "content": .string(Data(JSONWriter.compact(pact).utf8).base64EncodedString())]
        }
        let reply = await broker.call("POST", "/contracts/publish", json: [
            "pacticipantName": .string(consumer), "pacticipantVersionNumber": .string(version), "branch": "main",
            "contracts": .array(contracts),
        ])
        #expect(reply.status == 200)
        return reply.json?["notices"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
    }

    @Test func aTriggeredWebhookIsNamedWithItsLogsAndNoWebhookMeansNoNotice() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            // No webhook at all: nothing about webhooks, and both next steps.
            let before = try await publish(broker, "Foo", version: "1", providers: ["Bar"])
            #expect(!before.contains { $0.contains("Webhook") || $0.contains("webhooks found") })
            #expect(before.contains("    * Configure separate Bar pact verification build and webhook to trigger it when the pact content changes. See https://docs.pact.io/go/webhooks"))

            var webhook = webhookJSON(url: receiver.url("/hook"), events: ["contract_published"], consumer: "Foo", provider: "Bar")
            webhook = webhook.adding(["description": "Notify \"CI\""])
            let created = await broker.call("POST", "/webhooks", json: webhook)
            #expect(created.status == 201)

            let notices = try await publish(broker, "Foo", version: "2", providers: ["Bar", "Baz"])
            let triggered = notices.filter { $0.hasPrefix("  Webhook ") }
            #expect(triggered.count == 1, "one webhook fired, for Bar only: \(notices)")
            let listed = await broker.call("GET", "/pacts/provider/Bar/consumer/Foo/version/2/triggered-webhooks")
            let logs = try #require(listed.json?["_embedded"]?["triggeredWebhooks"]?.arrayValue?.first?["_links"]?["pb:logs"]?["href"]?.stringValue)
            #expect(logs.hasPrefix(broker.url.absoluteString + "/triggered-webhooks/") && logs.hasSuffix("/logs"))
            #expect(triggered.first == "  Webhook \"Notify \\\"CI\\\"\" triggered for event contract_published.\n    View logs at \(logs)")
            // pact_broker's order: the publication, its URL, the webhooks, then the next steps; a configured webhook
            // removes the webhook prompt for Bar, not for Baz.
            let bar = try #require(notices.firstIndex { $0.hasPrefix("Pact successfully published for Foo version 2 and provider Bar") })
            let index = try #require(notices.firstIndex { $0.hasPrefix("  Webhook ") })
            let baz = try #require(notices.firstIndex { $0.hasPrefix("Pact successfully published for Foo version 2 and provider Baz") })
            #expect(bar < index && index < baz)
            #expect(notices[bar + 1].hasPrefix("  View the published pact at "))
            #expect(!notices.contains { $0.contains("Configure separate Bar pact verification build") })
            #expect(notices.contains { $0.contains("Configure separate Baz pact verification build") })
            try await waitUntil("the webhook ran") { receiver.requests.count == 1 }
            #expect(await broker.call("GET", String(logs.dropFirst(broker.url.absoluteString.count))).status == 200)
        }
        try await receiver.server.shutdown()
    }

    @Test func aWebhookForOtherEventsSaysNoneIsEnabledForTheDetectedEvents() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [200])
        try await withWebhookBroker { broker in
            _ = try await publish(broker, "Foo", version: "1", providers: ["Bar"])
            let created = await broker.call("POST", "/webhooks", json: webhookJSON(
                url: receiver.url("/hook"), events: ["provider_verification_published"], provider: "Bar"))
            #expect(created.status == 201)
            let notices = try await publish(broker, "Foo", version: "2", providers: ["Bar"])
            #expect(notices.contains("  No enabled webhooks found for the detected events"))
            #expect(!notices.contains { $0.hasPrefix("  Webhook ") })
            #expect(!notices.contains { $0.contains("Configure separate Bar pact verification build") },
                    "a webhook for the integration exists")
            #expect(receiver.requests.isEmpty)
        }
        try await receiver.server.shutdown()
    }

    @Test func rubyInspectQuotesAsPactBrokerPrintsDescriptions() {
        #expect(BrokerAPI.rubyInspect("Deploy") == "\"Deploy\"")
        #expect(BrokerAPI.rubyInspect("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"")
        #expect(BrokerAPI.rubyInspect("x\ny\t#{z} #$ #@ # é") == "\"x\\ny\\t\\#{z} \\#$ \\#@ # é\"")
        #expect(BrokerAPI.rubyInspect("\u{01}") == "\"\\u0001\"")
    }
}

private extension JSONValue {
    func adding(_ other: [String: JSONValue]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for (key, value) in other { members[key] = value }
        return .object(members)
    }
}
