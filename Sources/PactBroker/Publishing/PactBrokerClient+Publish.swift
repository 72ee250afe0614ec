import Foundation
import PactModel

extension PactBrokerClient {
    /// Publishes every pact: one `pb:publish-contracts` call per consumer; on brokers without it (< 2.86), the branch
    /// and tags are set first and each pact is PUT to `pb:publish-pact`. Stops at the first failure.
    public func publish(_ publication: PactPublication) async throws(BrokerError) -> [PublicationOutcome] {
        let index = try await index()
        var consumers: [String] = []
        for pact in publication.pacts where !consumers.contains(pact.consumer) { consumers.append(pact.consumer) }
        var outcomes: [PublicationOutcome] = []
        for consumer in consumers {
            let pacts = publication.pacts.filter { $0.consumer == consumer }
            if let link = index.link("pb:publish-contracts") {
                outcomes.append(try await publishContracts(pacts, consumer: consumer, publication, to: link.url()))
            } else {
                outcomes.append(try await publishLegacy(pacts, consumer: consumer, publication, index: index))
            }
        }
        return outcomes
    }

    private func publishContracts(
        _ pacts: [PactFileToPublish], consumer: String, _ publication: PactPublication, to url: URL
    ) async throws(BrokerError) -> PublicationOutcome {
        var body: [String: JSONValue] = [
            "pacticipantName": .string(consumer),
            "pacticipantVersionNumber": .string(publication.consumerVersion),
            "contracts": .array(pacts.map { pact in
                .object(["consumerName": .string(pact.consumer), "providerName": .string(pact.provider),
                         "specification": "pact", "contentType": "application/json",
                         "content": .string(pact.data.base64EncodedString())])
            }),
        ]
        if let branch = publication.branch { body["branch"] = .string(branch) }
        if !publication.tags.isEmpty { body["tags"] = .array(publication.tags.map(JSONValue.string)) }
        if let buildURL = publication.buildURL { body["buildUrl"] = .string(buildURL) }
        // Publishing the same content again is harmless, so a retry after a lost answer is safe.
        let response = try await send("POST", url, json: .object(body), idempotent: true)
        var notices = BrokerNotice.list(in: response.json)
        if notices.isEmpty {
            notices = (response.json?["logs"]?.arrayValue ?? []).compactMap { log in
                log["message"]?.stringValue.map { BrokerNotice(type: log["level"]?.stringValue, text: $0) }
            }
        }
        if notices.isEmpty {
            notices = [BrokerNotice(type: "success", text: "Published \(pacts.count) pact(s) for \(consumer) version \(publication.consumerVersion)")]
        }
        return PublicationOutcome(consumer: consumer, notices: notices, usedLegacyPublishing: false)
    }

    private func publishLegacy(
        _ pacts: [PactFileToPublish], consumer: String, _ publication: PactPublication, index: HALResource
    ) async throws(BrokerError) -> PublicationOutcome {
        let version = publication.consumerVersion
        var notices: [BrokerNotice] = []
        if let branch = publication.branch {
            let link = try index.requiredLink("pb:pacticipant-branch-version", purpose: "set the consumer version's branch")
            _ = try await send("PUT", link.url(["pacticipant": consumer, "branch": branch, "version": version]), json: .object([:]))
            notices.append(BrokerNotice(type: "info", text: "Added \(consumer) version \(version) to branch \(branch)"))
        }
        // Tags first, so that webhooks fired by the publication see them.
        for tag in publication.tags {
            let link = try index.requiredLink("pb:pacticipant-version-tag", purpose: "tag the consumer version")
            _ = try await send("PUT", link.url(["pacticipant": consumer, "version": version, "tag": tag]), json: .object([:]))
            notices.append(BrokerNotice(type: "info", text: "Tagged \(consumer) version \(version) with \(tag)"))
        }
        let link = try index.requiredLink("pb:publish-pact", purpose: "publish pacts")
        for pact in pacts {
            let url = try link.url(["provider": pact.provider, "consumer": consumer, "consumerApplicationVersion": version])
            let json: JSONValue
            do {
                json = try JSONParser.parse(pact.data)
            } catch {
                throw BrokerError(kind: .invalidInput, reason: "\(pact.path) is not JSON: \(error)")
            }
            _ = try await send("PUT", url, json: json)
            notices.append(BrokerNotice(type: "success",
                                        text: "Published the pact between \(consumer) version \(version) and \(pact.provider)"))
        }
        return PublicationOutcome(consumer: consumer, notices: notices, usedLegacyPublishing: true)
    }
}
