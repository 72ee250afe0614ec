import Foundation

/// Queries of the write paths (publishing pacts and verification results) that answer in one statement what took
/// several round trips or read more rows than needed. Part of every `BrokerStoreTransaction`.
public protocol BrokerPublishQueries: Sendable {
    /// The integration's pact content with `sha`, inserted with `content` when it has none.
    func ensurePactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) async throws -> PactContentRecord
    /// Whether any verification result was published for any pact between the consumer and the provider
    /// (pact_broker's `any_verifications?`).
    func hasVerifications(consumerID: RowID, providerID: RowID) async throws -> Bool
    /// The last of `publications(pactContentID:)` (the newest consumer version's), or nil; without reading the others.
    func latestPublication(pactContentID: RowID) async throws -> PublicationView?
}
