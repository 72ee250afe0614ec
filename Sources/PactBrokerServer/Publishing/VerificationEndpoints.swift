import Foundation
import PactModel

/// Publishing and reading verification results.
extension BrokerAPI {
    func publishVerification(_ r: APIRequest, _ urls: BrokerURLs, provider: String, consumer: String, sha: String) async throws -> APIReply {
        let body = try r.jsonObject()
        var errors: [String: [String]] = [:]
        if body["success"]?.boolValue == nil { errors["success", default: []].append("must be true or false") }
        let number = body["providerApplicationVersion"]?.stringValue ?? ""
        if number.isEmpty { errors["providerApplicationVersion", default: []].append("can't be blank") }
        if let results = body["testResults"], results.arrayValue == nil, !results.isNull {
            errors["testResults", default: []].append("must be an array")
        }
        guard errors.isEmpty, let success = body["success"]?.boolValue else { throw APIError.badRequest(errors) }
        let buildURL = body["buildUrl"]?.stringValue
        let details = JSONWriter.compact(.object(body))
        let now = now()
        let (record, view, events) = try await store.write { tx -> (VerificationRecord, PublicationView, [WebhookEventToFire]) in
            guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer),
                  let content = try await tx.pactContent(sha: sha, consumerID: c.id, providerID: p.id),
                  let view = try await tx.latestPublication(pactContentID: content.id)
            else { throw APIError.notFound() }
            let (providerVersion, _) = try await ensureVersion(tx, of: p, number: number, buildURL: nil, at: now)
            let record = try await tx.insertVerification(pactContentID: content.id, providerVersionID: providerVersion.id,
                                                         success: success, buildURL: buildURL, details: details, at: now)
            let events = try await verificationEvents(tx, view: view, verification: record, providerVersion: providerVersion, urls: urls)
            return (record, view, events)
        }
        await fireWebhooks(events)
        let json = Self.verificationJSON(record, view: view, providerVersion: number, urls)
        return .created(json, location: urls.verificationResult(provider, consumer, sha: sha, number: record.number))
    }

    func verificationReply(_ urls: BrokerURLs, provider: String, consumer: String, sha: String, number: String) async throws -> APIReply {
        let found = try await store.read { tx -> (VerificationRecord, PublicationView, String, ContractComparisonRecord?)? in
            guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer),
                  let content = try await tx.pactContent(sha: sha, consumerID: c.id, providerID: p.id),
                  let view = try await tx.latestPublication(pactContentID: content.id) else { return nil }
            let all = try await tx.verifications(pactContentID: content.id)
            guard let record = number == "latest" ? all.last : all.first(where: { String($0.number) == number }) else { return nil }
            return (record, view, try await tx.version(id: record.providerVersionID)?.number ?? "",
                    try await tx.contractComparison(verificationID: record.id))
        }
        guard let (record, view, providerVersion, comparison) = found else { throw APIError.notFound() }
        var json = Self.verificationJSON(record, view: view, providerVersion: providerVersion, urls)
        if let comparison {
            ProviderContractRepresentation.addComparison(comparison, details: record.details, provider: provider,
                                                         providerVersion: providerVersion, to: &json, urls)
        }
        return .ok(json)
    }

    static func verificationJSON(_ v: VerificationRecord, view: PublicationView, providerVersion: String, _ urls: BrokerURLs) -> JSONValue {
        let details = (try? JSONParser.parse(v.details))?.objectValue ?? [:]
        let provider = view.provider.name, consumer = view.consumer.name
        var out: [String: JSONValue] = [
            "providerName": .string(provider),
            "providerApplicationVersion": .string(providerVersion),
            "success": .bool(v.success),
            "verificationDate": .string(BrokerTime.text(v.createdAt)),
            "testResults": details["testResults"] ?? .array([]),
            "_links": [
                "self": Representations.link(urls.verificationResult(provider, consumer, sha: view.content.sha, number: v.number),
                                             title: "Verification result",
                                             name: "Verification result \(v.number) for Pact between \(consumer) (\(view.consumerVersion.number)) and \(provider)"),
                "pb:pact-version": Representations.link(urls.pactVersion(provider, consumer, sha: view.content.sha), title: "Pact",
                                                        name: "Pact between \(consumer) (\(view.consumerVersion.number)) and \(provider)"),
                "pb:provider-version": Representations.link(urls.version(provider, providerVersion), title: "Provider version", name: providerVersion),
            ],
        ]
        if let buildURL = v.buildURL { out["buildUrl"] = .string(buildURL) }
        if let verifiedBy = details["verifiedBy"] { out["verifiedBy"] = verifiedBy }
        return .object(out)
    }
}
