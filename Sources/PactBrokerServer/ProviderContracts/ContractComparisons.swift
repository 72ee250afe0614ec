import Foundation
import PactModel
import PactOpenAPI

/// Comparing pacts with provider contracts and recording each comparison as a verification result of (pact
/// version, provider version), so the matrix, can-i-deploy, pacts-for-verification, badges and pages count it.
extension BrokerAPI {
    /// At most this many pact versions are compared when a contract is published (the newest first).
    static let maxComparedPacts = 100
    /// At most this many results of one comparison are stored (the errors first); the count of all is kept.
    static let maxStoredComparisonResults = 500

    /// One comparison made, for the notices.
    struct ContractComparisonOutcome: Sendable {
        var view: PublicationView
        var verification: VerificationRecord
        /// The number of the provider version whose contract it was.
        var providerVersion: String
        var errors: Int
        var warnings: Int
    }

    /// The pact of `view`, read once for every contract it is compared with.
    func comparedPact(_ view: PublicationView) -> Result<Pact, any Error> {
        Result { try PactReader.read(data: Data(view.content.content.utf8), file: "pact") }
    }

    /// Compares `pact` (the pact of `view`) with the contract (its document in `comparator`, built once per contract)
    /// and records the result as a verification result of the contract's provider version: successful when the
    /// self-verification succeeded and no result is an error.
    func recordComparison(
        _ tx: any BrokerStoreTransaction, view: PublicationView, pact: Result<Pact, any Error>,
        contract: ProviderContractRecord, comparator: OpenAPIComparator, providerVersion: VersionRecord, at now: Date
    ) async throws -> ContractComparisonOutcome {
        var errorResults: [OpenAPICheckResult] = []
        var warningResults: [OpenAPICheckResult] = []
        var readError: String?
        var note: String?
        switch pact {
        case .success(let pact):
            let comparison = comparator.compare(pact)
            errorResults = comparison.errors
            warningResults = comparison.results.filter { $0.type != .error }
            note = comparison.note
        case .failure(let error):
            readError = "the pact cannot be read: \(error)"
        }
        let errors = errorResults.count + (readError == nil ? 0 : 1)
        let warnings = warningResults.count
        let success = contract.selfVerificationSuccess && errors == 0
        let stored = Array((errorResults + warningResults).prefix(Self.maxStoredComparisonResults))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let resultsJSON = String(decoding: try encoder.encode(stored), as: UTF8.self)
        var summary: [String: JSONValue] = [
            "errors": .int(errors), "warnings": .int(warnings),
            "storedResults": .int(stored.count),
            "selfVerificationSuccess": .bool(contract.selfVerificationSuccess),
        ]
        if let readError { summary["pactError"] = .string(readError) }
        if let note { summary["note"] = .string(note) }
        let details: JSONValue = [
            "success": .bool(success),
            "providerApplicationVersion": .string(providerVersion.number),
            "contractComparison": true,
            "comparisonSummary": .object(summary),
            "verifiedBy": ["implementation": "PactKit OpenAPI comparison"],
        ]
        let verification = try await tx.insertVerification(
            pactContentID: view.content.id, providerVersionID: providerVersion.id, success: success, buildURL: contract.buildURL,
            details: JSONWriter.compact(details), at: now)
        try await tx.insertContractComparison(ContractComparisonRecord(
            verificationID: verification.id, pactContentID: view.content.id, providerVersionID: providerVersion.id,
            results: resultsJSON, createdAt: now))
        return ContractComparisonOutcome(view: view, verification: verification, providerVersion: providerVersion.number,
                                         errors: errors, warnings: warnings)
    }

