import Foundation

/// The index page's template context.
struct IndexPageContext {
    struct Row {
        var consumer: String
        var provider: String
        var consumerURL: String
        var providerURL: String
        var pactURL: String
        var matrixURL: String
        var published: String
        var publishedExact: String
        var publishedISO: String
        /// The CSS class of the "Last verified" cell: `status-success`, `status-failed`, `status-pending`,
        /// `status-stale`, or `status-none`.
        var statusClass: String
        var statusName: String
        /// "Verified" or "Failed", before the date, so the cell reads without its colour.
        var statusLabel: String
        var verified: String?
        var verifiedISO: String?
        var tooltip: String?
        var pactPending: Bool
        var warning: Bool
    }

    var rows: [Row]
    var hasRows: Bool
    var count: String

    init(rows: [IndexPageRow], links: BrokerPageLinks, now: Date) {
        let sorted = rows.sorted { lhs, rhs in
            // pact_broker's IndexItem order: consumer, then provider, ignoring case.
            let l = (lhs.consumer.lowercased(), lhs.provider.lowercased(), lhs.consumer, lhs.provider)
            let r = (rhs.consumer.lowercased(), rhs.provider.lowercased(), rhs.consumer, rhs.provider)
            return l < r
        }
        self.rows = sorted.map { Self.row($0, links: links, now: now) }
        hasRows = !rows.isEmpty
        count = rows.count == 1 ? "1 integration" : "\(rows.count) integrations"
    }

    static func row(_ row: IndexPageRow, links: BrokerPageLinks, now: Date) -> Row {
        let verification = row.lastVerification
        let status = verification?.status
        return Row(
            consumer: row.consumer, provider: row.provider,
            consumerURL: links.pacticipant(row.consumer), providerURL: links.pacticipant(row.provider),
            pactURL: links.latestPact(consumer: row.consumer, provider: row.provider),
            matrixURL: links.matrix(consumer: row.consumer, provider: row.provider),
            published: RelativeTimeText.ago(row.latestPactPublishedAt, now: now),
            publishedExact: RelativeTimeText.exact(row.latestPactPublishedAt),
            publishedISO: RelativeTimeText.iso(row.latestPactPublishedAt),
            statusClass: "status-" + (status.map(cssName) ?? "none"),
            statusName: status.map(cssName) ?? "none",
            statusLabel: status.map { $0 == .success || $0 == .stale ? "Verified" : "Failed" } ?? "",
            verified: verification.map { RelativeTimeText.ago($0.verifiedAt, now: now) },
            verifiedISO: verification.map { RelativeTimeText.iso($0.verifiedAt) },
            tooltip: verification.map { tooltip(row, $0) },
            pactPending: status == .failedPending,
            warning: status == .stale)
    }

    static func cssName(_ status: IndexVerificationStatus) -> String {
        switch status {
        case .success: "success"
        case .failed: "failed"
        case .failedPending: "pending"
        case .stale: "stale"
        }
    }

    /// pact_broker's `IndexItem#verification_tooltip`, with the exact date of the verification after it.
    static func tooltip(_ row: IndexPageRow, _ verification: IndexPageVerification) -> String {
        let by = "\(row.provider) (\(shortVersion(verification.providerVersion)))"
        let sentence: String
        switch verification.status {
        case .success:
            sentence = "Successfully verified by \(by)"
        case .stale:
            let from = row.latestPactBranch.map { "from branch \($0) " } ?? row.latestPactTag.map { "with tag \($0) " } ?? ""
            sentence = "Pact \(from)has changed since last successful verification by \(by)"
        case .failedPending:
            sentence = "Verification by \(by) failed, but did not fail the build as the pact content was in pending "
                + "state for that provider branch"
        case .failed:
            sentence = "Verification by \(by) failed"
        }
        return sentence + " — " + RelativeTimeText.exact(verification.verifiedAt)
    }

    /// pact_broker's `short_version_number`: versions longer than 12 characters are cut to 13 and end in "...".
    static func shortVersion(_ version: String) -> String {
        version.count > 12 ? String(version.prefix(13)) + "..." : version
    }
}
