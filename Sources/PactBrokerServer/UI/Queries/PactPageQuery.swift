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
        guard let view else { return nil }
        var info = PactPageInfo(consumerVersion: view.consumerVersion.number, publishedAt: view.publication.createdAt)
        info.lastVerification = try await lastVerification(tx, view, provider: provider, consumer: consumer)
        return Found(content: view.content.content, info: info)
    }

    /// The newest verification of the pact's content, with the path of its results when it is a contract comparison.
    static func lastVerification(_ tx: any BrokerStoreTransaction, _ view: PublicationView, provider: String, consumer: String) async throws -> PactPageVerification? {
        guard let last = try await tx.verifications(pactContentID: view.content.id).last else { return nil }
        let providerVersion = try await tx.version(id: last.providerVersionID)?.number ?? ""
        let compared = try await tx.contractComparisonIDs(verificationIDs: [last.id]).contains(last.id)
        let path = "/pacts/provider/" + BrokerURLs.segment(provider) + "/consumer/" + BrokerURLs.segment(consumer)
            + "/pact-version/" + BrokerURLs.segment(view.content.sha) + "/verification-results/" + String(last.number)
        return PactPageVerification(success: last.success, verifiedAt: last.createdAt, providerVersion: providerVersion,
                                    contractComparisonPath: compared ? path : nil)
    }
}
