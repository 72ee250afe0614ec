import Foundation
import PostgresNIO

/// The set-based selection queries in PostgreSQL's words (see `BrokerSelectionQueries`; the statements of
/// `SQLiteSelectionQueries`, with `unnest` for a list of ids and names ordered `COLLATE "C"`).
extension PostgresBrokerTransaction {
    /// The statement of `SQLiteSelectionQueries`, with each "no newer version on the branch (with the tag)" as a
    /// `LIMIT 1` subquery: the planner cannot turn it into an anti-join over every version of the branch, so it walks
    /// forward from the candidate and stops at the first newer one (0.7 ms on the default benchmark history, where
    /// the grouped form took 160 ms).
    func branchAndTagHeads(providerID: RowID, publishedSince since: Date) async throws -> [SelectionHead] {
        let seconds = since.timeIntervalSince1970
        return try await rows("""
            WITH recent AS (
                SELECT DISTINCT consumer_id, consumer_version_id FROM pact_publications
                WHERE provider_id = \(providerID) AND created_at >= \(seconds)
            ),
            heads AS (
                SELECT r.consumer_id AS consumer_id, 0 AS kind, bv.branch_id AS branch_id, b.name AS name,
                    r.consumer_version_id AS version_id
                FROM recent r JOIN branch_versions bv ON bv.version_id = r.consumer_version_id
                JOIN branches b ON b.id = bv.branch_id
                WHERE (SELECT 1 FROM branch_versions bv2 WHERE bv2.branch_id = bv.branch_id AND bv2.version_id > bv.version_id
                       AND EXISTS (SELECT 1 FROM pact_publications p2
                                   WHERE p2.consumer_version_id = bv2.version_id AND p2.provider_id = \(providerID))
                       LIMIT 1) IS NULL
                UNION ALL
                SELECT r.consumer_id, 1, 0, t.name, r.consumer_version_id
                FROM recent r JOIN tags t ON t.version_id = r.consumer_version_id
                WHERE (SELECT 1 FROM pact_publications p2 WHERE p2.provider_id = \(providerID)
                       AND p2.consumer_id = r.consumer_id AND p2.consumer_version_id > r.consumer_version_id
                       AND EXISTS (SELECT 1 FROM tags t2 WHERE t2.version_id = p2.consumer_version_id AND t2.name = t.name)
                       LIMIT 1) IS NULL
            )
            SELECT h.consumer_id, h.kind, h.name, h.version_id FROM heads h
            WHERE (SELECT p.created_at FROM pact_publications p
                   WHERE p.consumer_version_id = h.version_id AND p.provider_id = \(providerID)
                   ORDER BY p.revision DESC LIMIT 1) >= \(seconds)
            ORDER BY h.consumer_id, h.kind, h.branch_id, h.name COLLATE "C"
            """) { c in
            let consumerID: Int64 = try c.next()
            let kind: Int32 = try c.next()
            let name: String = try c.next()
            return SelectionHead(consumerID: consumerID, kind: kind == 0 ? .branch(name) : .tag(name), versionID: try c.next())
        }
    }

    func successfullyVerified(pactContentIDs: [RowID], _ filter: VerificationFilter) async throws -> Set<RowID> {
        guard !pactContentIDs.isEmpty else { return [] }
        let query: PostgresQuery = switch filter {
        case .any:
            """
            SELECT c.id FROM unnest(\(pactContentIDs)::bigint[]) AS c(id) WHERE EXISTS (
                SELECT 1 FROM verifications v WHERE v.pact_content_id = c.id AND v.success = 1)
            """
        case .onBranch(let branch):
            """
            SELECT c.id FROM unnest(\(pactContentIDs)::bigint[]) AS c(id) WHERE EXISTS (
                SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                JOIN branches b ON b.id = bv.branch_id
                WHERE v.pact_content_id = c.id AND v.success = 1 AND b.name = \(branch))
            """
        case .onOtherBranch(let branch, let before):
            """
            SELECT c.id FROM unnest(\(pactContentIDs)::bigint[]) AS c(id) WHERE EXISTS (
                SELECT 1 FROM verifications v JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                JOIN branches b ON b.id = bv.branch_id
                WHERE v.pact_content_id = c.id AND v.success = 1 AND b.name <> \(branch)
                AND (\(before?.timeIntervalSince1970)::float8 IS NULL OR v.created_at < \(before?.timeIntervalSince1970)))
            """
        case .withTag(let tag):
            """
            SELECT c.id FROM unnest(\(pactContentIDs)::bigint[]) AS c(id) WHERE EXISTS (
                SELECT 1 FROM verifications v JOIN tags t ON t.version_id = v.provider_version_id
                WHERE v.pact_content_id = c.id AND v.success = 1 AND t.name = \(tag))
            """
        }
        return Set(try await rows(query) { try $0.next(Int64.self) })
    }

