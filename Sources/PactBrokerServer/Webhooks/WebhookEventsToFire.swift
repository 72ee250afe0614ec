import Foundation
import PactModel

/// A webhook event found inside a store transaction, fired once the transaction has committed.
struct WebhookEventToFire: Sendable {
    var name: WebhookEventName
    var consumer: WebhookPacticipant
    var provider: WebhookPacticipant
    var context: WebhookTemplateContext
    /// For `contract_requiring_verification_published`: the provider versions that must verify the pact.
    var requiredVersions: [RequiredProviderVersion] = []
}

/// What a pact publication is compared with to decide `contract_content_changed` (pact_broker's
/// `pact_is_new_or_newly_tagged_or_pact_has_changed_since_previous_version?`): the content the consumer version
/// already had for the provider, else the previous pact with each of the version's tags (the latest pact of the
/// integration when it has none). A nil previous content means there was none, which counts as a change.
struct PactPublicationBaseline: Sendable {
    var revisionSHA: String?
    var previousSHAs: [String?]

    func contentChanged(to sha: String) -> Bool {
        if let revisionSHA { return revisionSHA != sha }
        return previousSHAs.contains { $0 != sha }
    }
}

extension BrokerAPI {
    /// Whether webhooks can fire at all: a dispatcher runs and some webhook exists (one indexed row). Without them
    /// nothing about webhooks is computed.
    func webhooksInUse(_ tx: any BrokerStoreTransaction) async throws -> Bool {
        guard webhookDispatcher != nil else { return false }
        return try await tx.hasWebhooks()
    }

    /// Before publishing the consumer version's pact with `provider`: what `contract_content_changed` compares
    /// with. Asked only when `webhooksInUse`.
    func webhookBaseline(
        _ tx: any BrokerStoreTransaction, consumerID: RowID, provider: String, versionID: RowID, tags: [String]
    ) async throws -> PactPublicationBaseline {
        guard let p = try await tx.pacticipant(named: provider) else { return PactPublicationBaseline(previousSHAs: [nil]) }
        if let existing = try await tx.publications(providerID: p.id, consumerID: consumerID, scope: .consumerVersions([versionID])).first {
            return PactPublicationBaseline(revisionSHA: existing.content.sha, previousSHAs: [])
        }
        if tags.isEmpty {
            let latest = try await tx.publications(providerID: p.id, consumerID: consumerID, scope: .latest).last
            return PactPublicationBaseline(previousSHAs: [latest?.content.sha])
        }
        var previous: [String?] = []
        for tag in tags {
            let latest = try await tx.publications(providerID: p.id, consumerID: consumerID, scope: .latestForTag(tag))
                .last { $0.consumerVersion.id != versionID }
            previous.append(latest?.content.sha)
        }
        return PactPublicationBaseline(previousSHAs: previous)
    }

    /// The events of a pact publication: `contract_published`, `contract_content_changed` when the content changed,
    /// and `contract_requiring_verification_published` for the provider versions that have not verified it.
    func publicationEvents(
        _ tx: any BrokerStoreTransaction, view: PublicationView, baseline: PactPublicationBaseline, urls: BrokerURLs
    ) async throws -> [WebhookEventToFire] {
        let context = try await pactContext(tx, view: view, urls: urls)
        let consumer = try await Self.selectable(tx, view.consumer), provider = try await Self.selectable(tx, view.provider)
        var events = [WebhookEventToFire(name: .contractPublished, consumer: consumer, provider: provider, context: context)]
        if baseline.contentChanged(to: view.content.sha) {
            events.append(WebhookEventToFire(name: .contractContentChanged, consumer: consumer, provider: provider, context: context))
        }
        let required = try await requiredVerifications(tx, view: view)
        if !required.isEmpty {
            events.append(WebhookEventToFire(
                name: .contractRequiringVerificationPublished, consumer: consumer, provider: provider, context: context,
                requiredVersions: required))
        }
        return events
    }

    /// The events of a verification result: `provider_verification_published`, then `…_succeeded` or `…_failed`;
    /// none when no webhook exists.
    func verificationEvents(
        _ tx: any BrokerStoreTransaction, view: PublicationView, verification: VerificationRecord, providerVersion: VersionRecord,
        urls: BrokerURLs
    ) async throws -> [WebhookEventToFire] {
        guard try await webhooksInUse(tx) else { return [] }
        var context = try await pactContext(tx, view: view, urls: urls)
        try await addVerification(tx, to: &context, view: view, verification: verification, providerVersion: providerVersion, urls: urls)
        let consumer = try await Self.selectable(tx, view.consumer), provider = try await Self.selectable(tx, view.provider)
        return [WebhookEventName.providerVerificationPublished, verification.success ? .providerVerificationSucceeded : .providerVerificationFailed]
            .map { WebhookEventToFire(name: $0, consumer: consumer, provider: provider, context: context) }
    }

    /// Adds a verification result's template parameters (its URL, the provider version with its tags and branch, the
    /// outcome and build URL) to a pact's context.
    func addVerification(
        _ tx: any BrokerStoreTransaction, to context: inout WebhookTemplateContext, view: PublicationView,
        verification: VerificationRecord, providerVersion: VersionRecord, urls: BrokerURLs
    ) async throws {
        context.verificationResultURL = urls.verificationResult(
            view.provider.name, view.consumer.name, sha: view.content.sha, number: verification.number)
        context.providerVersionNumber = providerVersion.number
        context.providerVersionTags = try await tx.tagNames(versionID: providerVersion.id)
        context.providerVersionBranch = try await tx.branchNames(versionID: providerVersion.id).last
        context.verificationSuccess = verification.success
        context.buildURL = verification.buildURL
    }

