import Foundation
import PactModel

/// The pact page's pact from the store: the latest between a consumer and a provider, or a consumer version's.
enum PactPageQuery {
    /// What the page shows, or nil when a pacticipant, the version or the pact is unknown.
    struct Found: Sendable {
        var content: String
        var info: PactPageInfo
    }

    static func pact(_ tx: any BrokerStoreTransaction, provider: String, consumer: String, consumerVersion: String?) async throws -> Found? {
        guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer) else { return nil }
        let view: PublicationView?
        if let consumerVersion {
            guard let version = try await tx.version(pacticipantID: c.id, number: consumerVersion) else { return nil }
            view = try await tx.publications(providerID: p.id, consumerID: c.id, scope: .consumerVersions([version.id])).first
        } else {
            view = try await tx.publications(providerID: p.id, consumerID: c.id, scope: .latest).last
        }
        return view.map {
            Found(content: $0.content.content,
                  info: PactPageInfo(consumerVersion: $0.consumerVersion.number, publishedAt: $0.publication.createdAt))
        }
    }
}
