import PactModel

/// A message the broker sends for the user (`notices[]`): `type` is `info`, `warning`, `error`, `success`, `debug`,
/// `prompt` or `danger`; for pacts to verify, `when` says when to print it (`before_verification`,
/// `after_verification:success_true_published_false`, …).
public struct BrokerNotice: Sendable, Hashable {
    /// The notice's type, if given.
    public var type: String?
    /// When to print it, for verification notices.
    public var when: String?
    /// The text, printed as is (it may hold line breaks).
    public var text: String

    /// A notice.
    public init(type: String? = nil, when: String? = nil, text: String) {
        self.type = type
        self.when = when
        self.text = text
    }

    /// The notices in `json["notices"]`; entries without text are skipped.
    static func list(in json: JSONValue?) -> [BrokerNotice] {
        (json?["notices"]?.arrayValue ?? []).compactMap { item in
            guard let text = item["text"]?.stringValue else { return nil }
            return BrokerNotice(type: item["type"]?.stringValue, when: item["when"]?.stringValue, text: text)
        }
    }
}
