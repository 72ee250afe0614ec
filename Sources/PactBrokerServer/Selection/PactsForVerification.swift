import Foundation
import PactModel

/// `GET|POST /pacts/provider/P/for-verification`: the pacts a provider build should verify, with pending and WIP
/// status and pact_broker's notices (`pacts_for_verification_repository.rb`, `verifiable_pact_messages.rb`).
extension BrokerAPI {
    struct VerificationQuery: Sendable {
        var selectors: [ConsumerVersionSelector] = []
        var explicitSelectors = false
        var providerBranch: String?
        var providerTags: [String] = []
        var includePending = false
        var wipSince: Date?
    }

    struct SelectedPact: Sendable {
        var view: PublicationView
        var reasons: [SelectionReason]
        var pending = false
        var wip = false
    }

    func pactsForVerification(_ r: APIRequest, _ urls: BrokerURLs, provider: String) async throws -> APIReply {
        let query = try parseVerificationQuery(r)
        let pacts = try await store.read { tx -> [SelectedPact] in
            guard let p = try await tx.pacticipant(named: provider) else { throw APIError.notFound() }
            for s in query.selectors {
                if let name = s.environment, try await tx.environment(named: name) == nil {
                    throw APIError.badRequest(["consumerVersionSelectors": ["environment with name '\(name)' does not exist"]])
                }
            }
            var selected = try await select(tx, provider: p, query: query)
            if query.includePending {
                let pending = try await pendingContentIDs(tx, selected.map(\.view.content.id), providerID: p.id, query: query)
                for index in selected.indices { selected[index].pending = pending.contains(selected[index].view.content.id) }
            }
            if let since = query.wipSince, query.providerBranch != nil || !query.providerTags.isEmpty {
                selected += try await workInProgress(tx, provider: p, query: query, since: since, excluding: Set(selected.map(\.view.content.id)))
            }
            return selected
        }
        let selfURL = urls.forVerification(provider)
        return .ok([
            "_embedded": ["pacts": .array(pacts.map { verifiablePactJSON($0, query: query, urls) })],
            "_links": ["self": Representations.link(selfURL, title: "Pacts to be verified")],
        ])
    }

    private func parseVerificationQuery(_ r: APIRequest) throws -> VerificationQuery {
        var q = VerificationQuery()
        var rawSelectors: [JSONValue] = []
        var errors: [String] = []
        if r.method == "POST" {
            if let type = r.contentType?.lowercased(), !type.contains("json") {
                throw APIError(status: 415, body: ["errors": ["base": ["Content-Type must be application/json"]]])
            }
            let body = try r.jsonObject()
            q.providerBranch = body["providerVersionBranch"]?.stringValue
            q.providerTags = (body["providerVersionTags"]?.arrayValue ?? []).compactMap(\.stringValue)
            q.includePending = body["includePendingStatus"]?.boolValue ?? false
            if let text = body["includeWipPactsSince"]?.stringValue {
                guard let date = BrokerTime.parse(text) else { throw APIError.badRequest(["includeWipPactsSince": ["must be a date (\(text))"]]) }
                q.wipSince = date
            }
            if let selectors = body["consumerVersionSelectors"] {
                guard let items = selectors.arrayValue else { throw APIError.badRequest(["consumerVersionSelectors": ["must be an array"]]) }
                rawSelectors = items
            }
        } else {
            // The deprecated GET form: providerVersionTags[]=…, consumerVersionSelectors[][tag]=…
            q.providerBranch = r.queryValue("providerVersionBranch")
            q.providerTags = r.query.filter { $0.name == "providerVersionTags[]" }.map(\.value)
            q.includePending = r.queryValue("includePendingStatus") == "true"
            q.wipSince = r.queryValue("includeWipPactsSince").flatMap(BrokerTime.parse)
            var current: [String: JSONValue] = [:]
            for item in r.query where item.name.hasPrefix("consumerVersionSelectors[][") {
                let key = String(item.name.dropFirst("consumerVersionSelectors[][".count).dropLast())
                if current[key] != nil {
                    rawSelectors.append(.object(current))
                    current = [:]
                }
                current[key] = .string(item.value)
            }
            if !current.isEmpty { rawSelectors.append(.object(current)) }
        }
        if q.includePending || q.wipSince != nil, q.providerTags.isEmpty, q.providerBranch == "" {
            errors.append("when pending or WIP pacts are enabled and there are no tags provided, the provider version branch must not be an empty string, as it is used in the calculations for WIP/pending. A value must be provided (recommended), or it must not be set at all.")
        }
        for (index, raw) in rawSelectors.enumerated() {
            let parsed = ConsumerVersionSelector.parse(raw, index: index, providerBranch: q.providerBranch)
            errors += parsed.errors
            q.selectors += parsed.selectors
        }
        guard errors.isEmpty else { throw APIError.badRequest(["consumerVersionSelectors": errors]) }
        q.explicitSelectors = !rawSelectors.isEmpty
        return q
    }

