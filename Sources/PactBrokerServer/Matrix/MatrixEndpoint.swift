import Foundation
import PactModel

/// `GET /matrix` and `GET /can-i-deploy`: the verification rows between the selected versions and their
/// integrations, and whether they are deployable (pact_broker's `matrix/repository.rb`,
/// `deployment_status_summary.rb`, `reason_decorator.rb`).
extension BrokerAPI {
    /// A selector resolved to zero or more versions of one pacticipant.
    struct ResolvedSelector: Sendable {
        var pacticipant: PacticipantRecord
        var selector: MatrixQuery.Selector
        var versions: [VersionRecord]
        var specified: Bool

        /// pact_broker's `ResolvedSelector#description` for one of the versions (or none).
        func description(_ version: VersionRecord?) -> String {
            let name = pacticipant.name, s = selector
            let many = versions.count > 1
            guard let version else {
                if s.latest, let tag = s.tag { return "the latest version of \(name) with tag \(tag) (no such version exists)" }
                if s.mainBranch { return "the latest version of \(name) from the main branch (no versions exist for this branch)" }
                if let branch = s.branch { return "the latest version of \(name) from branch \(branch) (no such version exists)" }
                if let environment = s.environment {
                    return "a version of \(name) currently in \(environment) (no version is currently recorded as deployed/released in this environment)"
                }
                if let number = s.version { return "version \(number) of \(name) (no such version exists)" }
                if let tag = s.tag { return "a version of \(name) with tag \(tag) (no such version exists)" }
                if s.latest { return "the latest version of \(name) (no such version exists)" }
                return "any version of \(name)"
            }
            let n = version.number
            if s.latest, let tag = s.tag { return "the latest version of \(name) with tag \(tag) (\(n))" }
            if s.mainBranch, let branch = pacticipant.mainBranch { return "the latest version of \(name) from branch \(branch) (\(n))" }
            if let branch = s.branch { return "the latest version of \(name) from branch \(branch) (\(n))" }
            if s.latest { return "the latest version of \(name) (\(n))" }
            if let tag = s.tag { return "a version of \(name) with tag \(tag) (\(n))" }
            if let environment = s.environment { return "\(many ? "one of the versions" : "the version") of \(name) currently in \(environment) (\(n))" }
            return "version \(n) of \(name)"
        }
    }

    struct MatrixRow: Sendable {
        var view: PublicationView
        var consumer: ResolvedSelector
        var provider: ResolvedSelector
        var providerVersion: VersionRecord?
        var verification: VerificationRecord?
        var ignored = false
        /// The verification result is a comparison of the pact with a provider contract.
        var contractComparison = false
        var success: Bool? { verification?.success }
    }

    func matrix(_ r: APIRequest, _ urls: BrokerURLs, canIDeploy: Bool) async throws -> APIReply {
        let query = canIDeploy ? MatrixQuery(canIDeploy: r.query) : MatrixQuery(matrix: r.query)
        var errors: [String] = []
        if query.selectors.isEmpty { errors.append("Please provide 1 or more version selectors.") }
        for s in query.selectors where s.pacticipant?.isEmpty ?? true { errors.append("Please specify the pacticipant name") }
        for s in query.selectors where s.version != nil && s.latest {
            errors.append("A version number and latest flag cannot both be specified for \(s.pacticipant ?? "")")
        }
        if query.environment != nil && query.tag != nil {
            errors.append("Cannot specify more than one of tag, environment and mainBranch.")
        }
        guard errors.isEmpty else { throw APIError(status: 400, body: ["errors": .array(errors.map(JSONValue.string))]) }
        let body = try await store.read { tx -> JSONValue in
            try await matrixJSON(tx, query, urls)
        }
        return .ok(body)
    }

