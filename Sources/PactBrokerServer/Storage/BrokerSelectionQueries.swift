import Foundation

/// The newest consumer version of one consumer branch or tag that has a pact with a provider: a candidate
/// work-in-progress pact of pacts-for-verification.
public struct SelectionHead: Sendable, Hashable {
    /// What the head is the newest version of.
    public enum Kind: Sendable, Hashable {
        case branch(String)
        case tag(String)
    }

    public var consumerID: RowID
    public var kind: Kind
    /// The head consumer version.
    public var versionID: RowID
}

/// Set-based queries for pacts-for-verification and the matrix: one statement answers for every row where the
/// per-row queries of `BrokerStoreTransaction` would take one round trip each. Part of every `BrokerStoreTransaction`.
public protocol BrokerSelectionQueries: Sendable {
    /// For each consumer of the provider (by id), the head of each of its branches (by branch id), then the head of
    /// each of its tags (by name, in code point order), keeping those whose latest pact revision with the provider
    /// was published at or after `since`. A branch's (tag's) head is the consumer version that
    /// `publications(providerID:consumerID:scope: .latestForBranch(name))` (`.latestForTag(name)`) returns.
    func branchAndTagHeads(providerID: RowID, publishedSince since: Date) async throws -> [SelectionHead]

    /// Those of `pactContentIDs` with a successful verification that `filter` admits: `hasSuccessfulVerification`
    /// for many pact contents at once.
    func successfullyVerified(pactContentIDs: [RowID], _ filter: VerificationFilter) async throws -> Set<RowID>

    /// The versions with these ids (those that exist), by id.
    func versions(ids: [RowID]) async throws -> [VersionRecord]
}

extension BrokerSelectionQueries {
    /// The versions with these ids, keyed by id.
    func versionsByID(_ ids: some Sequence<RowID>) async throws -> [RowID: VersionRecord] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [:] }
        return Dictionary(try await versions(ids: unique).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Code point order (SQLite's BINARY collation, PostgreSQL's "C"), for names sorted outside a database.
func codePointOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