    /// The pacts the selectors pick (pact_broker's defaults when there are none), merged by content.
    func select(_ tx: any BrokerStoreTransaction, provider: PacticipantRecord, query: VerificationQuery) async throws -> [SelectedPact] {
        var found: [(PublicationView, SelectionReason)] = []
        if query.explicitSelectors {
            for selector in query.selectors { found += try await select(tx, provider: provider, selector) }
        } else {
            // pact_broker's defaults: per consumer, the latest of its main branch (else the latest with a tag named
            // after it, else the overall latest), plus whatever is deployed or released.
            for consumerID in try await tx.consumerIDs(providerID: provider.id) {
                guard let consumer = try await tx.pacticipant(id: consumerID) else { continue }
                var picked: [(PublicationView, SelectionReason)] = []
                if let main = consumer.mainBranch {
                    picked = try await select(tx, provider: provider, ConsumerVersionSelector(consumer: consumer.name, latest: true, mainBranch: true))
                    if picked.isEmpty {
                        picked = try await select(tx, provider: provider, ConsumerVersionSelector(consumer: consumer.name, tag: main, latest: true))
                    }
                }
                if picked.isEmpty {
                    picked = try await select(tx, provider: provider, ConsumerVersionSelector(consumer: consumer.name, latest: true))
                }
                found += picked
                found += try await select(tx, provider: provider, ConsumerVersionSelector(consumer: consumer.name, deployed: true))
                found += try await select(tx, provider: provider, ConsumerVersionSelector(consumer: consumer.name, released: true))
            }
        }
        var merged: [SelectedPact] = []
        for (view, reason) in found {
            if let index = merged.firstIndex(where: { $0.view.content.id == view.content.id }) {
                if !merged[index].reasons.contains(reason) { merged[index].reasons.append(reason) }
                if view.consumerVersion.id > merged[index].view.consumerVersion.id { merged[index].view = view }
            } else {
                merged.append(SelectedPact(view: view, reasons: [reason]))
            }
        }
        return merged
    }

