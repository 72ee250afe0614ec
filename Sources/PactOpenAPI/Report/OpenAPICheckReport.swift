import Foundation

/// What `pactkit openapi-check` reports: one document, the pacts checked against it and each one's comparison.
/// `text()` renders it for people, `json()` as one array of every result (the reference comparator's shape).
public struct OpenAPICheckReport: Sendable, Hashable {
    /// One pact's part of the report.
    public struct PactCheck: Sendable, Hashable {
        /// The pact file as the user named it.
        public var file: String
        /// The pact's consumer.
        public var consumer: String
        /// The pact's provider.
        public var provider: String
        /// How many interactions the pact has, message interactions included.
        public var interactionCount: Int
        /// The comparator's findings.
        public var comparison: OpenAPIComparison

        /// A pact's check.
        public init(file: String, consumer: String, provider: String, interactionCount: Int, comparison: OpenAPIComparison) {
            self.file = file
            self.consumer = consumer
            self.provider = provider
            self.interactionCount = interactionCount
            self.comparison = comparison
        }
    }

    /// The document as the user named it (a path or a URL).
    public var document: String
    /// The pacts, in the order given.
    public var pacts: [PactCheck]

    /// A report of `pacts` checked against `document`.
    public init(document: String, pacts: [PactCheck]) {
        self.document = document
        self.pacts = pacts
    }

    /// Every result of every pact, in pact order.
    public var results: [OpenAPICheckResult] { pacts.flatMap(\.comparison.results) }

    /// True when any pact has an error: some pact is not compatible with the document.
    public var hasErrors: Bool { pacts.contains { $0.comparison.hasErrors } }

    /// How many results are errors.
    public var errorCount: Int { results.count(where: { $0.type == .error }) }

    /// How many results are warnings.
    public var warningCount: Int { results.count(where: { $0.type == .warning }) }

    /// Every result of every pact as one pretty-printed JSON array (`[]` when there are none), keys sorted.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and JSON values cannot fail; an empty array is the only sensible fallback.
        let data = (try? encoder.encode(results)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
