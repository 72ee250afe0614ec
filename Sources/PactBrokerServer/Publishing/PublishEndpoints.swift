import Foundation
import PactModel

/// `POST /contracts/publish` and the older `PUT /pacts/provider/P/consumer/C/version/V`.
extension BrokerAPI {
    struct Notice: Sendable {
        var type: String
        var text: String
        var json: JSONValue { ["type": .string(type), "text": .string(text)] }
    }

    struct ContractToPublish: Sendable {
        var provider: String
        var content: PactContent
        var merge: Bool
    }

    func publishContracts(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        let body = try r.jsonObject()
        var errors: [String: [String]] = [:]
        func required(_ key: String) -> String? {
            guard let value = body[key]?.stringValue, !value.isEmpty else {
                errors[key, default: []].append(body[key] == nil ? "is missing" : "must be a non-empty string")
                return nil
            }
            return value
        }
        let name = required("pacticipantName")
        let number = required("pacticipantVersionNumber")
        let branch = body["branch"]?.stringValue
        let buildURL = body["buildUrl"]?.stringValue
        let tags = (body["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        var contracts: [ContractToPublish] = []
        let items = body["contracts"]?.arrayValue
        if items == nil || items?.isEmpty == true { errors["contracts", default: []].append("must contain at least one contract") }
        for (offset, item) in (items ?? []).enumerated() {
            let path = "contracts.\(offset)"
            guard let consumerName = item["consumerName"]?.stringValue else { errors["\(path).consumerName", default: []].append("is missing"); continue }
            if let name, consumerName != name {
                errors["\(path).consumerName", default: []].append("must match pacticipantName (\(name))")
            }
            guard let providerName = item["providerName"]?.stringValue, !providerName.isEmpty else {
                errors["\(path).providerName", default: []].append("is missing"); continue
            }
            guard item["specification"]?.stringValue == "pact" else {
                errors["\(path).specification", default: []].append("must be 'pact'"); continue
            }
            if let type = item["contentType"]?.stringValue, !type.lowercased().contains("json") {
                errors["\(path).contentType", default: []].append("must be application/json for a pact"); continue
            }
            guard let encoded = item["content"]?.stringValue, let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                errors["\(path).content", default: []].append("must be the Base64 encoded pact"); continue
            }
            do {
                let content = try PactContent(bytes: Array(data), field: "\(path).content")
                if let inner = content.json["consumer"]?["name"]?.stringValue, inner != consumerName {
                    errors["\(path).content", default: []].append("consumer name in the pact (\(inner)) does not match consumerName (\(consumerName))")
                }
                if let inner = content.json["provider"]?["name"]?.stringValue, inner != providerName {
                    errors["\(path).content", default: []].append("provider name in the pact (\(inner)) does not match providerName (\(providerName))")
                }
                contracts.append(ContractToPublish(provider: providerName, content: content, merge: item["onConflict"]?.stringValue == "merge"))
            } catch {
                for (key, messages) in (error.body["errors"]?.objectValue ?? [:]) {
                    errors[key, default: []] += messages.arrayValue?.compactMap(\.stringValue) ?? []
                }
            }
        }
        guard errors.isEmpty, let name, let number else { throw APIError.badRequest(errors) }
        let toPublish = contracts
        let now = now()
        let (consumer, version, versionNotices, published) = try await store.write { tx -> (PacticipantRecord, VersionRecord, [Notice], [PublishedContract]) in
            let (consumer, version, updated) = try await publishingVersion(
                tx, name: name, number: number, buildURL: buildURL, branch: branch, tags: tags, at: now)
            var notices = [Self.versionNotice(name: name, number: number, branch: branch, tags: tags, updated: updated)]
            if branch == nil {
                notices.append(Notice(type: "prompt", text: "  Next steps:\n    Configure the version branch to be the value of your repository branch."))
            }
            // Asked once, not per contract; without webhooks nothing about them is computed.
            var webhooks: [WebhookDefinition] = []
            if try await webhooksInUse(tx) { webhooks = try await tx.webhooks() }
            var published: [PublishedContract] = []
            var providers: Set<String> = []
            for contract in toPublish {
                // A new version has no pact yet, unless an earlier contract of this request was for the same provider.
                let versionIsNew = !updated && providers.insert(contract.provider).inserted
                let baseline = webhooks.isEmpty ? nil
                    : try await webhookBaseline(tx, consumerID: consumer.id, provider: contract.provider, versionID: version.id, tags: tags)
                let (view, notice, comparisons) = try await publish(tx, consumer: consumer, version: version, contract: contract,
                                                                    versionIsNew: versionIsNew, at: now)
                let events = try await baseline.asyncFlatMap { try await publicationEvents(tx, view: view, baseline: $0, urls: urls) } ?? []
                let configured = try await webhooksConfigured(tx, webhooks, view: view)
                var steps: [Notice] = []
                // pact_broker's next_steps_notices: each prompt only while it applies.
                if try await !tx.hasVerifications(consumerID: consumer.id, providerID: view.provider.id) {
                    steps.append(Notice(type: "prompt", text: "    * Add Pact verification tests to the \(contract.provider) build. See https://docs.pact.io/go/provider_verification"))
                }
                if configured.isEmpty {
                    steps.append(Notice(type: "prompt", text: "    * Configure separate \(contract.provider) pact verification build and webhook to trigger it when the pact content changes. See https://docs.pact.io/go/webhooks"))
                }
                if !steps.isEmpty { steps.insert(Notice(type: "prompt", text: "  Next steps:"), at: 0) }
                published.append(PublishedContract(
                    view: view,
                    notices: [notice, Notice(type: "debug", text: "  View the published pact at \(urls.pact(contract.provider, name, version: number))")]
                        + comparisonNotices(comparisons, urls),
                    events: events, webhooks: configured, nextSteps: steps))
            }
            return (consumer, version, notices, published)
        }
        // After the commit: fire each pact's webhooks and say which fired where pact_broker says it.
        var notices = versionNotices
        for contract in published {
            notices += contract.notices
            notices += webhookNotices(await fireWebhooks(contract.events), configured: contract.webhooks, urls: urls)
            notices += contract.nextSteps
        }
        let views = published.map(\.view)
        let levels = ["success": "info", "prompt": "info", "debug": "debug", "warning": "warn", "error": "error", "info": "info"]
        return .ok([
            "notices": .array(notices.map(\.json)),
            // pact_broker's decorator marks every log "Replaced by notices"; the Rust pact-broker-cli requires the field.
            "logs": .array(notices.map {
                ["level": .string(levels[$0.type] ?? "info"), "message": .string($0.text),
                 "deprecationWarning": "Replaced by notices"]
            }),
            "_embedded": [
                "pacticipant": ["name": .string(consumer.name), "_links": ["self": Representations.link(urls.pacticipant(consumer.name))]],
                "version": ["number": .string(version.number), "buildUrl": Representations.optional(version.buildURL),
                            "_links": ["self": Representations.link(urls.version(name, number), title: "Version", name: number)]],
            ],
            "_links": [
                "pb:pacticipant": Representations.link(urls.pacticipant(name), title: "Pacticipant", name: name),
                "pb:pacticipant-version": Representations.link(urls.version(name, number), title: "Pacticipant version", name: number),
                "pb:pacticipant-version-tags": .array(tags.map { Representations.link(urls.tag(name, number, $0), title: "Tag", name: $0) }),
                "pb:contracts": .array(views.map { view in
                    Representations.link(urls.pact(view.provider.name, name, version: number), title: "Pact",
                                         name: "Pact between \(name) (\(number)) and \(view.provider.name)")
                }),
            ],
        ])
    }

    static func versionNotice(name: String, number: String, branch: String?, tags: [String], updated: Bool) -> Notice {
        var text = "\(updated ? "Updated" : "Created") \(name) version \(number)"
        if let branch { text += " with branch \(branch)" }
        if !tags.isEmpty { text += (branch == nil ? " with tags " : " and tags ") + tags.joined(separator: ", ") }
        return Notice(type: "debug", text: text)
    }

    /// Stores one pact for the version: a new revision when the content differs, none when it is the same.
    /// Changed content for a version that already has a pact is refused with 409, as pact_broker does unless
    /// `onConflict` is `merge` (then the interactions are merged).
    /// `versionIsNew`: the version was created in this transaction, so it has no pact to compare with.
    func publish(
        _ tx: any BrokerStoreTransaction, consumer: PacticipantRecord, version: VersionRecord, contract: ContractToPublish,
        versionIsNew: Bool = false, at now: Date
    ) async throws -> (PublicationView, Notice, [ContractComparisonOutcome]) {
        let provider = try await ensurePacticipant(tx, contract.provider, at: now)
        let existing = versionIsNew ? nil
            : try await tx.publications(providerID: provider.id, consumerID: consumer.id, scope: .consumerVersions([version.id])).first
        var content = contract.content
        let params = "\(consumer.name) version \(version.number) and provider \(provider.name)"
        var notice = Notice(type: "success", text: "Pact successfully published for \(params).")
        if let existing {
            if existing.content.sha == content.sha {
                return (existing, Notice(type: "success", text: "Pact successfully republished for \(params) with no content changes."), [])
            }
            if contract.merge {
                content = PactContent(json: Self.merged(existing: existing.content.content, new: content.json))
                notice = Notice(type: "success", text: "Pact content merged with existing content for \(params).")
            } else {
                let text = "Cannot change the content of the pact for \(params), as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer version number. Some Pact libraries generate random data when a concrete value for a type matcher is not specified, and this can cause the contract to mutate - ensure you have given example values for all type matchers. For more information see https://docs.pact.io/go/versioning"
                throw APIError.conflict(["errors": ["contracts": [.string(text)]], "notices": [["type": "error", "text": .string(text)]]])
            }
        }
        let stored = try await tx.ensurePactContent(sha: content.sha, consumerID: consumer.id, providerID: provider.id,
                                                    content: content.canonical, at: now)
        let publication = try await tx.insertPublication(consumerVersionID: version.id, providerID: provider.id, pactContentID: stored.id, at: now)
        let view = PublicationView(publication: publication, consumer: consumer, provider: provider, consumerVersion: version, content: stored)
        // Bi-directional contracts: the new pact compared with the provider's contracts (nothing when it has none).
        let comparisons = try await compareWithProviderContracts(tx, view: view, at: now)
        return (view, notice, comparisons)
    }

    /// The existing pact with the new one's interactions added (same description and provider states replace).
    static func merged(existing: String, new: JSONValue) -> JSONValue {
        guard case .object(var members) = (try? JSONParser.parse(existing)) ?? .null,
              let old = members["interactions"]?.arrayValue, let added = new["interactions"]?.arrayValue else { return new }
        func key(_ i: JSONValue) -> String {
            (i["description"]?.stringValue ?? "") + "|" + JSONWriter.compact(i["providerStates"] ?? i["providerState"] ?? .null)
        }
        var result = old.filter { o in !added.contains { key($0) == key(o) } }
        result += added
        members["interactions"] = .array(result)
        return .object(members)
    }

    /// `PUT /pacts/provider/P/consumer/C/version/V`: 201 for a new pact, 200 when the version had one.
    func putPact(_ r: APIRequest, _ urls: BrokerURLs, provider: String, consumer: String, number: String) async throws -> APIReply {
        let content = try PactContent(bytes: r.body, field: "body")
        if let inner = content.json["consumer"]?["name"]?.stringValue, inner != consumer {
            throw APIError.badRequest(["consumer": ["name in pact '\(inner)' does not match name in URL path '\(consumer)'."]])
        }
        if let inner = content.json["provider"]?["name"]?.stringValue, inner != provider {
            throw APIError.badRequest(["provider": ["name in pact '\(inner)' does not match name in URL path '\(provider)'."]])
        }
        let now = now()
        let (view, created, events) = try await store.write { tx -> (PublicationView, Bool, [WebhookEventToFire]) in
            let (c, v) = try await ensureVersion(tx, pacticipant: consumer, number: number, at: now)
            // The version's tags matter only to the webhooks' baseline.
            let baseline = try await webhooksInUse(tx)
                ? try await webhookBaseline(tx, consumerID: c.id, provider: provider, versionID: v.id,
                                            tags: try await tx.tagNames(versionID: v.id))
                : nil
            let providerRecord = try await tx.pacticipant(named: provider)
            let existed = try await providerRecord.asyncFlatMap {
                try await tx.publications(providerID: $0.id, consumerID: c.id, scope: .consumerVersions([v.id])).first
            } != nil
            let (view, _, _) = try await publish(tx, consumer: c, version: v, contract: ContractToPublish(provider: provider, content: content, merge: false), at: now)
            let events = try await baseline.asyncFlatMap { try await publicationEvents(tx, view: view, baseline: $0, urls: urls) } ?? []
            return (view, !existed, events)
        }
        await fireWebhooks(events)
        return APIReply(status: created ? 201 : 200, body: PactRepresentation.json(view, urls))
    }
}
