import Foundation

/// The clean's queries in memory (see `BrokerCleanQueries`).
extension InMemoryBrokerTransaction {
    func branchesForClean() -> [CleanBranchRecord] {
        tables.withLockedValue { t in
            var latest: [RowID: Date] = [:]
            for pair in t.branchVersions {
                guard let added = t.branchVersionDates[pair] else { continue }
                latest[pair[0]] = max(latest[pair[0]] ?? added, added)
            }
            return t.branches.values.compactMap { b -> CleanBranchRecord? in
                guard let p = t.pacticipants[b.pacticipantID] else { return nil }
                return CleanBranchRecord(id: b.id, pacticipant: p.name, name: b.name, isMain: p.mainBranch == b.name,
                                         updatedAt: max(b.createdAt, latest[b.id] ?? b.createdAt))
            }.sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }
        }
    }
}
