import Foundation

/// The matrix page's template context.
struct MatrixPageContext {
    struct Row {
        var consumerVersion: String
        var consumerVersionBranch: String?
        var pactURL: String
        var published: String
        var publishedExact: String
        var providerVersion: String?
        var providerVersionBranch: String?
        var statusClass: String
        var statusText: String
        var verified: String?
        var verifiedExact: String?
        /// The results of the contract comparison this verification is, if it is one.
        var contractComparisonURL: String?
    }

    var consumer: String
    var provider: String
    var consumerURL: String
    var providerURL: String
    var title: String
    var rows: [Row]
    var hasRows: Bool
    var count: String

    init(consumer: String, provider: String, rows: [MatrixPageRow], links: BrokerPageLinks, now: Date) {
        self.consumer = consumer
        self.provider = provider
        consumerURL = links.pacticipant(consumer)
        providerURL = links.pacticipant(provider)
        title = "Matrix: \(consumer) and \(provider)"
        self.rows = rows.map { row in
            let verification = row.verification
            return Row(
                consumerVersion: row.consumerVersion, consumerVersionBranch: row.consumerVersionBranch,
                pactURL: links.pact(consumer: consumer, provider: provider, consumerVersion: row.consumerVersion),
                published: RelativeTimeText.ago(row.pactPublishedAt, now: now),
                publishedExact: RelativeTimeText.exact(row.pactPublishedAt),
                providerVersion: verification?.providerVersion,
                providerVersionBranch: verification?.providerVersionBranch,
                statusClass: verification.map { $0.success ? "status-success" : "status-failed" } ?? "status-none",
                statusText: verification.map { $0.success ? "Verified" : "Failed" } ?? "Not verified",
                verified: verification.map { RelativeTimeText.ago($0.verifiedAt, now: now) },
                verifiedExact: verification.map { RelativeTimeText.exact($0.verifiedAt) },
                contractComparisonURL: verification?.contractComparisonPath.map { links.base + $0 })
        }
        hasRows = !rows.isEmpty
        count = rows.count == 1 ? "1 row" : "\(rows.count) rows"
    }
}
