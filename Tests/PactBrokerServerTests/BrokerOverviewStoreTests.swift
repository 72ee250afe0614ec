import Foundation
@testable import PactBrokerServer
import Testing

/// The set-based overview queries (`BrokerOverviewQueries`), run against every driver: the same answers from the
/// in-memory store (composed of per-row queries) and from the few statements of SQLite and PostgreSQL.
@Suite struct BrokerOverviewStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// Foo publishes to Bar (v1 content a, v2 content b) and to Baz (v1 content c). Content a failed for Bar b1 then
    /// passed for b2; b was never verified; c failed for Baz z1 and never passed. Bar carries the label `team`.
    private func history(_ store: any BrokerStore) async throws {
        try await store.write { tx in
            let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at(0))
            let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
            let baz = try await tx.insertPacticipant(name: "Baz", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
            _ = try await tx.insertLabel(pacticipantID: bar.id, name: "team", at: at(0))
            _ = try await tx.insertLabel(pacticipantID: bar.id, name: "alpha", at: at(0))
            let main = try await tx.insertBranch(pacticipantID: foo.id, name: "main", at: at(0))
            let feature = try await tx.insertBranch(pacticipantID: foo.id, name: "feature", at: at(0))
            let v1 = try await tx.insertVersion(pacticipantID: foo.id, number: "1", buildURL: nil, at: at(1))
            let v2 = try await tx.insertVersion(pacticipantID: foo.id, number: "2", buildURL: nil, at: at(2))
            _ = try await tx.addToBranch(branchID: main.id, versionID: v1.id, at: at(1))
            _ = try await tx.addToBranch(branchID: feature.id, versionID: v2.id, at: at(2))
            _ = try await tx.insertTag(versionID: v1.id, name: "prod", at: at(1))
            _ = try await tx.insertTag(versionID: v1.id, name: "a-tag", at: at(1))
            _ = try await tx.insertTag(versionID: v2.id, name: "dev", at: at(2))
            let a = try await tx.insertPactContent(sha: "sha-a", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(1))
            let b = try await tx.insertPactContent(sha: "sha-b", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(2))
            let c = try await tx.insertPactContent(sha: "sha-c", consumerID: foo.id, providerID: baz.id, content: "{}", at: at(1))
            _ = try await tx.insertPublication(consumerVersionID: v1.id, providerID: bar.id, pactContentID: a.id, at: at(1))
            _ = try await tx.insertPublication(consumerVersionID: v1.id, providerID: baz.id, pactContentID: c.id, at: at(1))
            _ = try await tx.insertPublication(consumerVersionID: v2.id, providerID: bar.id, pactContentID: b.id, at: at(2))
            let b1 = try await tx.insertVersion(pacticipantID: bar.id, number: "b1", buildURL: nil, at: at(3))
            let b2 = try await tx.insertVersion(pacticipantID: bar.id, number: "b2", buildURL: nil, at: at(4))
            let z1 = try await tx.insertVersion(pacticipantID: baz.id, number: "z1", buildURL: nil, at: at(5))
            _ = try await tx.insertVerification(pactContentID: a.id, providerVersionID: b1.id, success: false, buildURL: nil, details: "{}", at: at(3))
            _ = try await tx.insertVerification(pactContentID: a.id, providerVersionID: b2.id, success: true, buildURL: nil, details: "{}", at: at(4))
            _ = try await tx.insertVerification(pactContentID: c.id, providerVersionID: z1.id, success: false, buildURL: nil, details: "{}", at: at(5))
        }
    }

    private struct Shown: Equatable {
        var integration: String
        var branch: String?
        var tag: String?
        var verification: String?
        var webhook: String
    }

    private func shown(_ store: any BrokerStore) async throws -> [Shown] {
        try await store.read { tx in
            try await tx.integrationOverviews(try await tx.integrationHeads()).map { o in
                let v = o.lastVerification.map { "\($0.providerVersionNumber) \($0.success ? "passed" : "failed") \($0.verifiedPactContentSHA)\($0.pending ? " pending" : "") at \(Int($0.verifiedAt.timeIntervalSince(t0)))" }
                let w = o.webhook.status.rawValue + (o.webhook.lastTriggeredAt.map { " at \(Int($0.timeIntervalSince(t0)))" } ?? "")
                return Shown(integration: "\(o.head.consumerName)-\(o.head.providerName) \(o.head.consumerVersionNumber) \(o.head.pactContentSHA)",
                             branch: o.branch, tag: o.tag, verification: v, webhook: w)
            }
        }
    }

    /// The webhook column of each integration, an array so a failing expectation shows it.
    private func webhooks(_ store: any BrokerStore) async throws -> [String] {
        try await shown(store).map(\.webhook)
    }

    @Test(arguments: StoreDriver.tested)
    func integrationHeadsAndOverviews(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            #expect(try await store.read { try await $0.integrationHeads() }.isEmpty)
            #expect(try await store.read { try await $0.integrationOverviews([]) }.isEmpty)
            try await history(store)
            let heads = try await store.read { try await $0.integrationHeads() }
            #expect(heads.map { "\($0.consumerName)-\($0.providerName) \($0.consumerVersionNumber) \($0.pactContentSHA) \(Int($0.publishedAt.timeIntervalSince(t0)))" }
                    == ["Foo-Bar 2 sha-b 2", "Foo-Baz 1 sha-c 1"])
            // Bar's latest pact (b) was never verified: the last verification of the newest earlier pact (a) shows.
            let overviews = try await shown(store)
            #expect(overviews == [
                Shown(integration: "Foo-Bar 2 sha-b", branch: "feature", tag: "dev", verification: "b2 passed sha-a at 4", webhook: "none"),
                Shown(integration: "Foo-Baz 1 sha-c", branch: "main", tag: "a-tag", verification: "z1 failed sha-c pending at 5", webhook: "none"),
            ])
            // Only the integrations asked about, in the order given.
            let one = try await store.read { tx in try await tx.integrationOverviews([heads[1]]) }
            #expect(one.map(\.head) == [heads[1]])
        }
    }

    @Test(arguments: StoreDriver.tested)
    func theWebhookStatusOfAnIntegrationIsItsLatestTriggeredWebhooks(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await history(store)
            let request = WebhookRequestTemplate(method: "POST", url: "https://example.org/hook")
            try await store.write { tx in
                // Applies to Foo-Bar only: consumer by name, provider by label.
                _ = try await tx.saveWebhook(WebhookDefinition(uuid: "w1", consumer: .name("Foo"), provider: .label("team"),
                                                               events: [.contractPublished, .providerVerificationPublished],
                                                               request: request), at: at(10))
            }
            #expect(try await webhooks(store) == ["not_run", "none"])
            func trigger(_ uuid: String, webhook: String, _ event: WebhookEventName, _ status: TriggeredWebhook.Status, _ seconds: Double) async throws {
                try await store.write { tx in
                    try await tx.insertTriggeredWebhook(TriggeredWebhook(
                        uuid: uuid, webhookUUID: webhook, eventName: event, triggerType: .resourceCreation,
                        context: WebhookTemplateContext(consumerName: "Foo", providerName: "Bar", consumerVersionNumber: "2"),
                        status: status, createdAt: at(seconds)))
                }
            }
            try await trigger("t1", webhook: "w1", .contractPublished, .failure, 11)
            try await trigger("t2", webhook: "w1", .contractPublished, .success, 12)
            // A deleted webhook's triggered webhooks do not count.
            try await trigger("t3", webhook: "gone", .contractPublished, .failure, 13)
            #expect(try await webhooks(store) == ["success at 12", "none"])
            try await trigger("t4", webhook: "w1", .providerVerificationPublished, .failure, 14)
            #expect(try await webhooks(store) == ["failure at 14", "none"])
            try await store.write { tx in try await tx.updateTriggeredWebhook(uuid: "t4", status: .retrying, at: at(15)) }
            #expect(try await webhooks(store) == ["retrying at 14", "none"])
            // A webhook for every integration (no consumer, no provider), disabled: Foo-Baz has webhooks now.
            try await store.write { tx in
                _ = try await tx.saveWebhook(WebhookDefinition(uuid: "w2", request: request, enabled: false), at: at(16))
            }
            #expect(try await webhooks(store) == ["retrying at 14", "not_run"])
        }
    }

    @Test(arguments: StoreDriver.tested)
    func pacticipantOverviewsCarryTheLatestVersionAndLabels(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            #expect(try await store.read { try await $0.pacticipantOverviews() }.isEmpty)
            try await history(store)
            try await store.write { tx in
                _ = try await tx.insertPacticipant(name: "Aardvark", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
            }
            let overviews = try await store.read { try await $0.pacticipantOverviews() }
            #expect(overviews.map(\.pacticipant.name) == ["Aardvark", "Bar", "Baz", "Foo"])
            #expect(overviews.map { $0.latestVersion?.number } == [nil, "b2", "z1", "2"])
            #expect(overviews.map { $0.labels.map(\.name) } == [[], ["alpha", "team"], [], []])
            let expected = try await store.read { tx in
                var versions: [VersionRecord?] = []
                for p in try await tx.pacticipants() { versions.append(try await tx.latestVersion(pacticipantID: p.id, tag: nil, branch: nil)) }
                return versions
            }
            #expect(overviews.map(\.latestVersion) == expected)
        }
    }
}
