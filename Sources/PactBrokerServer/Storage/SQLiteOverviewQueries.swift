import Foundation
import SQLiteSupport

/// The overview queries in SQLite (see `BrokerOverviewQueries` and `OverviewSQL`).
extension SQLiteBrokerTransaction {
    func integrationHeads() throws -> [IntegrationHead] {
        // The integrations by a skip scan of pact_publications_by_provider (one seek per integration, not per
        // publication), then each one's newest consumer version; `heads` is materialized so the joins read it once.
        try db.statement("""
            WITH RECURSIVE integrations (provider_id, consumer_id) AS (
                SELECT MIN(provider_id), (SELECT MIN(consumer_id) FROM pact_publications
                                          WHERE provider_id = (SELECT MIN(provider_id) FROM pact_publications))
                FROM pact_publications
                UNION ALL
                SELECT CASE WHEN \(Self.nextConsumerOfIntegration) IS NOT NULL THEN i.provider_id ELSE \(Self.nextProviderOfIntegration) END,
                    COALESCE(\(Self.nextConsumerOfIntegration),
                             (SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = \(Self.nextProviderOfIntegration)))
                FROM integrations i WHERE i.provider_id IS NOT NULL
            ),
            heads (version_id, provider_id) AS MATERIALIZED (
                SELECT (SELECT MAX(consumer_version_id) FROM pact_publications
                        WHERE provider_id = i.provider_id AND consumer_id = i.consumer_id), i.provider_id
                FROM integrations i WHERE i.provider_id IS NOT NULL
            )
            SELECT p.id, c.id, c.name, pr.id, pr.name, v.id, v.number, pc.id, pc.sha, p.created_at
            FROM heads h CROSS JOIN pact_publications p ON p.consumer_version_id = h.version_id AND p.provider_id = h.provider_id
            JOIN pacticipants c ON c.id = p.consumer_id
            JOIN pacticipants pr ON pr.id = p.provider_id
            JOIN versions v ON v.id = p.consumer_version_id
            JOIN pact_contents pc ON pc.id = p.pact_content_id
            WHERE \(PublicationSQL.latestRevision) ORDER BY c.name, pr.name
            """).query([]) { row in
            IntegrationHead(publicationID: row.int64(0), consumerID: row.int64(1), consumerName: row.text(2),
                            providerID: row.int64(3), providerName: row.text(4), consumerVersionID: row.int64(5),
                            consumerVersionNumber: row.text(6), pactContentID: row.int64(7), pactContentSHA: row.text(8),
                            publishedAt: row.date(9))
        }
    }

    private static let nextConsumerOfIntegration = """
        (SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = i.provider_id AND consumer_id > i.consumer_id)
        """
    private static let nextProviderOfIntegration = "(SELECT MIN(provider_id) FROM pact_publications WHERE provider_id > i.provider_id)"
    private static let selectedHeads = "WITH selected (id) AS (SELECT value FROM json_each(?1)) "

    func integrationOverviews(_ heads: [IntegrationHead]) throws -> [IntegrationOverview] {
        guard !heads.isEmpty else { return [] }
        let ids = SQLiteValue.text("[" + heads.map { String($0.publicationID) }.joined(separator: ",") + "]")
        var details: [RowID: (branch: String?, tag: String?, verification: IntegrationVerification?, anyWebhook: Bool)] = [:]
        _ = try db.statement(Self.selectedHeads + ", " + OverviewSQL.overviews(tagOrder: "t.name")).query([ids]) { row in
            let verification = row.isNull(3) ? nil : IntegrationVerification(
                verificationID: row.int64(3), success: row.int64(4) != 0, verifiedAt: row.date(5),
                providerVersionNumber: row.text(6), verifiedPactContentSHA: row.text(7), pending: row.int64(8) != 0)
            details[row.int64(0)] = (row.optionalText(1), row.optionalText(2), verification, row.int64(9) != 0)
        }
        let triggered = details.values.contains(where: \.anyWebhook)
            ? OverviewSQL.webhookStatuses(try db.statement(Self.selectedHeads + OverviewSQL.latestTriggeredWebhooks).query([ids]) {
                (consumerID: $0.int64(0), providerID: $0.int64(1), status: $0.text(2), createdAt: $0.date(3))
            })
            : [:]
        return heads.map { head in
            let detail = details[head.publicationID]
            let latest = triggered[IntegrationKey(consumerID: head.consumerID, providerID: head.providerID)]
            let anyWebhook = detail?.anyWebhook ?? false
            return IntegrationOverview(
                head: head, branch: detail?.branch, tag: detail?.tag, lastVerification: detail?.verification,
                webhook: IntegrationWebhookStatus(
                    status: WebhookStatusSummary(anyWebhook: anyWebhook, latestStatuses: latest?.statuses ?? []),
                    lastTriggeredAt: anyWebhook ? latest?.last : nil))
        }
    }

    func pacticipantOverviews() throws -> [PacticipantOverview] {
        var labels: [RowID: [LabelRecord]] = [:]
        for label in try db.statement("SELECT pacticipant_id, name, created_at FROM labels ORDER BY pacticipant_id, name")
            .query([], row: { LabelRecord(pacticipantID: $0.int64(0), name: $0.text(1), createdAt: $0.date(2)) }) {
            labels[label.pacticipantID, default: []].append(label)
        }
        return try db.statement(OverviewSQL.pacticipantsWithLatestVersions(nameOrder: "p.name")).query([]) { row in
            let p = Self.pacticipant(row, 0)
            let version = row.isNull(7) ? nil : VersionRecord(
                id: row.int64(7), pacticipantID: row.int64(8), number: row.text(9), order: row.int64(7),
                buildURL: row.optionalText(10), createdAt: row.date(11))
            return PacticipantOverview(pacticipant: p, latestVersion: version, labels: labels[p.id] ?? [])
        }
    }
}
