import Foundation

/// The matrix page's rows from the store: the pacts of the consumer's newest versions with the provider, newest
/// first, each with every verification of its content (newest first), or one unverified row.
enum MatrixRowsQuery {
    /// The consumer versions shown at most.
    static let maxConsumerVersions = 100

    /// The rows, or nil when either pacticipant is unknown.
    static func rows(_ tx: any BrokerStoreTransaction, consumer: String, provider: String) async throws -> [MatrixPageRow]? {
        guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer) else { return nil }
        let versions = try await tx.versions(pacticipantID: c.id, limit: maxConsumerVersions)
        guard !versions.isEmpty else { return [] }
        let publications = try await tx.publications(providerID: p.id, consumerID: c.id, scope: .consumerVersions(versions.map(\.id)))
            .sorted { $0.consumerVersion.order > $1.consumerVersion.order }
        // A content verified once counts for every consumer version that published it; each is read once.
        var verificationsByContent: [RowID: [VerificationRecord]] = [:]
        var providerVersions: [RowID: (number: String, branch: String?)] = [:]
        var rows: [MatrixPageRow] = []
        // Each row's verification id and its results' path, to mark contract comparisons after the loop.
        var resultPaths: [(index: Int, id: RowID, path: String)] = []
        for view in publications {
            let consumerBranch = try await tx.branchNames(versionID: view.consumerVersion.id).first
            let verifications: [VerificationRecord]
            if let known = verificationsByContent[view.content.id] {
                verifications = known
            } else {
                verifications = try await tx.verifications(pactContentID: view.content.id).reversed()
                verificationsByContent[view.content.id] = verifications
            }
            let row = MatrixPageRow(consumerVersion: view.consumerVersion.number, consumerVersionBranch: consumerBranch,
                                    pactPublishedAt: view.publication.createdAt)
            if verifications.isEmpty { rows.append(row) }
            for verification in verifications {
                if providerVersions[verification.providerVersionID] == nil {
                    let number = try await tx.version(id: verification.providerVersionID)?.number ?? ""
                    let branch = try await tx.branchNames(versionID: verification.providerVersionID).first
                    providerVersions[verification.providerVersionID] = (number, branch)
                }
                let providerVersion = providerVersions[verification.providerVersionID]!
                var verified = row
                verified.verification = MatrixPageVerification(
                    providerVersion: providerVersion.number, providerVersionBranch: providerVersion.branch,
                    success: verification.success, verifiedAt: verification.createdAt)
                resultPaths.append((rows.count, verification.id, "/pacts/provider/" + BrokerURLs.segment(provider) + "/consumer/"
                    + BrokerURLs.segment(consumer) + "/pact-version/" + BrokerURLs.segment(view.content.sha)
                    + "/verification-results/" + String(verification.number)))
                rows.append(verified)
            }
        }
        let compared = try await tx.contractComparisonIDs(verificationIDs: resultPaths.map(\.id))
        for entry in resultPaths where compared.contains(entry.id) {
            rows[entry.index].verification?.contractComparisonPath = entry.path
        }
        return rows
    }
}