    private func select(
        _ tx: any BrokerStoreTransaction, provider: PacticipantRecord, _ s: ConsumerVersionSelector
    ) async throws -> [(PublicationView, SelectionReason)] {
        var consumerID: RowID?
        if let name = s.consumer {
            guard let consumer = try await tx.pacticipant(named: name) else { return [] }
            consumerID = consumer.id
        }
        func reasons(_ views: [PublicationView], _ kind: (PublicationView) -> SelectionReason.Kind) -> [(PublicationView, SelectionReason)] {
            views.map { ($0, SelectionReason(kind: kind($0), consumer: s.consumer, consumerVersion: $0.consumerVersion.number, consumerVersionID: $0.consumerVersion.id)) }
        }
        func query(_ scope: PublicationScope) async throws -> [PublicationView] {
            try await tx.publications(providerID: provider.id, consumerID: consumerID, scope: scope)
        }
        if s.mainBranch {
            return reasons(try await query(.latestForMainBranch)) { .latestForMainBranch($0.consumer.mainBranch ?? "") }
        }
        if let branch = s.branch {
            let views = try await query(.latestForBranch(branch))
            if views.isEmpty, let fallback = s.fallbackBranch {
                return reasons(try await query(.latestForBranch(fallback))) { _ in .latestForBranch(fallback, fallbackFor: branch) }
            }
            return reasons(views) { _ in .latestForBranch(branch, fallbackFor: nil) }
        }
        if let tag = s.tag {
            if s.latest == true {
                let views = try await query(.latestForTag(tag))
                if views.isEmpty, let fallback = s.fallbackTag {
                    return reasons(try await query(.latestForTag(fallback))) { _ in .latestForTag(fallback, fallbackFor: tag) }
                }
                return reasons(views) { _ in .latestForTag(tag, fallbackFor: nil) }
            }
            return reasons(try await query(.allForTag(tag))) { _ in .allForTag(tag) }
        }
        if s.environment != nil || s.deployed || s.released {
            var environmentID: RowID?
            if let name = s.environment {
                guard let environment = try await tx.environment(named: name) else { return [] }
                environmentID = environment.id
            }
            let both = !s.deployed && !s.released
            // Only the provider's consumers can have a pact with it: the others' deployments are skipped unqueried.
            let consumers: Set<RowID>
            if let consumerID { consumers = [consumerID] } else { consumers = Set(try await tx.consumerIDs(providerID: provider.id)) }
            var picked: [(versionID: RowID, environmentID: RowID, deployed: Bool)] = []
            if s.deployed || both {
                picked += try await tx.currentlyDeployed(environmentID: environmentID, pacticipantID: consumerID)
                    .filter { consumers.contains($0.pacticipantID) }.map { ($0.versionID, $0.environmentID, true) }
            }
            if s.released || both {
                picked += try await tx.currentlySupported(environmentID: environmentID, pacticipantID: consumerID)
                    .filter { consumers.contains($0.pacticipantID) }.map { ($0.versionID, $0.environmentID, false) }
            }
            guard !picked.isEmpty else { return [] }
            // One query for the pacts of every picked version, one for the environments' names.
            var views: [RowID: [PublicationView]] = [:]
            for view in try await query(.consumerVersions(Array(Set(picked.map(\.versionID))).sorted())) {
                views[view.consumerVersion.id, default: []].append(view)
            }
            let environmentNames = Dictionary(try await tx.environments().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            var out: [(PublicationView, SelectionReason)] = []
            for (versionID, environmentID, deployed) in picked {
                let name = environmentNames[environmentID] ?? ""
                out += reasons(views[versionID] ?? []) { _ in deployed ? .deployed(name) : .released(name) }
            }
            return out
        }
        return reasons(try await query(.latest)) { _ in .overallLatest }
    }

    /// pact_broker's pending rule (`pact_version.rb`) for many pact contents at once: with a provider branch, no
    /// successful verification from that branch nor from another branch before this one was created; with tags, a
    /// tag with no successful verification from a version carrying it; with neither, never successfully verified.
    /// Returns the pending ones.
    private func pendingContentIDs(
        _ tx: any BrokerStoreTransaction, _ contentIDs: [RowID], providerID: RowID, query: VerificationQuery
    ) async throws -> Set<RowID> {
        let all = Array(Set(contentIDs)).sorted()
        guard !all.isEmpty else { return [] }
        if let branch = query.providerBranch {
            let verifiedOnBranch = try await tx.successfullyVerified(pactContentIDs: all, .onBranch(branch))
            let rest = all.filter { !verifiedOnBranch.contains($0) }
            guard !rest.isEmpty else { return [] }
            let created = try await tx.branch(pacticipantID: providerID, name: branch)?.createdAt
            return Set(rest).subtracting(try await tx.successfullyVerified(pactContentIDs: rest, .onOtherBranch(than: branch, before: created)))
        }
        if !query.providerTags.isEmpty {
            var pending: Set<RowID> = []
            for tag in query.providerTags {
                pending.formUnion(Set(all).subtracting(try await tx.successfullyVerified(pactContentIDs: all, .withTag(tag))))
            }
            return pending
        }
        return Set(all).subtracting(try await tx.successfullyVerified(pactContentIDs: all, .any))
    }

    /// Work-in-progress pacts: the head pacts of each consumer branch and tag published since `since`, not selected
    /// explicitly and still pending for this provider branch (or tags). The heads, their pacts and their pending
    /// status come from three set-based queries, not from queries per consumer, branch and tag.
    private func workInProgress(
        _ tx: any BrokerStoreTransaction, provider: PacticipantRecord, query: VerificationQuery, since: Date, excluding: Set<RowID>
    ) async throws -> [SelectedPact] {
        let heads = try await tx.branchAndTagHeads(providerID: provider.id, publishedSince: since)
        guard !heads.isEmpty else { return [] }
        var views: [RowID: PublicationView] = [:]
        for view in try await tx.publications(providerID: provider.id, consumerID: nil,
                                              scope: .consumerVersions(Array(Set(heads.map(\.versionID))).sorted())) {
            views[view.consumerVersion.id] = view
        }
        let candidates: [(PublicationView, SelectionReason)] = heads.compactMap { head in
            guard let view = views[head.versionID], view.publication.createdAt >= since else { return nil }
            let kind: SelectionReason.Kind = switch head.kind {
            case .branch(let name): .latestForBranch(name, fallbackFor: nil)
            case .tag(let name): .latestForTag(name, fallbackFor: nil)
            }
            return (view, SelectionReason(kind: kind, consumer: nil, consumerVersion: view.consumerVersion.number,
                                          consumerVersionID: view.consumerVersion.id))
        }
        let pending = try await pendingContentIDs(tx, candidates.map(\.0.content.id).filter { !excluding.contains($0) },
                                                  providerID: provider.id, query: query)
        var out: [SelectedPact] = []
        var seen = excluding
        for (view, reason) in candidates {
            if let index = out.firstIndex(where: { $0.view.content.id == view.content.id }) {
                if !out[index].reasons.contains(reason) { out[index].reasons.append(reason) }
                continue
            }
            guard !seen.contains(view.content.id), pending.contains(view.content.id) else { continue }
            seen.insert(view.content.id)
            out.append(SelectedPact(view: view, reasons: [reason], pending: true, wip: true))
        }
        return out
    }

    // MARK: Representation

    private func verifiablePactJSON(_ pact: SelectedPact, query: VerificationQuery, _ urls: BrokerURLs) -> JSONValue {
        let v = pact.view
        let messages = VerifiablePactMessages(pact: pact, query: query)
        let metadata = Self.metadata(pact)
        let pactURL = urls.pactVersion(v.provider.name, v.consumer.name, sha: v.content.sha, metadata: pact.wip ? Self.encode("w=true") : nil)
        var notices: [JSONValue] = [["when": "before_verification", "text": .string(messages.inclusionReason(pactURL: pactURL))]]
        if query.includePending {
            notices.append(["when": "before_verification", "text": .string(messages.pendingReason)])
            for (success, published) in [(true, false), (true, true), (false, false), (false, true)] {
                if let text = messages.afterVerification(success: success, published: published) {
                    notices.append(["when": .string("after_verification:success_\(success)_published_\(published)"), "text": .string(text)])
                }
            }
        }
        var properties: [String: JSONValue] = ["notices": .array(notices)]
        if query.includePending { properties["pending"] = .bool(pact.pending) }
        if pact.wip { properties["wip"] = true }
        return [
            "shortDescription": .string(messages.shortDescription),
            "verificationProperties": .object(properties),
            "_links": ["self": ["href": .string(urls.pactVersion(v.provider.name, v.consumer.name, sha: v.content.sha, metadata: metadata)),
                                "name": .string(messages.pactDescription)]],
        ]
    }

    /// The metadata path segment (`Base64.urlsafe_encode64(build_nested_query(metadata), padding: false)`).
    private static func metadata(_ pact: SelectedPact) -> String {
        var parts: [String] = []
        for reason in pact.reasons {
            switch reason.kind {
            case .latestForTag(let tag, _): parts += ["s[][t]=\(formEncode(tag))", "s[][l]=true"]
            case .latestForBranch(let branch, _), .latestForMainBranch(let branch): parts += ["s[][b]=\(formEncode(branch))", "s[][l]=true"]
            case .allForTag(let tag): parts.append("s[][t]=\(formEncode(tag))")
            case .deployed(let env), .released(let env): parts.append("s[][e]=\(formEncode(env))")
            case .overallLatest: parts.append("s[][l]=true")
            }
            parts.append("s[][cv]=\(reason.consumerVersionID)")
        }
        if pact.pending { parts.append("p=true") }
        if pact.wip { parts.append("w=true") }
        return encode(parts.joined(separator: "&"))
    }

    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
