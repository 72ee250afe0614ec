import Foundation
import PactModel

/// A pact document fetched from the broker: the pact JSON (without the broker's `_links` and `createdAt`) and the
/// links to publish its verification results and to reach its provider.
public struct BrokerPact: Sendable {
    /// Why and how the pact was selected.
    public var verifiable: VerifiablePact
    /// The pact JSON, ready for the verifier.
    public var pactData: Data
    /// The document with its links.
    public var resource: HALResource

    /// A pact document; `pactData` is the pact without the broker's links.
    public init(verifiable: VerifiablePact, pactData: Data, resource: HALResource) {
        self.verifiable = verifiable
        self.pactData = pactData
        self.resource = resource
    }

    /// Where to POST verification results, from this very document (it carries the selection metadata).
    public var publishResultsLink: HALLink? { resource.link("pb:publish-verification-results") }
}

/// One pact to verify and how its download went: a pact that cannot be fetched is an error for that pact only.
public struct PactDownload: Sendable {
    /// The pact as the broker listed it.
    public var verifiable: VerifiablePact
    /// The fetched document, or why it could not be fetched.
    public var result: Result<BrokerPact, BrokerError>
}