    func versions(ids: [RowID]) async throws -> [VersionRecord] {
        guard !ids.isEmpty else { return [] }
        return try await rows("""
            SELECT id, pacticipant_id, number, build_url, created_at FROM versions WHERE id = ANY(\(ids)::bigint[]) ORDER BY id
            """) { c in
            let id: Int64 = try c.next()
            return VersionRecord(id: id, pacticipantID: try c.next(), number: try c.next(), order: id, buildURL: try c.next(),
                                 createdAt: try c.date())
        }
    }
}

/// Which consumer version `PostgresBrokerTransaction.headsPerConsumer` picks for each consumer.
enum PostgresHeadPick {
    /// The newest with a pact with the provider.
    case newest
    /// The newest on the branch with a pact with the provider.
    case branch(String)
    /// The newest on the consumer's main branch with a pact with the provider.
    case mainBranch
    /// The newest with the tag and a pact with the provider.
    case tag(String)
}

extension PostgresBrokerTransaction {
    /// The publications of the head consumer version of each consumer of the provider (optionally only one
    /// consumer), as `SQLiteBrokerTransaction` finds them: per consumer, an index walked backwards from the newest
    /// entry (the branch's versions, the consumer's publications) stopping at the first that qualifies. Each test
    /// along the walk is a `LIMIT 1` subquery so the planner keeps the walk instead of joining every version of the
    /// branch or tag (the main-branch heads took 127 ms so on the default benchmark history; 0.6 ms walked).
    static func headsPerConsumer(_ providerID: RowID, _ consumerID: RowID?, _ pick: PostgresHeadPick) -> PostgresQuery {
        let head = PublicationSQL.columns + " FROM (SELECT ("
        let rest = PublicationSQL.joins + " WHERE " + PublicationSQL.latestRevision + " ORDER BY c.name COLLATE \"C\", p.consumer_version_id"
        let newestFirst = " LIMIT 1) IS NOT NULL ORDER BY bv.version_id DESC LIMIT 1"
        return switch pick {
        case .newest:
            """
            \(unescaped: head)SELECT MAX(p4.consumer_version_id) FROM pact_publications p4
                WHERE p4.provider_id = \(providerID) AND p4.consumer_id = m.id) AS version_id FROM pacticipants m
                WHERE (\(consumerID)::bigint IS NULL OR m.id = \(consumerID))
                AND EXISTS (SELECT 1 FROM pact_publications e WHERE e.provider_id = \(providerID) AND e.consumer_id = m.id)) h
            JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = \(providerID) \(unescaped: rest)
            """
        case .branch(let name):
            """
            \(unescaped: head)SELECT bv.version_id FROM branch_versions bv
                WHERE bv.branch_id = (SELECT b.id FROM branches b WHERE b.pacticipant_id = m.id AND b.name = \(name))
                AND (SELECT 1 FROM pact_publications p3 WHERE p3.consumer_version_id = bv.version_id
                     AND p3.provider_id = \(providerID)\(unescaped: newestFirst)) AS version_id FROM pacticipants m
                WHERE (\(consumerID)::bigint IS NULL OR m.id = \(consumerID))
                AND EXISTS (SELECT 1 FROM pact_publications e WHERE e.provider_id = \(providerID) AND e.consumer_id = m.id)) h
            JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = \(providerID) \(unescaped: rest)
            """
        case .mainBranch:
            """
            \(unescaped: head)SELECT bv.version_id FROM branch_versions bv
                WHERE bv.branch_id = (SELECT b.id FROM branches b WHERE b.pacticipant_id = m.id AND b.name = m.main_branch)
                AND (SELECT 1 FROM pact_publications p3 WHERE p3.consumer_version_id = bv.version_id
                     AND p3.provider_id = \(providerID)\(unescaped: newestFirst)) AS version_id FROM pacticipants m
                WHERE (\(consumerID)::bigint IS NULL OR m.id = \(consumerID))
                AND EXISTS (SELECT 1 FROM pact_publications e WHERE e.provider_id = \(providerID) AND e.consumer_id = m.id)) h
            JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = \(providerID) \(unescaped: rest)
            """
        case .tag(let tag):
            """
            \(unescaped: head)SELECT p4.consumer_version_id FROM pact_publications p4
                WHERE p4.provider_id = \(providerID) AND p4.consumer_id = m.id
                AND (SELECT 1 FROM tags t WHERE t.version_id = p4.consumer_version_id AND t.name = \(tag) LIMIT 1) IS NOT NULL
                ORDER BY p4.consumer_version_id DESC LIMIT 1) AS version_id FROM pacticipants m
                WHERE (\(consumerID)::bigint IS NULL OR m.id = \(consumerID))
                AND EXISTS (SELECT 1 FROM pact_publications e WHERE e.provider_id = \(providerID) AND e.consumer_id = m.id)) h
            JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = \(providerID) \(unescaped: rest)
            """
        }
    }
}
