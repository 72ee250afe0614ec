import Foundation

/// What the broker knows about a pact beyond its document, shown in the pact page's header.
public struct PactPageInfo: Sendable, Hashable {
    /// The consumer version the pact was published for.
    public var consumerVersion: String?
    /// When it was published.
    public var publishedAt: Date?

    /// Publication details; both unknown by default.
    public init(consumerVersion: String? = nil, publishedAt: Date? = nil) {
        self.consumerVersion = consumerVersion
        self.publishedAt = publishedAt
    }
}
