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
        /// The results of the contract comparison the last verification is, if it is one.
        var contractComparisonURL: String?
        var pactPending: Bool
        var warning: Bool
        /// The "Webhook status" cell: `webhook-success`, `webhook-failure`, `webhook-retrying` or `webhook-none`.
        var webhookClass: String
        var webhookLabel: String
        var webhookExact: String?
    }

    var rows: [Row]
    var hasRows: Bool
    /// Whether anything was published at all (else the getting-started panel shows).
    var anyIntegrations: Bool
    var count: String
    var search: String?
    var searchAction: String
    var error: String?
    var previousURL: String?
    var nextURL: String?
    var pageText: String?

    init(rows: [IndexPageRow], query: IndexPageQuery, links: BrokerPageLinks, now: Date) {
        let (matching, page, pageCount, shown) = query.paging(rows)
        self.rows = shown.map { Self.row($0, links: links, now: now) }
        hasRows = !shown.isEmpty
        anyIntegrations = !rows.isEmpty
        let total = matching.count == 1 ? "1 integration" : "\(matching.count) integrations"
        count = shown.count == matching.count ? total : "\(shown.count) of \(total)"
        search = query.search
        searchAction = links.index
        // pact_broker's wording.
        error = query.search.flatMap { matching.isEmpty && !rows.isEmpty ? "No pacticipants found matching: \"\($0)\"" : nil }
        func pageURL(_ number: Int) -> String {
            var parameters = ["page=\(number)", "pageSize=\(query.pageSize)"]
            if let search = query.search { parameters.append("search=" + links.segment(search)) }
            return links.index + "?" + parameters.joined(separator: "&")
        }
        previousURL = page > 1 ? pageURL(page - 1) : nil
        nextURL = page < pageCount ? pageURL(page + 1) : nil
        pageText = pageCount > 1 ? "Page \(page) of \(pageCount)" : nil
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
            contractComparisonURL: verification?.contractComparisonPath.map { links.base + $0 },
            pactPending: status == .failedPending,
            warning: status == .stale,
            webhookClass: "webhook-" + (row.webhook?.status.rawValue ?? "none"),
            webhookLabel: webhookLabel(row.webhook, now: now),
            webhookExact: row.webhook?.lastExecutedAt.map(RelativeTimeText.exact))
    }

    /// pact_broker's `webhook_label`, with "None" where it offers "Create" (that link goes to its HAL browser).
    static func webhookLabel(_ webhook: IndexPageWebhook?, now: Date) -> String {
        guard let webhook else { return "" }
        switch webhook.status {
        case .none: return "None"
        case .success, .failure:
            return webhook.lastExecutedAt.map { RelativeTimeText.ago($0, now: now) }
                ?? (webhook.status == .success ? "Succeeded" : "Failed")
        case .retrying: return "Retrying"
        case .notRun: return "Not run"
        }
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
