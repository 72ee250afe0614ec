import Foundation
import SQLiteSupport

/// The write paths' queries as SQL (see `BrokerPublishQueries`).
extension SQLiteBrokerTransaction {
    func ensurePactContent(sha: String, consumerID: RowID, providerID: RowID, content: String, at: Date) throws -> PactContentRecord {
        // In process, two statements cost no more than one.
        try pactContent(sha: sha, consumerID: consumerID, providerID: providerID)
            ?? insertPactContent(sha: sha, consumerID: consumerID, providerID: providerID, content: content, at: at)
    }

    func hasVerifications(consumerID: RowID, providerID: RowID) throws -> Bool {
        try db.statement(PublishSQL.hasVerifications(consumer: "?1", provider: "?2"))
            .query([.integer(consumerID), .integer(providerID)]) { $0.int64(0) != 0 }.first ?? false
    }

    func latestPublication(pactContentID: RowID) throws -> PublicationView? {
        try db.statement(PublishSQL.latestPublication(content: "?1"))
            .query([.integer(pactContentID)], row: Self.publicationView).first
    }
}

/// SQL the write paths share between the drivers, with the placeholders each driver names.
enum PublishSQL {
    /// One row, 1 or 0: whether a verification of any of the integration's pact contents exists. A seek per content
    /// of the integration (`pact_contents`' unique key), each probing `verifications_by_content`; it stops at the
    /// first hit. (Verifications have no index on consumer and provider.)
    static func hasVerifications(consumer: String, provider: String) -> String {
        """
        SELECT EXISTS (SELECT 1 FROM pact_contents pc WHERE pc.consumer_id = \(consumer) AND pc.provider_id = \(provider)
                       AND EXISTS (SELECT 1 FROM verifications v WHERE v.pact_content_id = pc.id))
        """
    }

    /// The newest consumer version's latest-revision publication of the content: the id is picked first from
    /// `pact_publications_by_content`, then only that row is joined (with the content's text).
    static func latestPublication(content: String) -> String {
        PublicationSQL.columns + " FROM pact_publications p " + PublicationSQL.joins + """
             WHERE p.id = (SELECT p5.id FROM pact_publications p5 WHERE p5.pact_content_id = \(content)
                AND p5.revision = (SELECT MAX(p2.revision) FROM pact_publications p2
                                   WHERE p2.consumer_version_id = p5.consumer_version_id AND p2.provider_id = p5.provider_id)
                ORDER BY p5.consumer_version_id DESC LIMIT 1)
            """
    }
}
