import Foundation
import PactModel
import PactOpenAPI

/// `/provider-contracts/…`: PactFlow's provider contract API (bi-directional contract testing). A provider version
/// publishes its OpenAPI document with its self-verification; the broker compares the consumers' pacts with it and
/// records each comparison as a verification result (see `ContractComparisons.swift`).
extension BrokerAPI {
    func providerContractRoutes(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        let s = r.segments
        if s.matches("provider-contracts", "provider", nil, "publish") {
            try r.allow("POST")
            return try await publishProviderContract(r, urls, provider: s[2])
        }
        if s.matches("provider-contracts", "provider", nil, "version", nil) {
            try r.allow("GET")
            return try await providerContractReply(urls, provider: s[2], number: s[4])
        }
        throw APIError.notFound()
    }

    /// `POST /provider-contracts/provider/{provider}/publish`: creates the provider and its version (with branch and
    /// tags) as publishing pacts does, stores the contract (replacing the version's earlier one) and compares it with
    /// the pacts that matter (`pactsToCompare`).
    func publishProviderContract(_ r: APIRequest, _ urls: BrokerURLs, provider: String) async throws -> APIReply {
        let publication = try ProviderContractSubmission.parse(try r.jsonObject(), provider: provider)
        let now = now()
        let (version, updated, replaced, outcomes, events) = try await store.write {
            tx -> (VersionRecord, Bool, Bool, [ContractComparisonOutcome], [WebhookEventToFire]) in
            let (p, version, updated) = try await publishingVersion(
                tx, name: provider, number: publication.versionNumber, buildURL: publication.buildURL,
                branch: publication.branch, tags: publication.tags, at: now)
            let replaced = updated ? try await tx.providerContract(providerVersionID: version.id) != nil : false
            let contract = try await tx.saveProviderContract(ProviderContractRecord(
                providerID: p.id, providerVersionID: version.id, content: publication.content,
                contentType: publication.contentType, specification: publication.specification,
                selfVerificationSuccess: publication.selfVerificationSuccess,
                selfVerificationContent: publication.selfVerificationContent,
                selfVerificationContentType: publication.selfVerificationContentType,
                selfVerificationFormat: publication.selfVerificationFormat, verifier: publication.verifier,
                verifierVersion: publication.verifierVersion, buildURL: publication.buildURL, createdAt: now))
            var outcomes: [ContractComparisonOutcome] = []
            var events: [WebhookEventToFire] = []
            let comparator = OpenAPIComparator(document: publication.document)
            for view in try await pactsToCompare(tx, providerID: p.id) {
                let outcome = try await recordComparison(tx, view: view, pact: comparedPact(view), contract: contract,
                                                         comparator: comparator, providerVersion: version, at: now)
                events += try await verificationEvents(tx, view: view, verification: outcome.verification,
                                                       providerVersion: version, urls: urls)
                outcomes.append(outcome)
            }
            return (version, updated, replaced, outcomes, events)
        }
        await fireWebhooks(events)
        let number = version.number
        var notices = [Self.versionNotice(name: provider, number: number, branch: publication.branch, tags: publication.tags, updated: updated)]
        notices.append(Notice(type: "success", text: "Provider contract successfully \(replaced ? "republished" : "published") for \(provider) version \(number)."))
        if !publication.selfVerificationPublished {
            notices.append(Notice(type: "warning", text: "No self-verification results were published with the provider contract, so it counts as not verified and every comparison with it fails. Publish it again with selfVerificationResults (for example --verification-success with --verifier)."))
        } else if !publication.selfVerificationSuccess {
            notices.append(Notice(type: "warning", text: "The provider contract's self-verification failed, so every comparison with it fails."))
        }
        if outcomes.isEmpty {
            notices.append(Notice(type: "info", text: "No consumer pacts with \(provider) to compare with yet: each pact published later is compared with this contract."))
        }
        for outcome in outcomes {
            let consumer = outcome.view.consumer.name, consumerVersion = outcome.view.consumerVersion.number
            let resultsURL = urls.verificationResult(provider, consumer, sha: outcome.view.content.sha, number: outcome.verification.number)
            let warnings = outcome.warnings == 1 ? "1 warning" : "\(outcome.warnings) warnings"
            if outcome.errors == 0 {
                // Said once: a compatible pact is recorded as failed when the contract is not verified (the warning
                // above says why), so the notice does not call it a success.
                let verified = outcome.verification.success
                notices.append(Notice(type: verified ? "success" : "warning",
                                      text: "Compatible with the pact of \(consumer) version \(consumerVersion) (\(warnings))\(verified ? "" : ", recorded as failed because the contract is not verified"). See \(resultsURL)"))
            } else {
                let errors = outcome.errors == 1 ? "1 error" : "\(outcome.errors) errors"
                notices.append(Notice(type: "warning", text: "Incompatible with the pact of \(consumer) version \(consumerVersion) (\(errors), \(warnings)). See \(resultsURL)"))
            }
        }
        notices.append(Notice(type: "debug", text: "View the provider contract at \(urls.providerContract(provider, number))"))
        var links: [String: JSONValue] = [
            "pb:pacticipant": Representations.link(urls.pacticipant(provider), title: "Pacticipant", name: provider),
            "pb:pacticipant-version": Representations.link(urls.version(provider, number), title: "Pacticipant version", name: number),
            "pb:pacticipant-version-tags": .array(publication.tags.map { Representations.link(urls.tag(provider, number, $0), title: "Tag", name: $0) }),
            "pf:provider-contract": Representations.link(urls.providerContract(provider, number), title: "Provider contract",
                                                         name: "Provider contract for \(provider) version \(number)"),
        ]
        if let branch = publication.branch {
            links["pb:branch-version"] = Representations.link(urls.branchVersion(provider, branch, number), title: "Branch version", name: branch)
        }
        return .ok([
            "notices": .array(notices.map(\.json)),
            "_embedded": [
                "pacticipant": ["name": .string(provider), "_links": ["self": Representations.link(urls.pacticipant(provider))]],
                "version": ["number": .string(number), "buildUrl": Representations.optional(version.buildURL),
                            "_links": ["self": Representations.link(urls.version(provider, number), title: "Version", name: number)]],
            ],
            "_links": .object(links),
        ])
    }

    /// `GET /provider-contracts/provider/{provider}/version/{version}`: the contract as published, its
    /// self-verification, and its comparisons (the newest per pact version) with links to their results.
    func providerContractReply(_ urls: BrokerURLs, provider: String, number: String) async throws -> APIReply {
        let found = try await store.read { tx -> (ProviderContractRecord, [(ContractComparisonRecord, VerificationRecord, PublicationView)])? in
            guard let p = try await tx.pacticipant(named: provider), let v = try await tx.version(pacticipantID: p.id, number: number),
                  let contract = try await tx.providerContract(providerVersionID: v.id) else { return nil }
            var comparisons: [(ContractComparisonRecord, VerificationRecord, PublicationView)] = []
            for comparison in try await tx.contractComparisons(providerVersionID: v.id) {
                guard let verification = try await tx.verification(id: comparison.verificationID),
                      let view = try await tx.latestPublication(pactContentID: comparison.pactContentID) else { continue }
                comparisons.append((comparison, verification, view))
            }
            return (contract, comparisons)
        }
        guard let (contract, comparisons) = found else {
            throw APIError.notFound("No provider contract found for \(provider) version \(number)")
        }
        return .ok(ProviderContractRepresentation.json(contract, provider: provider, number: number, comparisons: comparisons, urls))
    }
}
