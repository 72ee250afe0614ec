import Foundation

/// The index page's rows from the store: one per integration (its latest pact, one query for all), and for the rows
/// on the page shown only, the latest pact's branch or tag and the integration's last verification. Rows off the
/// page carry only what the search and the count need.
enum IndexRowsQuery {
    /// How many of the consumer's newest versions are searched for an earlier pact's verification when the latest
    /// pact has none (its status is then `stale` or `failed`).
    static let lookbackVersions = 20

    static func rows(_ tx: any BrokerStoreTransaction, query: IndexPageQuery) async throws -> [IndexPageRow] {
        let views = try await tx.latestPublicationsOfEveryIntegration()
        var rows = views.map {
            IndexPageRow(consumer: $0.consumer.name, provider: $0.provider.name, latestPactPublishedAt: $0.publication.createdAt)
        }
        let shown = Set(query.paging(rows).shown.map { Key(consumer: $0.consumer, provider: $0.provider) })
        for (index, view) in views.enumerated() where shown.contains(Key(consumer: view.consumer.name, provider: view.provider.name)) {
            rows[index].latestPactBranch = try await tx.branchNames(versionID: view.consumerVersion.id).first
            rows[index].latestPactTag = try await tx.tagNames(versionID: view.consumerVersion.id).first
            rows[index].lastVerification = try await lastVerification(tx, view)
        }
        return rows
    }

    private struct Key: Hashable {
        var consumer: String
        var provider: String
    }

    /// pact_broker's `PseudoBranchStatus` input: the newest verification of the latest pact, else of the newest
    /// earlier pact of the integration that has one.
    static func lastVerification(_ tx: any BrokerStoreTransaction, _ latest: PublicationView) async throws -> IndexPageVerification? {
        let ofLatest = try await tx.verifications(pactContentID: latest.content.id)
        if let last = ofLatest.last {
            // Failed while the content had never passed: it was pending for the provider.
            let pending = !last.success && !ofLatest.dropLast().contains(where: \.success)
            return try await verification(tx, last, latestSHA: latest.content.sha, verifiedSHA: latest.content.sha, pending: pending)
        }
        let versions = try await tx.versions(pacticipantID: latest.consumer.id, limit: lookbackVersions)
        let earlier = try await tx.publications(providerID: latest.provider.id, consumerID: latest.consumer.id,
                                                scope: .consumerVersions(versions.map(\.id)))
            .filter { $0.content.id != latest.content.id }
            .sorted { $0.consumerVersion.order > $1.consumerVersion.order }
        var seen = Set<RowID>()
        for view in earlier where seen.insert(view.content.id).inserted {
            let verifications = try await tx.verifications(pactContentID: view.content.id)
            guard let last = verifications.last else { continue }
            let pending = !last.success && !verifications.dropLast().contains(where: \.success)
            return try await verification(tx, last, latestSHA: latest.content.sha, verifiedSHA: view.content.sha, pending: pending)
        }
        return nil
    }

    private static func verification(
        _ tx: any BrokerStoreTransaction, _ record: VerificationRecord, latestSHA: String, verifiedSHA: String, pending: Bool
    ) async throws -> IndexPageVerification {
        let providerVersion = try await tx.version(id: record.providerVersionID)?.number ?? ""
        return IndexPageVerification(
            status: IndexVerificationStatus(latestPactVersion: latestSHA, verifiedPactVersion: verifiedSHA,
                                            success: record.success, pactPending: pending),
            verifiedAt: record.createdAt, providerVersion: providerVersion)
    }
}