    private func resolve(_ tx: any BrokerStoreTransaction, _ p: PacticipantRecord, _ s: MatrixQuery.Selector) async throws -> [VersionRecord] {
        if let number = s.version { return try await tx.version(pacticipantID: p.id, number: number).map { [$0] } ?? [] }
        if s.mainBranch {
            guard let main = p.mainBranch else { return [] }
            return try await tx.latestVersion(pacticipantID: p.id, tag: nil, branch: main).map { [$0] } ?? []
        }
        if let branch = s.branch { return try await tx.latestVersion(pacticipantID: p.id, tag: nil, branch: branch).map { [$0] } ?? [] }
        if let tag = s.tag {
            if s.latest { return try await tx.latestVersion(pacticipantID: p.id, tag: tag, branch: nil).map { [$0] } ?? [] }
            // Without `latest`, every version with the tag (pact_broker's selector resolution).
            var tagged: [VersionRecord] = []
            for v in try await tx.versions(pacticipantID: p.id, limit: 100) where try await tx.tagNames(versionID: v.id).contains(tag) {
                tagged.append(v)
            }
            return tagged
        }
        if let name = s.environment {
            guard let e = try await tx.environment(named: name) else { return [] }
            var ids = try await tx.currentlyDeployed(environmentID: e.id, pacticipantID: p.id).map(\.versionID)
            ids += try await tx.currentlySupported(environmentID: e.id, pacticipantID: p.id).map(\.versionID)
            var out: [VersionRecord] = []
            for id in Set(ids).sorted() { if let v = try await tx.version(id: id) { out.append(v) } }
            return out
        }
        if s.latest { return try await tx.latestVersion(pacticipantID: p.id, tag: nil, branch: nil).map { [$0] } ?? [] }
        return try await tx.versions(pacticipantID: p.id, limit: 100)
    }

    /// The selector the query's options (`latest`, `tag`, `environment`, `mainBranch`) imply for an integration's other side.
    private func inferred(_ tx: any BrokerStoreTransaction, _ p: PacticipantRecord, _ query: MatrixQuery) async throws -> ResolvedSelector {
        var s = MatrixQuery.Selector(pacticipant: p.name)
        s.tag = query.tag
        s.branch = query.branch
        s.environment = query.environment
        s.mainBranch = query.mainBranch
        s.latest = query.latest && query.environment == nil
        return ResolvedSelector(pacticipant: p, selector: s, versions: try await resolve(tx, p, s), specified: false)
    }

