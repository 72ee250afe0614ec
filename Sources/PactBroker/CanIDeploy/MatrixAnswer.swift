import PactModel

/// The broker's can-i-deploy answer: the verdict, its reason, the counts, and the matrix rows behind it.
public struct MatrixAnswer: Sendable {
    /// One integration in the matrix.
    public struct Row: Sendable, Hashable {
        /// The consumer's name.
        public var consumer: String
        /// The consumer version, if there is one.
        public var consumerVersion: String?
        /// The provider's name.
        public var provider: String
        /// The provider version, if there is one.
        public var providerVersion: String?
        /// Whether the verification succeeded; nil when there is none.
        public var success: Bool?
        /// The verification result's URL.
        public var verificationURL: String?
        /// Whether the row was ignored.
        public var ignored: Bool
    }

    /// `true` deployable, `false` not, nil unknown (a verification is missing).
    public var deployable: Bool?
    /// The broker's reasons, one per line.
    public var reason: String?
    /// Successful, failed and unknown integration counts, when the broker gives them.
    public var success: Int?, failed: Int?, unknown: Int?
    /// Notices for the user.
    public var notices: [BrokerNotice]
    /// The rows.
    public var rows: [Row]
    /// The broker's body as received.
    public var rawJSON: JSONValue

    /// Decodes an answer; fails when `summary` is missing.
    init(json: JSONValue) throws(BrokerError) {
        guard let summary = json["summary"]?.objectValue else {
            throw BrokerError(kind: .malformedResponse, reason: "the can-i-deploy answer has no 'summary'",
                              body: String(JSONWriter.compact(json).prefix(500)))
        }
        deployable = summary["deployable"]?.boolValue
        reason = summary["reason"]?.stringValue
        success = summary["success"]?.intValue
        failed = summary["failed"]?.intValue
        unknown = summary["unknown"]?.intValue
        notices = BrokerNotice.list(in: json)
        rawJSON = json
        rows = (json["matrix"]?.arrayValue ?? []).map { row in
            Row(consumer: row["consumer"]?["name"]?.stringValue ?? "???",
                consumerVersion: row["consumer"]?["version"]?["number"]?.stringValue,
                provider: row["provider"]?["name"]?.stringValue ?? "???",
                providerVersion: row["provider"]?["version"]?["number"]?.stringValue,
                success: row["verificationResult"]?["success"]?.boolValue,
                verificationURL: row["verificationResult"]?["_links"]?["self"]?["href"]?.stringValue,
                ignored: row["ignored"]?.boolValue ?? false)
        }.sorted { ($0.consumer, $0.provider, $0.consumerVersion ?? "", $0.providerVersion ?? "")
            < ($1.consumer, $1.provider, $1.consumerVersion ?? "", $1.providerVersion ?? "") }
    }

    /// The unknown count, or 1 when the broker only says "unknown" with `deployable: null` and gives no count.
    var unknownCount: Int { unknown ?? (deployable == nil ? 1 : 0) }
}
