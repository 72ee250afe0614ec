import Foundation
import PactModel

/// The JSON of each resource, as pact_broker's decorators write it.
enum Representations {
    static func link(_ href: String, title: String? = nil, name: String? = nil, templated: Bool = false) -> JSONValue {
        var out: [String: JSONValue] = ["href": .string(href)]
        if let title { out["title"] = .string(title) }
        if let name { out["name"] = .string(name) }
        if templated { out["templated"] = true }
        return .object(out)
    }

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// A pacticipant (pact_broker's `PacticipantDecorator`): `labels` embeds its labels when given.
    static func pacticipant(
        _ p: PacticipantRecord, _ urls: BrokerURLs, latestVersion: VersionRecord? = nil, labels: [LabelRecord]? = nil
    ) -> JSONValue {
        let this = urls.pacticipant(p.name)
        var out: [String: JSONValue] = [
            "name": .string(p.name),
            "displayName": .string(p.displayName ?? displayName(p.name)),
            "createdAt": .string(BrokerTime.text(p.createdAt)),
            "updatedAt": .string(BrokerTime.text(p.updatedAt)),
            "_links": [
                "self": link(this),
                "pb:versions": link(urls.versions(p.name)),
                "versions": link(urls.versions(p.name), title: "Deprecated - use pb:versions"),
                "pb:version": link(this + "/versions/{version}", title: "Get, create or delete a pacticipant version", templated: true),
                "pb:version-tag": link(this + "/versions/{version}/tags/{tag}", title: "Get, create or delete a tag for a version of \(p.name)", templated: true),
                "pb:branch-version": link(this + "/branches/{branch}/versions/{version}", title: "Get or add/create a version for a branch of \(p.name)", templated: true),
                "pb:branches": link(this + "/branches"),
                "pb:latest-version": link(urls.latestVersion(p.name)),
                "pb:can-i-deploy-badge": link(this + "/latest-version/{tag}/can-i-deploy/to/{environment}/badge", templated: true),
                "pb:label": link(this + "/labels/{label}", title: "Get, create or delete a label for \(p.name)", templated: true),
            ],
        ]
        if let mainBranch = p.mainBranch { out["mainBranch"] = .string(mainBranch) }
        if let repositoryURL = p.repositoryURL { out["repositoryUrl"] = .string(repositoryURL) }
        if let latestVersion {
            // pact_broker also embeds it under the deprecated name, marked so (`DasherizedVersionDecorator`).
            var deprecated = versionSummary(latestVersion, pacticipant: p.name, urls).objectValue ?? [:]
            deprecated["title"] = "DEPRECATED - please use latestVersion"
            deprecated["name"] = "DEPRECATED - please use latestVersion"
            out["_embedded"] = ["latestVersion": versionSummary(latestVersion, pacticipant: p.name, urls), "latest-version": .object(deprecated)]
        }
        if let labels {
            // pact_broker's `EmbeddedLabelDecorator`: the name and a link to the label.
            var embedded = out["_embedded"]?.objectValue ?? [:]
            embedded["labels"] = .array(labels.map { label in
                ["name": .string(label.name),
                 "_links": ["self": link(urls.label(p.name, label.name), title: "Label", name: label.name)]]
            })
            out["_embedded"] = .object(embedded)
        }
        return .object(out)
    }

    /// A pacticipant's label (pact_broker's `LabelDecorator`).
    static func label(_ label: LabelRecord, pacticipant: String, _ urls: BrokerURLs) -> JSONValue {
        ["name": .string(label.name), "createdAt": .string(BrokerTime.text(label.createdAt)),
         "_links": ["self": link(urls.label(pacticipant, label.name), title: "Label", name: label.name),
                    "pacticipant": link(urls.pacticipant(pacticipant), title: "Pacticipant", name: pacticipant)]]
    }

    /// A list of pacticipants (pact_broker's `PacticipantsDecorator`).
    static func pacticipantList(_ all: [PacticipantDetails], _ urls: BrokerURLs) -> JSONValue {
        ["_embedded": ["pacticipants": .array(all.map { pacticipant($0.pacticipant, urls, latestVersion: $0.latestVersion, labels: $0.labels) })],
         "_links": ["self": link(urls.pacticipants),
                    "pb:pacticipants-with-label": link(urls.pacticipants + "/label/{label}", title: "Find pacticipants by label", templated: true),
                    "pb:pacticipants": .array(all.map { link(urls.pacticipant($0.pacticipant.name), title: "Pacticipant", name: $0.pacticipant.name) }),
                    "pacticipants": .array(all.map { link(urls.pacticipant($0.pacticipant.name), title: $0.pacticipant.name, name: "DEPRECATED - please use pb:pacticipants") })]]
    }