    private func matrixJSON(_ tx: any BrokerStoreTransaction, _ query: MatrixQuery, _ urls: BrokerURLs) async throws -> JSONValue {
        if let name = query.environment, try await tx.environment(named: name) == nil {
            throw APIError(status: 400, body: ["errors": [.string("Environment with name '\(name)' does not exist")]])
        }
        var specified: [ResolvedSelector] = []
        var errors: [String] = []
        for s in query.selectors {
            guard let p = try await tx.pacticipant(named: s.pacticipant ?? "") else {
                errors.append("Pacticipant \(s.pacticipant ?? "") not found")
                continue
            }
            specified.append(ResolvedSelector(pacticipant: p, selector: s, versions: try await resolve(tx, p, s), specified: true))
        }
        guard errors.isEmpty else { throw APIError(status: 400, body: ["errors": .array(errors.map(JSONValue.string))]) }
        var ignores: [ResolvedSelector] = []
        var cannotIgnore: [String] = []
        for s in query.ignore {
            guard let p = try await tx.pacticipant(named: s.pacticipant ?? "") else {
                cannotIgnore.append("WARN: Cannot ignore any version of \(s.pacticipant ?? "") (no such pacticipant exists)")
                continue
            }
            let versions = s.version == nil ? [] : try await resolve(tx, p, s)
            if s.version != nil, versions.isEmpty {
                cannotIgnore.append("WARN: Cannot ignore version \(s.version!) of \(p.name) (no such version exists)")
            }
            ignores.append(ResolvedSelector(pacticipant: p, selector: s, versions: versions, specified: false))
        }
        var inferredCache: [RowID: ResolvedSelector] = [:]
        func other(_ p: PacticipantRecord) async throws -> ResolvedSelector? {
            if let found = specified.first(where: { $0.pacticipant.id == p.id }) { return found }
            guard query.infersOthers else { return nil }
            if let cached = inferredCache[p.id] { return cached }
            let resolved = try await inferred(tx, p, query)
            inferredCache[p.id] = resolved
            return resolved
        }
        var rows: [MatrixRow] = []
        for selector in specified {
            for version in selector.versions {
                // The version as a consumer: every provider it has a pact with is required.
                for view in try await tx.publications(consumerVersionID: version.id) {
                    let providerSide = try await other(view.provider)
                        ?? ResolvedSelector(pacticipant: view.provider, selector: MatrixQuery.Selector(pacticipant: view.provider.name), versions: [], specified: false)
                    let allowed = providerSide.specified || query.infersOthers ? Set(providerSide.versions.map(\.id)) : nil
                    var consumerSide = selector
                    consumerSide.versions = [version]
                    let verifications = allowed == nil
                        ? try await tx.verifications(pactContentID: view.content.id)
                        : try await tx.verifications(pactContentID: view.content.id, providerVersionIDs: providerSide.versions.map(\.id))
                    var added = false
                    // The verifying provider versions in one query, not one per verification.
                    let providerVersions = try await tx.versionsByID(verifications.map(\.providerVersionID))
                    for v in verifications {
                        rows.append(MatrixRow(view: view, consumer: consumerSide, provider: providerSide,
                                              providerVersion: providerVersions[v.providerVersionID], verification: v))
                        added = true
                    }
                    // A required provider version that has not verified this pact is a missing (unknown) row.
                    if allowed != nil {
                        for pv in providerSide.versions where !verifications.contains(where: { $0.providerVersionID == pv.id }) {
                            rows.append(MatrixRow(view: view, consumer: consumerSide, provider: providerSide, providerVersion: pv))
                            added = true
                        }
                    }
                    if !added { rows.append(MatrixRow(view: view, consumer: consumerSide, provider: providerSide)) }
                }
                // The version as a provider: the consumers' versions picked by a selector or the options.
                for consumerID in try await tx.consumerIDs(providerID: selector.pacticipant.id) {
                    // A specified consumer's rows come from its own side, above.
                    guard let consumer = try await tx.pacticipant(id: consumerID),
                          let consumerSide = try await other(consumer), !consumerSide.specified else { continue }
                    for consumerVersion in consumerSide.versions {
                        guard let view = try await tx.publications(providerID: selector.pacticipant.id, consumerID: consumerID,
                                                                   scope: .consumerVersions([consumerVersion.id])).first else { continue }
                        var one = consumerSide
                        one.versions = [consumerVersion]
                        var providerSide = selector
                        providerSide.versions = [version]
                        let matching = try await tx.verifications(pactContentID: view.content.id, providerVersionIDs: [version.id])
                        if matching.isEmpty {
                            rows.append(MatrixRow(view: view, consumer: one, provider: providerSide, providerVersion: version))
                        }
                        for v in matching {
                            rows.append(MatrixRow(view: view, consumer: one, provider: providerSide, providerVersion: version, verification: v))
                        }
                    }
                }
            }
        }
        rows = Self.latestBy(query.latestby, rows)
        if let outcomes = query.success { rows = rows.filter { outcomes.contains($0.success) } }
        for index in rows.indices {
            rows[index].ignored = ignores.contains { ignore in
                let counterparts = [(rows[index].view.consumer.id, rows[index].view.consumerVersion.id),
                                    (rows[index].view.provider.id, rows[index].providerVersion?.id)]
                // As pact_broker's RowIgnorer: a specified pacticipant's versions can be ignored too.
                return counterparts.contains { id, versionID in
                    id == ignore.pacticipant.id && (ignore.selector.version == nil || ignore.versions.contains { $0.id == versionID })
                }
            }
        }
        let compared = try await tx.contractComparisonIDs(verificationIDs: rows.compactMap(\.verification?.id))
        for index in rows.indices where rows[index].verification.map({ compared.contains($0.id) }) == true {
            rows[index].contractComparison = true
        }
        return summaryJSON(rows: rows, specified: specified, query: query, cannotIgnore: cannotIgnore, ignoring: !query.ignore.isEmpty, urls)
    }

