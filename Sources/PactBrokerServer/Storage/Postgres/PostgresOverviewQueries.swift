import Foundation
import PostgresNIO

/// The overview queries in PostgreSQL (see `BrokerOverviewQueries` and `OverviewSQL`; the same statements as
/// `SQLiteOverviewQueries`, with the selected heads as a `bigint[]` and names ordered `COLLATE "C"`).
extension PostgresBrokerTransaction {
    func integrationHeads() async throws -> [IntegrationHead] {
        // The integrations by a skip scan of pact_publications_by_provider (one index seek per integration, where
        // GROUP BY would read every publication), then each one's newest consumer version.
        try await rows("""
            WITH RECURSIVE integrations (provider_id, consumer_id) AS (
                (SELECT provider_id, consumer_id FROM pact_publications ORDER BY provider_id, consumer_id LIMIT 1)
                UNION ALL
                SELECT n.provider_id, n.consumer_id FROM integrations i CROSS JOIN LATERAL (
                    SELECT provider_id, consumer_id FROM pact_publications
                    WHERE (provider_id, consumer_id) > (i.provider_id, i.consumer_id)
                    ORDER BY provider_id, consumer_id LIMIT 1) n
            ),
            heads AS MATERIALIZED (
                SELECT i.provider_id, (SELECT MAX(consumer_version_id) FROM pact_publications
                                       WHERE provider_id = i.provider_id AND consumer_id = i.consumer_id) AS version_id
                FROM integrations i
            )
            SELECT p.id, c.id, c.name, pr.id, pr.name, v.id, v.number, pc.id, pc.sha, p.created_at
            FROM heads h JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = h.provider_id
            JOIN pacticipants c ON c.id = p.consumer_id
            JOIN pacticipants pr ON pr.id = p.provider_id
            JOIN versions v ON v.id = p.consumer_version_id
            JOIN pact_contents pc ON pc.id = p.pact_content_id
            WHERE \(unescaped: PublicationSQL.latestRevision) ORDER BY c.name COLLATE "C", pr.name COLLATE "C"
            """) { c in
            IntegrationHead(publicationID: try c.next(), consumerID: try c.next(), consumerName: try c.next(),
                            providerID: try c.next(), providerName: try c.next(), consumerVersionID: try c.next(),
                            consumerVersionNumber: try c.next(), pactContentID: try c.next(), pactContentSHA: try c.next(),
                            publishedAt: try c.date())
        }
    }

    func integrationOverviews(_ heads: [IntegrationHead]) async throws -> [IntegrationOverview] {
        guard !heads.isEmpty else { return [] }
        let ids = heads.map(\.publicationID)
        var details: OverviewSQL.OverviewDetails = [:]
        let rows = try await rows("""
            WITH selected (id) AS (SELECT unnest(\(ids)::bigint[])), \(unescaped: OverviewSQL.overviews(tagOrder: #"t.name COLLATE "C""#))
            """) { c in
            let id: Int64 = try c.next()
            let branch: String? = try c.next(), tag: String? = try c.next()
            let verificationID: Int64? = try c.next()
            let success: Int64? = try c.next()
            let verifiedAt = try c.optionalDate()
            let providerVersion: String? = try c.next(), sha: String? = try c.next()
            let pending: Int64 = try c.next(), anyWebhook: Int64 = try c.next()
            let verification = verificationID.map {
                IntegrationVerification(verificationID: $0, success: success != 0, verifiedAt: verifiedAt ?? Date(timeIntervalSince1970: 0),
                                        providerVersionNumber: providerVersion ?? "", verifiedPactContentSHA: sha ?? "",
                                        pending: pending != 0)
            }
            return (id, branch, tag, verification, anyWebhook != 0)
        }
        for row in rows { details[row.0] = (row.1, row.2, row.3, row.4) }
        var triggered: [IntegrationKey: (statuses: [TriggeredWebhook.Status], last: Date?)] = [:]
        if details.values.contains(where: \.anyWebhook) {
            triggered = OverviewSQL.webhookStatuses(try await self.rows("""
                WITH selected (id) AS (SELECT unnest(\(ids)::bigint[])) \(unescaped: OverviewSQL.latestTriggeredWebhooks)
                """) { c in
                (consumerID: try c.next(Int64.self), providerID: try c.next(Int64.self), status: try c.next(String.self),
                 createdAt: try c.date())
            })
        }
        return OverviewSQL.integrationOverviews(heads, details: details, triggered: triggered)
    }

    func pacticipantOverviews() async throws -> [PacticipantOverview] {
        var labels: [RowID: [LabelRecord]] = [:]
        for label in try await rows(#"SELECT pacticipant_id, name, created_at FROM labels ORDER BY pacticipant_id, name COLLATE "C""#, { c in
            LabelRecord(pacticipantID: try c.next(), name: try c.next(), createdAt: try c.date())
        }) {
            labels[label.pacticipantID, default: []].append(label)
        }
        return try await rows("\(unescaped: OverviewSQL.pacticipantsWithLatestVersions(nameOrder: #"p.name COLLATE "C""#))") { c in
            let p = try Self.pacticipant(&c)
            let versionID: Int64? = try c.next()
            let pacticipantID: Int64? = try c.next()
            let number: String? = try c.next(), buildURL: String? = try c.next()
            let createdAt = try c.optionalDate()
            let version = versionID.map {
                VersionRecord(id: $0, pacticipantID: pacticipantID ?? p.id, number: number ?? "", order: $0, buildURL: buildURL,
                              createdAt: createdAt ?? Date(timeIntervalSince1970: 0))
            }
            return PacticipantOverview(pacticipant: p, latestVersion: version, labels: labels[p.id] ?? [])
        }
    }
}