    /// The pacts a newly published contract of the provider is compared with: the latest pact of each consumer, of
    /// each consumer branch head and of each consumer version currently deployed or released, one per pact version
    /// (the newest consumer version's), newest first, at most `maxComparedPacts`.
    func pactsToCompare(_ tx: any BrokerStoreTransaction, providerID: RowID) async throws -> [PublicationView] {
        var views = try await tx.publications(providerID: providerID, consumerID: nil, scope: .latest)
        var versionIDs = try await tx.branchAndTagHeads(providerID: providerID, publishedSince: .distantPast).compactMap { head in
            if case .branch = head.kind { head.versionID } else { nil }
        }
        for consumerID in try await tx.consumerIDs(providerID: providerID) {
            versionIDs += try await tx.currentlyDeployed(environmentID: nil, pacticipantID: consumerID).map(\.versionID)
            versionIDs += try await tx.currentlySupported(environmentID: nil, pacticipantID: consumerID).map(\.versionID)
        }
        if !versionIDs.isEmpty {
            views += try await tx.publications(providerID: providerID, consumerID: nil,
                                               scope: .consumerVersions(Array(Set(versionIDs)).sorted()))
        }
        var newest: [RowID: PublicationView] = [:]
        for view in views where (newest[view.content.id]?.consumerVersion.id ?? -1) < view.consumerVersion.id {
            newest[view.content.id] = view
        }
        return Array(newest.values.sorted { $0.consumerVersion.id > $1.consumerVersion.id }.prefix(Self.maxComparedPacts))
    }

    /// The provider's versions whose contracts a new pact is compared with: the head of each of its branches, its
    /// latest version, and its versions currently deployed or released.
    func contractVersionsToCompare(_ tx: any BrokerStoreTransaction, provider: PacticipantRecord) async throws -> [RowID] {
        var ids: [RowID] = []
        for branch in try await tx.branches(pacticipantID: provider.id) {
            if let head = try await tx.latestVersion(pacticipantID: provider.id, tag: nil, branch: branch.name) { ids.append(head.id) }
        }
        if let latest = try await tx.latestVersion(pacticipantID: provider.id, tag: nil, branch: nil) { ids.append(latest.id) }
        ids += try await tx.currentlyDeployed(environmentID: nil, pacticipantID: provider.id).map(\.versionID)
        ids += try await tx.currentlySupported(environmentID: nil, pacticipantID: provider.id).map(\.versionID)
        return Array(Set(ids)).sorted()
    }

    /// After a consumer published `view` (a new publication): compares its pact with the contracts of the provider
    /// versions that matter (`contractVersionsToCompare`), unless that pact version was already compared with the
    /// contract as it is now. Nothing when the provider has no contract.
    func compareWithProviderContracts(_ tx: any BrokerStoreTransaction, view: PublicationView, at now: Date) async throws -> [ContractComparisonOutcome] {
        guard try await tx.hasProviderContracts(providerID: view.provider.id) else { return [] }
        let contracts = try await tx.providerContracts(
            providerVersionIDs: try await contractVersionsToCompare(tx, provider: view.provider))
        var outcomes: [ContractComparisonOutcome] = []
        let pact = comparedPact(view)
        for contract in contracts {
            if let done = try await tx.latestContractComparison(pactContentID: view.content.id, providerVersionID: contract.providerVersionID),
               done.createdAt >= contract.createdAt { continue }
            // A stored contract was readable when it was published; skip one this build cannot read.
            guard let document = try? OpenAPIDocumentReader.read(text: contract.content, name: "provider contract"),
                  let providerVersion = try await tx.version(id: contract.providerVersionID) else { continue }
            outcomes.append(try await recordComparison(tx, view: view, pact: pact, contract: contract,
                                                       comparator: OpenAPIComparator(document: document),
                                                       providerVersion: providerVersion, at: now))
        }
        return outcomes
    }

    /// The notices of a consumer's publication about the comparisons it caused, one per provider contract.
    func comparisonNotices(_ outcomes: [ContractComparisonOutcome], _ urls: BrokerURLs) -> [Notice] {
        outcomes.map { outcome in
            let view = outcome.view, provider = view.provider.name
            let resultsURL = urls.verificationResult(provider, view.consumer.name, sha: view.content.sha, number: outcome.verification.number)
            let warnings = outcome.warnings == 1 ? "1 warning" : "\(outcome.warnings) warnings"
            let errors = outcome.errors == 1 ? "1 error" : "\(outcome.errors) errors"
            let verdict = outcome.errors == 0 ? "compatible (\(warnings))" : "incompatible (\(errors), \(warnings))"
            let unverified = outcome.verification.success || outcome.errors > 0 ? "" : ", but the contract's self-verification did not succeed"
            return Notice(type: outcome.verification.success ? "success" : "warning",
                          text: "  Compared with the provider contract of \(provider) version \(outcome.providerVersion): \(verdict)\(unverified). See \(resultsURL)")
        }
    }
}