    /// `cvpv` keeps the newest verification per consumer version and provider version, `cvp` the newest provider
    /// version per consumer version and provider, `cp` the newest provider version per consumer and provider
    /// (pact_broker's `apply_latestby`). Rows without a verification stay, except that with `cp` an integration
    /// with verified rows shows only its newest one.
    private static func latestBy(_ mode: String?, _ rows: [MatrixRow]) -> [MatrixRow] {
        guard let mode, ["cvp", "cvpv", "cp"].contains(mode) else { return rows }
        var best: [String: MatrixRow] = [:]
        var order: [String] = []
        var unverified: [MatrixRow] = []
        for row in rows {
            guard let v = row.verification else { unverified.append(row); continue }
            var key = mode == "cp" ? "\(row.view.consumer.id)/\(row.view.provider.id)" : "\(row.view.consumerVersion.id)/\(row.view.provider.id)"
            if mode == "cvpv" { key += "/\(v.providerVersionID)" }
            if let existing = best[key], let current = existing.verification {
                let newer = mode == "cvpv" ? v.id > current.id
                    : (v.providerVersionID, v.id) > (current.providerVersionID, current.id)
                if newer { best[key] = row }
            } else {
                best[key] = row
                order.append(key)
            }
        }
        if mode == "cp" {
            // An integration without any verification still shows once, as pact_broker's group of nil provider versions.
            var seen = Set(order)
            unverified = unverified.filter { seen.insert("\($0.view.consumer.id)/\($0.view.provider.id)").inserted }
        }
        return order.compactMap { best[$0] } + unverified
    }

    private func summaryJSON(
        rows: [MatrixRow], specified: [ResolvedSelector], query: MatrixQuery, cannotIgnore: [String], ignoring: Bool, _ urls: BrokerURLs
    ) -> JSONValue {
        let considered = rows.filter { !$0.ignored }
        let ignored = rows.filter(\.ignored)
        let missing = specified.filter(\.versions.isEmpty)
        var warnings = cannotIgnore
        if specified.count == 1, query.tag == nil, query.environment == nil, !query.mainBranch {
            warnings.append("WARN: It is recommended to specify the environment into which you are deploying. Without the environment, this result will not be reliable.")
        }
        if specified.contains(where: { $0.selector.version == nil }) {
            warnings.append("WARN: It is recommended to specify the version number (rather than the tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version number, this result will not be reliable.")
        }
        var failures: [(String, String)] = []
        for s in missing {
            let text: String
            if let number = s.selector.version {
                text = "No pacts or verifications have been published for version \(number) of \(s.pacticipant.name)"
            } else if s.selector.mainBranch {
                text = "No version of \(s.pacticipant.name) from the main branch exists"
            } else if let branch = s.selector.branch {
                text = "No version of \(s.pacticipant.name) from branch \(branch) exists"
            } else if let tag = s.selector.tag {
                text = "No version with tag \(tag) exists for \(s.pacticipant.name)"
            } else if let env = s.selector.environment {
                text = "No version of \(s.pacticipant.name) is currently recorded as deployed or released in environment \(env)"
            } else {
                text = "No version of \(s.pacticipant.name) exists"
            }
            failures.append(("error", text))
        }
        func describe(_ row: MatrixRow) -> (String, String) {
            (row.consumer.description(row.view.consumerVersion), row.provider.description(row.providerVersion))
        }
        for row in rows {
            let (c, p) = describe(row)
            let prefix = row.ignored ? "Ignoring: " : ""
            switch row.success {
            case false?: failures.append((row.ignored ? "info" : "error", "\(prefix)The verification for the pact between \(c) and \(p) failed"))
            case nil: failures.append((row.ignored ? "info" : "error", "\(prefix)There is no verified pact between \(c) and \(p)"))
            default: break
            }
        }
        let deployable: Bool? = !missing.isEmpty ? false
            : considered.contains { $0.success == nil } ? nil
            : considered.allSatisfy { $0.success == true }
        var reasons: [(String, String)] = warnings.map { ("warning", $0) }
        let blocking = failures.contains { $0.0 == "error" }
        reasons += failures
        if !blocking {
            reasons.append(("success", considered.isEmpty ? "There are no missing dependencies"
                                                          : "All required verification results are published and successful"))
        }
        var summary: [String: JSONValue] = [
            "deployable": deployable.map(JSONValue.bool) ?? .null,
            "reason": .string(reasons.map(\.1).joined(separator: "\n")),
            "success": .int(considered.filter { $0.success == true }.count),
            "failed": .int(considered.filter { $0.success == false }.count),
            "unknown": .int(considered.filter { $0.success == nil }.count),
        ]
        if ignoring { summary["ignored"] = .int(ignored.count) }
        return [
            "summary": .object(summary),
            "notices": .array(reasons.map { ["type": .string($0.0), "text": .string($0.1)] }),
            // Considered rows, then ignored ones, each sorted as pact_broker sorts them (QueryResults).
            "matrix": .array((considered.sorted(by: Self.rowOrder) + ignored.sorted(by: Self.rowOrder))
                .prefix(max(query.limit, 1)).map { rowJSON($0, urls) }),
        ]
    }

