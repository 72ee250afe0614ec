import Foundation

/// The absolute URLs of the broker's resources, as pact_broker's `PactBrokerUrls` builds them.
struct BrokerURLs: Sendable {
    let base: String

    /// A path segment with everything but unreserved characters percent-encoded (names may hold spaces or '/').
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private func url(_ parts: String...) -> String { base + "/" + parts.map(Self.segment).joined(separator: "/") }

    var index: String { base + "/" }
    var pacticipants: String { url("pacticipants") }
    func pacticipant(_ name: String) -> String { url("pacticipants", name) }
    func versions(_ name: String) -> String { url("pacticipants", name, "versions") }
    func label(_ name: String, _ label: String) -> String { url("pacticipants", name, "labels", label) }
    var labels: String { url("labels") }
    func version(_ name: String, _ number: String) -> String { url("pacticipants", name, "versions", number) }
    func latestVersion(_ name: String) -> String { url("pacticipants", name, "latest-version") }
    func tag(_ name: String, _ number: String, _ tag: String) -> String { url("pacticipants", name, "versions", number, "tags", tag) }
    func branch(_ name: String, _ branch: String) -> String { url("pacticipants", name, "branches", branch) }
    func branchVersion(_ name: String, _ branch: String, _ number: String) -> String {
        url("pacticipants", name, "branches", branch, "versions", number)
    }
    func pact(_ provider: String, _ consumer: String, version: String) -> String {
        url("pacts", "provider", provider, "consumer", consumer, "version", version)
    }
    func pactVersion(_ provider: String, _ consumer: String, sha: String, metadata: String? = nil) -> String {
        let plain = url("pacts", "provider", provider, "consumer", consumer, "pact-version", sha)
        return metadata.map { plain + "/metadata/" + Self.segment($0) } ?? plain
    }
    func latestPact(_ provider: String, _ consumer: String) -> String { url("pacts", "provider", provider, "consumer", consumer, "latest") }
    func verificationResults(_ provider: String, _ consumer: String, sha: String, metadata: String? = nil) -> String {
        pactVersion(provider, consumer, sha: sha, metadata: metadata) + "/verification-results"
    }
    func verificationResult(_ provider: String, _ consumer: String, sha: String, number: Int) -> String {
        url("pacts", "provider", provider, "consumer", consumer, "pact-version", sha, "verification-results", String(number))
    }
    func forVerification(_ provider: String) -> String { url("pacts", "provider", provider, "for-verification") }
    var environments: String { url("environments") }
    func environment(_ uuid: String) -> String { url("environments", uuid) }
    func deployedVersion(_ uuid: String) -> String { url("deployed-versions", uuid) }
    func releasedVersion(_ uuid: String) -> String { url("released-versions", uuid) }
    func recordDeployment(_ name: String, _ number: String, environment uuid: String) -> String {
        url("pacticipants", name, "versions", number, "deployed-versions", "environment", uuid)
    }
    func recordRelease(_ name: String, _ number: String, environment uuid: String) -> String {
        url("pacticipants", name, "versions", number, "released-versions", "environment", uuid)
    }
}
