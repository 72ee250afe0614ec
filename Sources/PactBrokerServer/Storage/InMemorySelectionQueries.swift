import Foundation

/// The set-based selection queries in memory (see `BrokerSelectionQueries`), answered with the per-row queries they
/// stand for, so the other drivers have a reference to agree with.
extension InMemoryBrokerTransaction {
    func branchAndTagHeads(providerID: RowID, publishedSince since: Date) -> [SelectionHead] {
        var heads: [SelectionHead] = []
        for consumerID in consumerIDs(providerID: providerID) {
            func add(_ kind: SelectionHead.Kind, _ scope: PublicationScope) {
                for view in publications(providerID: providerID, consumerID: consumerID, scope: scope)
                where view.publication.createdAt >= since {
                    heads.append(SelectionHead(consumerID: consumerID, kind: kind, versionID: view.consumerVersion.id))
                }
            }
            for branch in branches(pacticipantID: consumerID) { add(.branch(branch.name), .latestForBranch(branch.name)) }
            for tag in tagNames(pacticipantID: consumerID).sorted(by: codePointOrder) { add(.tag(tag), .latestForTag(tag)) }
        }
        return heads
    }

    func successfullyVerified(pactContentIDs: [RowID], _ filter: VerificationFilter) -> Set<RowID> {
        Set(pactContentIDs.filter { hasSuccessfulVerification(pactContentID: $0, filter) })
    }

    func versions(ids: [RowID]) -> [VersionRecord] {
        tables.withLockedValue { t in Set(ids).compactMap { t.versions[$0] }.sorted { $0.id < $1.id } }
    }
}
