import Foundation

/// A branch as `pactkit broker clean` sees it when it deletes stale branches.
public struct CleanBranchRecord: Sendable, Hashable {
    public var id: RowID
    /// The pacticipant's name.
    public var pacticipant: String
    /// The branch name.
    public var name: String
    /// Whether it is the pacticipant's main branch (the clean never deletes those).
    public var isMain: Bool
    /// When a version was last added to the branch, or its creation when it has none: pact_broker's
    /// `branches.updated_at`, which adding a version to the branch sets.
    public var updatedAt: Date
}

/// The clean's set-based queries. Part of every `BrokerStoreTransaction`.
public protocol BrokerCleanQueries: Sendable {
    /// Every branch with its last activity, least recently updated first (then by id): one statement.
    func branchesForClean() async throws -> [CleanBranchRecord]
}