    /// "foo-bar" → "Foo Bar", as pact_broker derives a display name.
    static func displayName(_ name: String) -> String {
        name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    static func versionSummary(_ v: VersionRecord, pacticipant: String, _ urls: BrokerURLs) -> JSONValue {
        ["number": .string(v.number), "_links": ["self": link(urls.version(pacticipant, v.number), title: "Version", name: v.number)]]
    }

    static func tag(_ name: String, version: String, pacticipant: String, _ urls: BrokerURLs, createdAt: Date? = nil) -> JSONValue {
        var out: [String: JSONValue] = [
            "name": .string(name),
            "_links": [
                "self": link(urls.tag(pacticipant, version, name), title: "Tag", name: name),
                "pb:version": link(urls.version(pacticipant, version), title: "Version", name: version),
                "pb:pacticipant": link(urls.pacticipant(pacticipant), title: "Pacticipant", name: pacticipant),
            ],
        ]
        if let createdAt { out["createdAt"] = .string(BrokerTime.text(createdAt)) }
        return .object(out)
    }

    static func version(
        _ v: VersionRecord, pacticipant: String, branches: [String], tags: [String], environments: [EnvironmentRecord],
        _ urls: BrokerURLs
    ) -> JSONValue {
        var out: [String: JSONValue] = [
            "number": .string(v.number),
            "createdAt": .string(BrokerTime.text(v.createdAt)),
            "_embedded": [
                "branchVersions": .array(branches.map { branch in
                    ["name": .string(branch), "_links": ["self": link(urls.branchVersion(pacticipant, branch, v.number), title: "Branch version", name: branch)]]
                }),
                "tags": .array(tags.map { tag($0, version: v.number, pacticipant: pacticipant, urls) }),
            ],
            "_links": [
                "self": link(urls.version(pacticipant, v.number), title: "Version", name: v.number),
                "pb:pacticipant": link(urls.pacticipant(pacticipant), title: "Pacticipant", name: pacticipant),
                "pb:tag": link(urls.version(pacticipant, v.number) + "/tags/{tag}", title: "Get, create or delete a tag for this pacticipant version", templated: true),
                "pb:record-deployment": .array(environments.map { e in
                    link(urls.recordDeployment(pacticipant, v.number, environment: e.uuid),
                         title: "Record deployment to \(e.displayName ?? e.name)", name: e.name)
                }),
                "pb:record-release": .array(environments.map { e in
                    link(urls.recordRelease(pacticipant, v.number, environment: e.uuid),
                         title: "Record release to \(e.displayName ?? e.name)", name: e.name)
                }),
            ],
        ]
        if let buildURL = v.buildURL { out["buildUrl"] = .string(buildURL) }
        return .object(out)
    }

    static func environment(_ e: EnvironmentRecord, _ urls: BrokerURLs) -> JSONValue {
        let this = urls.environment(e.uuid)
        var out: [String: JSONValue] = [
            "uuid": .string(e.uuid),
            "name": .string(e.name),
            "displayName": .string(e.displayName ?? displayName(e.name)),
            "production": .bool(e.production),
            "createdAt": .string(BrokerTime.text(e.createdAt)),
            "_links": [
                "self": link(this, title: "Environment", name: e.name),
                "pb:currently-deployed-deployed-versions": link(this + "/deployed-versions/currently-deployed", title: "Versions currently deployed to \(e.displayName ?? e.name) environment"),
                "pb:currently-supported-released-versions": link(this + "/released-versions/currently-supported", title: "Versions released and supported in \(e.displayName ?? e.name) environment"),
                "pb:environments": link(urls.environments, title: "Environments"),
            ],
        ]
        if let contacts = e.contacts, let json = try? JSONParser.parse(contacts) { out["contacts"] = json }
        if e.updatedAt != e.createdAt { out["updatedAt"] = .string(BrokerTime.text(e.updatedAt)) }
        return .object(out)
    }

    static func deployedVersion(
        _ d: DeployedVersionRecord, version: VersionRecord, pacticipant: String, environment: EnvironmentRecord, _ urls: BrokerURLs
    ) -> JSONValue {
        var out: [String: JSONValue] = [
            "uuid": .string(d.uuid),
            "currentlyDeployed": .bool(d.undeployedAt == nil),
            "applicationInstance": optional(d.applicationInstance),
            "target": optional(d.applicationInstance),
            "createdAt": .string(BrokerTime.text(d.createdAt)),
            "_embedded": [
                "version": versionSummary(version, pacticipant: pacticipant, urls),
                "environment": environmentSummary(environment, urls),
                "pacticipant": ["name": .string(pacticipant), "_links": ["self": link(urls.pacticipant(pacticipant))]],
            ],
            "_links": ["self": link(urls.deployedVersion(d.uuid), title: "Deployed version", name: "\(pacticipant) \(version.number)")],
        ]
        if let undeployedAt = d.undeployedAt { out["undeployedAt"] = .string(BrokerTime.text(undeployedAt)) }
        return .object(out)
    }

    static func releasedVersion(
        _ r: ReleasedVersionRecord, version: VersionRecord, pacticipant: String, environment: EnvironmentRecord, _ urls: BrokerURLs
    ) -> JSONValue {
        var out: [String: JSONValue] = [
            "uuid": .string(r.uuid),
            "currentlySupported": .bool(r.supportEndedAt == nil),
            "createdAt": .string(BrokerTime.text(r.createdAt)),
            "_embedded": [
                "version": versionSummary(version, pacticipant: pacticipant, urls),
                "environment": environmentSummary(environment, urls),
                "pacticipant": ["name": .string(pacticipant), "_links": ["self": link(urls.pacticipant(pacticipant))]],
            ],
            "_links": ["self": link(urls.releasedVersion(r.uuid), title: "Released version", name: "\(pacticipant) \(version.number)")],
        ]
        if let ended = r.supportEndedAt { out["supportEndedAt"] = .string(BrokerTime.text(ended)) }
        return .object(out)
    }

    static func environmentSummary(_ e: EnvironmentRecord, _ urls: BrokerURLs) -> JSONValue {
        ["uuid": .string(e.uuid), "name": .string(e.name), "displayName": .string(e.displayName ?? displayName(e.name)),
         "production": .bool(e.production), "_links": ["self": link(urls.environment(e.uuid), title: "Environment", name: e.name)]]
    }
}
