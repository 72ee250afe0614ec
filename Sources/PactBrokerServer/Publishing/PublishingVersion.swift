import Foundation

extension BrokerAPI {
    /// One pact of a `POST /contracts/publish`, as its transaction leaves it: the webhooks are fired and their
    /// notices placed (after `notices`, before `nextSteps`, as pact_broker orders them) once it has committed.
    struct PublishedContract: Sendable {
        var view: PublicationView
        /// The publication notice and the pact's URL.
        var notices: [Notice]
        var events: [WebhookEventToFire]
        /// The webhooks for the pact's integration, whatever their events (none when no webhook exists).
        var webhooks: [WebhookDefinition]
        var nextSteps: [Notice]
    }

    /// The publishing consumer and its version, each created when missing, the build URL updated, the version put on
    /// the branch and tagged, and the consumer's main branch detected (pact_broker's `auto_detect_main_branch`: the
    /// first of develop, main or master among the branch and the tags, as `maybeSetMainBranch` does). Works on the
    /// records in hand instead of reading the pacticipant again for each step: one statement per change.
    /// `updated` is true when the version existed.
    func publishingVersion(
        _ tx: any BrokerStoreTransaction, name: String, number: String, buildURL: String?, branch: String?, tags: [String],
        at now: Date
    ) async throws -> (consumer: PacticipantRecord, version: VersionRecord, updated: Bool) {
        var consumer = try await ensurePacticipant(tx, name, at: now)
        let (version, updated) = try await ensureVersion(tx, of: consumer, number: number, buildURL: buildURL, at: now)
        for candidate in (branch.map { [$0] } ?? []) + tags
        where consumer.mainBranch == nil && mainBranchNames.contains(candidate) {
            consumer.mainBranch = candidate
            consumer.updatedAt = now
            try await tx.updatePacticipant(consumer)
        }
        if let branch { _ = try await putOnBranch(tx, pacticipantID: consumer.id, versionID: version.id, branch: branch, at: now) }
        for tag in tags { _ = try await tx.insertTag(versionID: version.id, name: tag, at: now) }
        return (consumer, version, updated)
    }
}
