import Foundation
import PostgresNIO

/// The write paths' queries in PostgreSQL's words (see `BrokerPublishQueries`): each is one statement, one round trip.
extension PostgresBrokerTransaction {
    /// Inserts the content unless the integration has it (`ON CONFLICT DO NOTHING` on the unique key, so a duplicate
    /// does not abort the transaction); the other branch of the `UNION ALL` finds the existing row, which the insert's
    /// snapshot-bound sibling cannot see when the insert happened.
    func ensurePactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) async throws -> PactContentRecord {
        let found = try await rows("""
            WITH inserted AS (
                INSERT INTO pact_contents (sha, consumer_id, provider_id, content, created_at)
                VALUES (\(sha), \(consumerID), \(providerID), \(content), \(at.timeIntervalSince1970))
                ON CONFLICT (consumer_id, provider_id, sha) DO NOTHING RETURNING id, created_at)
            SELECT id, created_at FROM inserted
            UNION ALL
            SELECT id, created_at FROM pact_contents WHERE consumer_id = \(consumerID) AND provider_id = \(providerID) AND sha = \(sha)
            LIMIT 1
            """) { (try $0.next(Int64.self), try $0.date()) }.first
        guard let (id, createdAt) = found else { throw BrokerStoreError.failed("pact content \(sha) was neither found nor inserted") }
        return PactContentRecord(id: id, sha: sha, consumerID: consumerID, providerID: providerID, content: content, createdAt: createdAt)
    }

    func hasVerifications(consumerID: RowID, providerID: RowID) async throws -> Bool {
        var binds = PostgresBindings()
        binds.append(consumerID)
        binds.append(providerID)
        return try await scalar(PostgresQuery(unsafeSQL: PublishSQL.hasVerifications(consumer: "$1", provider: "$2"), binds: binds),
                                Bool.self) ?? false
    }

    func latestPublication(pactContentID: RowID) async throws -> PublicationView? {
        var binds = PostgresBindings()
        binds.append(pactContentID)
        return try await rows(PostgresQuery(unsafeSQL: PublishSQL.latestPublication(content: "$1"), binds: binds),
                              Self.publicationView).first
    }
}