    /// pact_broker's `MatrixRowInstanceMethods#<=>`: consumer name, then newest consumer version, newest pact
    /// revision, provider name, newest provider version, newest verification; a missing number sorts first.
    private static func rowOrder(_ a: MatrixRow, _ b: MatrixRow) -> Bool {
        func desc(_ x: Int64?, _ y: Int64?) -> Int {
            switch (x, y) {
            case let (x?, y?): x == y ? 0 : (x > y ? -1 : 1)
            case (_?, nil): 1
            case (nil, _): -1
            }
        }
        let comparisons = [
            a.view.consumer.name == b.view.consumer.name ? 0 : (a.view.consumer.name < b.view.consumer.name ? -1 : 1),
            desc(a.view.consumerVersion.order, b.view.consumerVersion.order),
            desc(Int64(a.view.publication.revision), Int64(b.view.publication.revision)),
            a.view.provider.name == b.view.provider.name ? 0 : (a.view.provider.name < b.view.provider.name ? -1 : 1),
            desc(a.providerVersion?.order, b.providerVersion?.order),
            desc(a.verification?.id, b.verification?.id),
        ]
        return (comparisons.first { $0 != 0 } ?? 0) < 0
    }

    private func rowJSON(_ row: MatrixRow, _ urls: BrokerURLs) -> JSONValue {
        let consumer = row.view.consumer.name, provider = row.view.provider.name
        let cv = row.view.consumerVersion.number
        var out: [String: JSONValue] = [
            "consumer": ["name": .string(consumer), "_links": ["self": Representations.link(urls.pacticipant(consumer))],
                         "version": ["number": .string(cv), "_links": ["self": Representations.link(urls.version(consumer, cv))]]],
            "provider": ["name": .string(provider), "_links": ["self": Representations.link(urls.pacticipant(provider))],
                         "version": row.providerVersion.map { v in
                             ["number": .string(v.number), "_links": ["self": Representations.link(urls.version(provider, v.number))]]
                         } ?? .null],
            "pact": ["createdAt": .string(BrokerTime.text(row.view.publication.createdAt)),
                     "_links": ["self": Representations.link(urls.pact(provider, consumer, version: cv))]],
            "verificationResult": row.verification.map { v in
                var result: JSONValue = ["success": .bool(v.success), "verifiedAt": .string(BrokerTime.text(v.createdAt)),
                 "_links": ["self": Representations.link(urls.verificationResult(provider, consumer, sha: row.view.content.sha, number: v.number))]]
                // A comparison with the provider contract rather than a verifier's run (bi-directional contracts).
                if row.contractComparison, case .object(var marked) = result {
                    marked["contractComparison"] = true
                    result = .object(marked)
                }
                return result
            } ?? .null,
        ]
        if row.ignored { out["ignored"] = true }
        return .object(out)
    }
}
