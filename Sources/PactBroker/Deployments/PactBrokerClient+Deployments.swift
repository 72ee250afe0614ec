import Foundation
import PactModel

extension PactBrokerClient {
    /// Records that `version` of `pacticipant` is deployed to `environment` (replacing the version deployed there
    /// before, for the same application instance). Returns the broker's deployed-version resource.
    @discardableResult
    public func recordDeployment(
        pacticipant: String, version: String, environment: String, applicationInstance: String? = nil
    ) async throws(BrokerError) -> HALResource {
        var body: [String: JSONValue] = [:]
        if let applicationInstance {
            // `target` is the old name, still read by older brokers.
            body = ["applicationInstance": .string(applicationInstance), "target": .string(applicationInstance)]
        }
        return try await record("pb:record-deployment", pacticipant: pacticipant, version: version,
                                environment: environment, body: .object(body))
    }

    /// Records that `version` of `pacticipant` is released (and supported) in `environment`.
    @discardableResult
    public func recordRelease(pacticipant: String, version: String, environment: String) async throws(BrokerError) -> HALResource {
        try await record("pb:record-release", pacticipant: pacticipant, version: version, environment: environment, body: .object([:]))
    }

    /// Marks the versions of `pacticipant` currently deployed to `environment` (for `applicationInstance`, or
    /// those without one) as no longer deployed. Returns the version numbers undeployed; none is an error.
    public func recordUndeployment(
        pacticipant: String, environment: String, applicationInstance: String? = nil
    ) async throws(BrokerError) -> [String] {
        let environmentResource = try await environmentNamed(environment)
        guard let link = environmentResource.link("pb:currently-deployed-deployed-versions")
            ?? environmentResource.link("pb:currently-deployed-versions")
        else {
            throw BrokerError(kind: .unsupported,
                              reason: "the environment '\(environment)' has no 'pb:currently-deployed-deployed-versions' link (the broker may be too old)")
        }
        let base = try link.url()
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: true) else {
            throw BrokerError(kind: .malformedResponse, reason: "the link '\(link.href)' is not a URL")
        }
        components.percentEncodedQuery = (components.percentEncodedQuery.map { $0 + "&" } ?? "")
            + "pacticipant=" + HALLink.encode(pacticipant)
        let list = try await resource(at: components.url ?? base, what: "the versions deployed to \(environment)")
        let matching = list.embedded("deployedVersions").filter { item in
            let instance = item["applicationInstance"]?.stringValue ?? item["target"]?.stringValue
            return instance == applicationInstance
        }
        if matching.isEmpty {
            let instance = applicationInstance.map { " (application instance \($0))" } ?? ""
            throw BrokerError(kind: .notFound, reason: "\(pacticipant) is not currently deployed to \(environment)\(instance)")
        }
        var undeployed: [String] = []
        for item in matching {
            let resource = HALResource(json: item, url: list.url)
            let link = try resource.requiredLink("self", purpose: "mark the deployed version as undeployed")
            let response = try await send("PATCH", link.url(), json: ["currentlyDeployed": false],
                                          contentType: "application/merge-patch+json", idempotent: true)
            undeployed.append(response.json?["_embedded"]?["version"]?["number"]?.stringValue
                              ?? item["_embedded"]?["version"]?["number"]?.stringValue ?? "?")
        }
        return undeployed
    }

    /// Adds `tags` to `version` of `pacticipant` (creating the pacticipant and version if needed).
    public func createVersionTags(pacticipant: String, version: String, tags: [String]) async throws(BrokerError) {
        let index = try await index()
        let link = try index.requiredLink("pb:pacticipant-version-tag", purpose: "tag a version")
        for tag in tags {
            _ = try await send("PUT", link.url(["pacticipant": pacticipant, "version": version, "tag": tag]), json: .object([:]))
        }
    }

    private func record(
        _ rel: String, pacticipant: String, version: String, environment: String, body: JSONValue
    ) async throws(BrokerError) -> HALResource {
        let index = try await index()
        let versionLink = try index.requiredLink("pb:pacticipant-version", purpose: "find the pacticipant version")
        let versionURL = try versionLink.url(["pacticipant": pacticipant, "version": version])
        let versionResource: HALResource
        do {
            versionResource = try await resource(at: versionURL, what: "\(pacticipant) version \(version)")
        } catch where error.kind == .notFound {
            var error = error
            error.reason = "\(pacticipant) version \(version) not found: publish its pacts or verification results first, or check the names"
            throw error
        }
        guard versionResource.json["_links"]?[rel] != nil else {
            throw BrokerError(kind: .unsupported,
                              reason: "\(pacticipant) version \(version) has no '\(rel)' link: the broker may be older than 2.81.0, or the credentials may lack the permission")
        }
        guard let link = versionResource.link(rel, named: environment) else {
            let available = versionResource.links(rel).compactMap(\.name)
            throw BrokerError(kind: .notFound,
                              reason: "no environment named '\(environment)' is available for \(pacticipant) version \(version)"
                                + (available.isEmpty ? "" : " (available: \(available.joined(separator: ", ")))"))
        }
        let response = try await send("POST", link.url(), json: body, idempotent: false)
        return HALResource(json: response.json ?? .object([:]), url: try link.url())
    }

    private func environmentNamed(_ name: String) async throws(BrokerError) -> HALResource {
        let index = try await index()
        let listLink = try index.requiredLink("pb:environments", purpose: "find the environment")
        let list = try await resource(at: listLink.url(), what: "the environments")
        if let link = list.link("pb:environments", named: name) {
            return try await resource(at: link.url(), what: "the environment \(name)")
        }
        for item in list.embedded("environments") where item["name"]?.stringValue == name {
            if let href = item["_links"]?["self"]?["href"]?.stringValue {
                return try await resource(at: HALLink(href: href, base: list.url).url(), what: "the environment \(name)")
            }
            return HALResource(json: item, url: list.url)
        }
        let names = list.embedded("environments").compactMap { $0["name"]?.stringValue }
        throw BrokerError(kind: .notFound, reason: "no environment found with name '\(name)'"
                            + (names.isEmpty ? "" : " (known: \(names.joined(separator: ", ")))"))
    }
}
