import Crypto
import Foundation
import PactModel

/// A pact document as published: its JSON, canonical text and content sha.
struct PactContent: Sendable {
    var json: JSONValue
    /// Compact JSON with sorted keys: the same content however it was laid out.
    var canonical: String
    /// SHA-1 of `canonical`, the pact version sha.
    var sha: String

    /// Parses `bytes`; `field` names where they came from in an error.
    init(bytes: [UInt8], field: String) throws(APIError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(Data(bytes))
        } catch {
            throw APIError.badRequest([field: ["is not valid JSON: \(error)"]])
        }
        guard json.objectValue != nil else { throw APIError.badRequest([field: ["must be a JSON object"]]) }
        self.init(json: json)
    }

    init(json: JSONValue) {
        // Links a client copied from the broker are not content.
        var json = json
        if case .object(var members) = json {
            members["_links"] = nil
            members["createdAt"] = nil
            json = .object(members)
        }
        self.json = json
        canonical = JSONWriter.compact(json)
        sha = Insecure.SHA1.hash(data: Array(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The pact JSON a GET returns: the content plus `createdAt` and the links verifiers follow.
enum PactRepresentation {
    static func json(_ view: PublicationView, _ urls: BrokerURLs, metadata: String? = nil) -> JSONValue {
        let consumer = view.consumer.name, provider = view.provider.name, number = view.consumerVersion.number
        var members = (try? JSONParser.parse(view.content.content))?.objectValue ?? [:]
        members["createdAt"] = .string(BrokerTime.text(view.publication.createdAt))
        let title = "Pact between \(consumer) (\(number)) and \(provider)"
        members["_links"] = [
            "self": Representations.link(urls.pact(provider, consumer, version: number), title: "Pact", name: title),
            "pb:consumer": Representations.link(urls.pacticipant(consumer), title: "Consumer", name: consumer),
            "pb:consumer-version": Representations.link(urls.version(consumer, number), title: "Consumer version", name: number),
            "pb:provider": Representations.link(urls.pacticipant(provider), title: "Provider", name: provider),
            "pb:pact-version": Representations.link(urls.pactVersion(provider, consumer, sha: view.content.sha), title: "Pact content version permalink", name: view.content.sha),
            "pb:latest-pact-version": Representations.link(urls.latestPact(provider, consumer), title: "Latest version of this pact"),
            "pb:publish-verification-results": Representations.link(
                urls.verificationResults(provider, consumer, sha: view.content.sha, metadata: metadata),
                title: "Publish verification results"),
            "pb:latest-verification-results": Representations.link(
                urls.pactVersion(provider, consumer, sha: view.content.sha) + "/verification-results/latest",
                title: "Latest verification results"),
            "pb:consumer-versions": .array([Representations.link(urls.version(consumer, number), title: "Consumer version", name: number)]),
        ]
        return .object(members)
    }
}
