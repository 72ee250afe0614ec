import Foundation
import SQLiteSupport

/// The set-based selection queries as SQL (see `BrokerSelectionQueries`).
extension SQLiteBrokerTransaction {
    /// The candidates are the provider's publications since `since` (`pact_publications_by_provider_time`); one of
    /// them is the head of its branch (tag) when no newer version of the consumer on that branch (with that tag) has
    /// a pact with the provider. A head's latest revision was published since `since`, so no head is missed, and the
    /// cost follows the publications since then rather than the consumers' whole history.
    func branchAndTagHeads(providerID: RowID, publishedSince since: Date) throws -> [SelectionHead] {
        try db.statement("""
            WITH recent AS (
                SELECT DISTINCT consumer_id, consumer_version_id FROM pact_publications
                WHERE provider_id = ?1 AND created_at >= ?2
            ),
            heads AS (
                SELECT r.consumer_id AS consumer_id, 0 AS kind, bv.branch_id AS branch_id, b.name AS name,
                    r.consumer_version_id AS version_id
                FROM recent r JOIN branch_versions bv ON bv.version_id = r.consumer_version_id
                JOIN branches b ON b.id = bv.branch_id
                WHERE NOT EXISTS (SELECT 1 FROM branch_versions bv2 WHERE bv2.branch_id = bv.branch_id
                                  AND bv2.version_id > bv.version_id
                                  AND EXISTS (SELECT 1 FROM pact_publications p2
                                              WHERE p2.consumer_version_id = bv2.version_id AND p2.provider_id = ?1))
                UNION ALL
                SELECT r.consumer_id, 1, 0, t.name, r.consumer_version_id
                FROM recent r JOIN tags t ON t.version_id = r.consumer_version_id
                WHERE NOT EXISTS (SELECT 1 FROM pact_publications p2 WHERE p2.provider_id = ?1
                                  AND p2.consumer_id = r.consumer_id AND p2.consumer_version_id > r.consumer_version_id
                                  AND EXISTS (SELECT 1 FROM tags t2 WHERE t2.version_id = p2.consumer_version_id
                                              AND t2.name = t.name))
            )
            SELECT h.consumer_id, h.kind, h.name, h.version_id FROM heads h
            WHERE (SELECT p.created_at FROM pact_publications p WHERE p.consumer_version_id = h.version_id AND p.provider_id = ?1
                   ORDER BY p.revision DESC LIMIT 1) >= ?2
            ORDER BY h.consumer_id, h.kind, h.branch_id, h.name
            """).query([.integer(providerID), .date(since)]) { row in
            let name = row.text(2)
            return SelectionHead(consumerID: row.int64(0), kind: row.int64(1) == 0 ? .branch(name) : .tag(name), versionID: row.int64(3))
        }
    }

    /// One `EXISTS` per pact content, each stopping at its first matching verification.
    func successfullyVerified(pactContentIDs: [RowID], _ filter: VerificationFilter) throws -> Set<RowID> {
        guard !pactContentIDs.isEmpty else { return [] }
        let ids = SQLiteValue.text("[" + pactContentIDs.map(String.init).joined(separator: ",") + "]")
        let (condition, values): (String, [SQLiteValue]) = switch filter {
        case .any:
            ("SELECT 1 FROM verifications v WHERE v.pact_content_id = c.value AND v.success = 1", [ids])
        case .onBranch(let branch):
            ("""
             SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
             JOIN branches b ON b.id = bv.branch_id WHERE v.pact_content_id = c.value AND v.success = 1 AND b.name = ?2
             """, [ids, .text(branch)])
        case .onOtherBranch(let branch, let before):
            ("""
             SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
             JOIN branches b ON b.id = bv.branch_id WHERE v.pact_content_id = c.value AND v.success = 1 AND b.name != ?2
             AND (?3 IS NULL OR v.created_at < ?3)
             """, [ids, .text(branch), before.map { .date($0) } ?? .null])
        case .withTag(let tag):
            ("""
             SELECT 1 FROM verifications v JOIN tags t ON t.version_id = v.provider_version_id
             WHERE v.pact_content_id = c.value AND v.success = 1 AND t.name = ?2
             """, [ids, .text(tag)])
        }
        return Set(try db.statement("SELECT c.value FROM json_each(?1) c WHERE EXISTS (\(condition))")
            .query(values) { $0.int64(0) })
    }

    func versions(ids: [RowID]) throws -> [VersionRecord] {
        guard !ids.isEmpty else { return [] }
        return try db.statement("""
            SELECT id, pacticipant_id, number, build_url, created_at FROM versions
            WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id
            """).query([.text("[" + ids.map(String.init).joined(separator: ",") + "]")]) { row in
            VersionRecord(id: row.int64(0), pacticipantID: row.int64(1), number: row.text(2), order: row.int64(0),
                          buildURL: row.optionalText(3), createdAt: row.date(4))
        }
    }
}
