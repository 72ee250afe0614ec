import Foundation

/// The statements of `BrokerOverviewQueries` both database drivers share (their tables have the same names and
/// columns). Each driver puts its own `selected (id)` common table expression in front: the publication ids of the
/// integration heads asked about (SQLite reads them from a JSON array, PostgreSQL from a `bigint[]`).
enum OverviewSQL {
    /// The content whose verification an integration shows: the latest pact's when it has one, else that of the
    /// newest earlier publication (latest revision) among the consumer's `lookbackVersions` newest versions whose
    /// content has one. Then that content's newest verification.
    private static let verifiedContent = """
        heads AS MATERIALIZED (
            SELECT p.id, p.consumer_id, p.provider_id, p.consumer_version_id,
                CASE WHEN EXISTS (SELECT 1 FROM verifications vx WHERE vx.pact_content_id = p.pact_content_id)
                THEN p.pact_content_id
                ELSE (SELECT p3.pact_content_id FROM pact_publications p3
                      WHERE p3.provider_id = p.provider_id AND p3.consumer_id = p.consumer_id
                      AND p3.consumer_version_id IN (SELECT lv.id FROM versions lv WHERE lv.pacticipant_id = p.consumer_id
                                                     ORDER BY lv.id DESC LIMIT \(BrokerOverview.lookbackVersions))
                      AND p3.pact_content_id <> p.pact_content_id
                      AND p3.revision = (SELECT MAX(p4.revision) FROM pact_publications p4
                                         WHERE p4.consumer_version_id = p3.consumer_version_id AND p4.provider_id = p3.provider_id)
                      AND EXISTS (SELECT 1 FROM verifications vy WHERE vy.pact_content_id = p3.pact_content_id)
                      ORDER BY p3.consumer_version_id DESC LIMIT 1)
                END AS verified_content_id
            FROM pact_publications p WHERE p.id IN (SELECT id FROM selected)
        ),
        shown AS MATERIALIZED (
            SELECT h.*, (SELECT MAX(vl.id) FROM verifications vl WHERE vl.pact_content_id = h.verified_content_id) AS verification_id
            FROM heads h
        )
        """

    /// Whether a webhook applies to the integration of `last` (pact_broker's `Webhook#is_for?`, disabled ones too):
    /// it names the pacticipant, or a label the pacticipant carries, or nothing (every pacticipant).
    private static let anyWebhook = """
        CASE WHEN EXISTS (SELECT 1 FROM webhooks w WHERE
            (w.consumer_id = l.consumer_id OR (w.consumer_id IS NULL AND (w.consumer_label IS NULL OR EXISTS (
                SELECT 1 FROM labels cl WHERE cl.pacticipant_id = l.consumer_id AND cl.name = w.consumer_label))))
            AND (w.provider_id = l.provider_id OR (w.provider_id IS NULL AND (w.provider_label IS NULL OR EXISTS (
                SELECT 1 FROM labels pl WHERE pl.pacticipant_id = l.provider_id AND pl.name = w.provider_label))))
        ) THEN 1 ELSE 0 END
        """

    /// One row per selected head: publication id, branch, tag, then the shown verification (id, success, created
    /// at, provider version number, verified content sha, pending as 0 or 1; NULLs when none), then whether a
    /// webhook applies (0 or 1). `tagOrder` orders tag names (PostgreSQL adds `COLLATE "C"`).
    static func overviews(tagOrder: String) -> String {
        verifiedContent + """
            SELECT l.id,
                (SELECT b.name FROM branch_versions bv JOIN branches b ON b.id = bv.branch_id
                 WHERE bv.version_id = l.consumer_version_id ORDER BY b.id LIMIT 1),
                (SELECT t.name FROM tags t WHERE t.version_id = l.consumer_version_id ORDER BY t.created_at, \(tagOrder) LIMIT 1),
                vf.id, vf.success, vf.created_at, pv.number, vc.sha,
                CASE WHEN vf.success = 0 AND NOT EXISTS (
                    SELECT 1 FROM verifications vs WHERE vs.pact_content_id = vf.pact_content_id AND vs.success = 1 AND vs.id < vf.id
                ) THEN 1 ELSE 0 END,
            """ + anyWebhook + """
             FROM shown l LEFT JOIN verifications vf ON vf.id = l.verification_id
            LEFT JOIN versions pv ON pv.id = vf.provider_version_id
            LEFT JOIN pact_contents vc ON vc.id = vf.pact_content_id
            """
    }

    /// The latest triggered webhook per webhook and event of each selected integration, the deleted webhooks' left
    /// out (pact_broker's `latest_triggered_webhooks`): consumer id, provider id, status, created at. Each
    /// integration's are read from `triggered_webhooks_by_integration`.
    static let latestTriggeredWebhooks = """
        SELECT p.consumer_id, p.provider_id, t.status, t.created_at
        FROM pact_publications p JOIN triggered_webhooks t ON t.id IN (
            SELECT MAX(t2.id) FROM triggered_webhooks t2 WHERE t2.consumer_id = p.consumer_id AND t2.provider_id = p.provider_id
            GROUP BY t2.webhook_uuid, t2.event_name)
        WHERE p.id IN (SELECT id FROM selected) AND EXISTS (SELECT 1 FROM webhooks w WHERE w.uuid = t.webhook_uuid)
        """

    /// Every pacticipant's columns then its newest version's (NULLs when it has none); `nameOrder` orders names.
    static func pacticipantsWithLatestVersions(nameOrder: String) -> String {
        """
        SELECT p.id, p.name, p.display_name, p.main_branch, p.repository_url, p.created_at, p.updated_at,
            v.id, v.pacticipant_id, v.number, v.build_url, v.created_at
        FROM pacticipants p LEFT JOIN versions v ON v.id = (SELECT MAX(lv.id) FROM versions lv WHERE lv.pacticipant_id = p.id)
        ORDER BY \(nameOrder)
        """
    }

    /// One integration's details as the overview statement reads them, by head publication id.
    typealias OverviewDetails = [RowID: (branch: String?, tag: String?, verification: IntegrationVerification?, anyWebhook: Bool)]

    /// The heads with their details and webhook status, in the heads' order (both drivers fold their rows so).
    static func integrationOverviews(
        _ heads: [IntegrationHead], details: OverviewDetails,
        triggered: [IntegrationKey: (statuses: [TriggeredWebhook.Status], last: Date?)]
    ) -> [IntegrationOverview] {
        heads.map { head in
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

    /// Folds the latest triggered webhooks' rows into each integration's status.
    static func webhookStatuses(
        _ rows: [(consumerID: RowID, providerID: RowID, status: String, createdAt: Date)]
    ) -> [IntegrationKey: (statuses: [TriggeredWebhook.Status], last: Date?)] {
        var out: [IntegrationKey: (statuses: [TriggeredWebhook.Status], last: Date?)] = [:]
        for row in rows {
            let key = IntegrationKey(consumerID: row.consumerID, providerID: row.providerID)
            var entry = out[key] ?? ([], nil)
            // An unknown status (none is written) counts as a failure, as pact_broker's `else` does.
            entry.statuses.append(TriggeredWebhook.Status(rawValue: row.status) ?? .failure)
            entry.last = max(entry.last ?? row.createdAt, row.createdAt)
            out[key] = entry
        }
        return out
    }
}

/// A consumer and provider pair, by id.
struct IntegrationKey: Hashable, Sendable {
    var consumerID: RowID
    var providerID: RowID
}
