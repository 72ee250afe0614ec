import Foundation
import SQLiteSupport

/// The overview queries in SQLite (see `BrokerOverviewQueries` and `OverviewSQL`).
extension SQLiteBrokerTransaction {
    func integrationHeads() throws -> [IntegrationHead] {
        // The heads of every integration (`integrationHeadsCTE`), without the pacts' content.
        try db.statement(Self.integrationHeadsCTE + """
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

    private static let selectedHeads = "WITH selected (id) AS (SELECT value FROM json_each(?1)) "

    func integrationOverviews(_ heads: [IntegrationHead]) throws -> [IntegrationOverview] {
        guard !heads.isEmpty else { return [] }
        let ids = SQLiteValue.text("[" + heads.map { String($0.publicationID) }.joined(separator: ",") + "]")
        var details: OverviewSQL.OverviewDetails = [:]
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
        return OverviewSQL.integrationOverviews(heads, details: details, triggered: triggered)
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