    /// A consumer or provider with its labels, as webhook selection matches it (a webhook's `label` selector selects
    /// every pacticipant carrying the label, pact_broker's `find_by_consumer_and_or_provider`).
    static func selectable(_ tx: any BrokerStoreTransaction, _ p: PacticipantRecord) async throws -> WebhookPacticipant {
        WebhookPacticipant(name: p.name, labels: try await tx.labels(pacticipantID: p.id).map(\.name))
    }

    /// The `${pactbroker.*}` parameters of a pact: its pact-version URL with pact_broker's webhook metadata
    /// (`cvn`, `cvt[]`, `w`), the names, the consumer version with its tags, branch and build URL.
    func pactContext(_ tx: any BrokerStoreTransaction, view: PublicationView, urls: BrokerURLs) async throws -> WebhookTemplateContext {
        let tags = try await tx.tagNames(versionID: view.consumerVersion.id)
        let number = view.consumerVersion.number
        let query = (["cvn=\(FormURLEncoding.encode(number))"] + tags.map { "cvt%5B%5D=\(FormURLEncoding.encode($0))" } + ["w=true"])
            .joined(separator: "&")
        return WebhookTemplateContext(
            pactURL: urls.pactVersion(view.provider.name, view.consumer.name, sha: view.content.sha, metadata: Self.encode(query)),
            consumerName: view.consumer.name, providerName: view.provider.name, consumerVersionNumber: number,
            consumerVersionTags: tags, consumerVersionBranch: try await tx.branchNames(versionID: view.consumerVersion.id).last,
            buildURL: view.consumerVersion.buildURL)
    }

    /// The provider versions that must verify the publication's content (pact_broker's
    /// `calculate_required_verifications_for_pact`): the latest of the provider's main branch, every currently
    /// deployed and every currently supported released version, less those that already verified this content.
    func requiredVerifications(_ tx: any BrokerStoreTransaction, view: PublicationView) async throws -> [RequiredProviderVersion] {
        let provider = try await tx.pacticipant(id: view.provider.id) ?? view.provider
        var order: [RowID] = []
        var found: [RowID: (version: VersionRecord, branch: String?, descriptions: [String])] = [:]
        func add(_ version: VersionRecord, _ description: String, branch: String?) {
            if found[version.id] == nil {
                order.append(version.id)
                found[version.id] = (version, branch, [])
            }
            if found[version.id]?.branch == nil { found[version.id]?.branch = branch }
            if found[version.id]?.descriptions.contains(description) == false { found[version.id]?.descriptions.append(description) }
        }
        if let main = provider.mainBranch, let version = try await tx.latestVersion(pacticipantID: provider.id, tag: nil, branch: main) {
            add(version, "latest from main branch", branch: main)
        }
        for deployed in try await tx.currentlyDeployed(environmentID: nil, pacticipantID: provider.id) {
            guard let version = try await tx.version(id: deployed.versionID) else { continue }
            let environment = try await tx.environment(id: deployed.environmentID)?.name ?? ""
            add(version, "deployed in \(environment)", branch: nil)
        }
        for released in try await tx.currentlySupported(environmentID: nil, pacticipantID: provider.id) {
            guard let version = try await tx.version(id: released.versionID) else { continue }
            let environment = try await tx.environment(id: released.environmentID)?.name ?? ""
            add(version, "released in \(environment)", branch: nil)
        }
        if order.isEmpty { return [] }
        let verified = Set(try await tx.verifications(pactContentID: view.content.id, providerVersionIDs: order).map(\.providerVersionID))
        var required: [RequiredProviderVersion] = []
        for id in order where !verified.contains(id) {
            guard let entry = found[id] else { continue }
            var branch = entry.branch
            if branch == nil { branch = try await tx.branchNames(versionID: id).last }
            required.append(RequiredProviderVersion(number: entry.version.number, branch: branch, descriptions: entry.descriptions))
        }
        return required
    }

    /// Fires events found in a committed transaction; returns the triggered webhooks (for the publish response's
    /// notices). A failure to record a triggered webhook does not fail the request that committed the change.
    @discardableResult
    func fireWebhooks(_ events: [WebhookEventToFire]) async -> [TriggeredWebhook] {
        guard let dispatcher = webhookDispatcher, !events.isEmpty else { return [] }
        var triggered: [TriggeredWebhook] = []
        for event in events {
            do {
                if event.name == .contractRequiringVerificationPublished {
                    let webhooks = try await dispatcher.store.allWebhooks()
                        .filter { $0.fires(for: event.name, consumer: event.consumer, provider: event.provider) }
                    triggered += try await dispatcher.triggerForRequiredVerifications(
                        webhooks, context: event.context, providerVersions: event.requiredVersions)
                } else {
                    triggered += try await dispatcher.trigger(
                        event: event.name, consumer: event.consumer, provider: event.provider, context: event.context)
                }
            } catch {
                continue
            }
        }
        return triggered
    }
}
