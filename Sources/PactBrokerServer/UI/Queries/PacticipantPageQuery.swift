import Foundation

/// A pacticipant's page from the store: every integration (one query; the page draws the pacticipant's group), its
/// main branch, latest version and repository URL.
enum PacticipantPageQuery {
    /// The page's model, or nil when no pacticipant has the name.
    static func model(_ tx: any BrokerStoreTransaction, name: String) async throws -> PacticipantPageModel? {
        guard let pacticipant = try await tx.pacticipant(named: name) else { return nil }
        let dependencies = try await tx.integrationHeads().map {
            NetworkDependency(consumer: $0.consumerName, provider: $0.providerName)
        }
        let latest = try await tx.latestVersion(pacticipantID: pacticipant.id, tag: nil, branch: nil)
        return PacticipantPageModel(name: pacticipant.name, dependencies: dependencies, mainBranch: pacticipant.mainBranch,
                                    latestVersion: latest?.number, repositoryURL: pacticipant.repositoryURL)
    }
}
