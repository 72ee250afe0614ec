import Foundation
import PactModel

/// Environments, and the versions deployed or released to them.
extension BrokerAPI {
    func environmentRoutes(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        let s = r.segments
        let now = now()
        if s.matches("environments") {
            try r.allow("GET", "POST")
            if r.method == "POST" {
                let fields = try environmentFields(r)
                let created = try await store.write { tx -> EnvironmentRecord in
                    if try await tx.environment(named: fields.name) != nil {
                        throw APIError.badRequest(["name": ["Another environment with name '\(fields.name)' already exists."]])
                    }
                    let uuid = fields.uuid ?? UUID().uuidString.lowercased()
                    return try await tx.insertEnvironment(EnvironmentRecord(
                        id: 0, uuid: uuid, name: fields.name, displayName: fields.displayName, production: fields.production,
                        contacts: fields.contacts, createdAt: now, updatedAt: now))
                }
                return .created(Representations.environment(created, urls), location: urls.environment(created.uuid))
            }
            let all = try await store.read { tx in try await tx.environments() }
            let name = r.queryValue("name")
            let shown = all.filter { name == nil || $0.name == name }
            return .ok(["_embedded": ["environments": .array(shown.map { Representations.environment($0, urls) })],
                        "_links": ["self": Representations.link(urls.environments, title: "Environments"),
                                   "pb:environments": .array(shown.map { Representations.link(urls.environment($0.uuid), title: "Environment", name: $0.name) })]])
        }
        let uuid = s[1]
        if s.count == 2 {
            try r.allow("GET", "PUT", "DELETE")
            switch r.method {
            case "PUT":
                let fields = try environmentFields(r)
                let updated = try await store.write { tx -> EnvironmentRecord in
                    guard var e = try await tx.environment(uuid: uuid) else { throw APIError.notFound() }
                    e.name = fields.name
                    e.displayName = fields.displayName
                    e.production = fields.production
                    e.contacts = fields.contacts
                    e.updatedAt = now
                    try await tx.updateEnvironment(e)
                    return e
                }
                return .ok(Representations.environment(updated, urls))
            case "DELETE":
                try await store.write { tx in
                    guard let e = try await tx.environment(uuid: uuid) else { throw APIError.notFound() }
                    try await tx.deleteEnvironment(id: e.id)
                }
                return .noContent
            default:
                guard let e = try await store.read({ tx in try await tx.environment(uuid: uuid) }) else { throw APIError.notFound() }
                return .ok(Representations.environment(e, urls))
            }
        }
        if s.matches("environments", nil, "deployed-versions", "currently-deployed") || s.matches("environments", nil, "released-versions", "currently-supported") {
            try r.allow("GET")
            let deployed = s[2] == "deployed-versions"
            let pacticipantName = r.queryValue("pacticipant")
            let items = try await store.read { tx -> [JSONValue]? in
                guard let e = try await tx.environment(uuid: uuid) else { return nil }
                var pacticipantID: RowID?
                if let pacticipantName {
                    guard let p = try await tx.pacticipant(named: pacticipantName) else { return [] }
                    pacticipantID = p.id
                }
                var out: [JSONValue] = []
                if deployed {
                    for d in try await tx.currentlyDeployed(environmentID: e.id, pacticipantID: pacticipantID) {
                        guard let v = try await tx.version(id: d.versionID), let p = try await tx.pacticipant(id: d.pacticipantID) else { continue }
                        out.append(Representations.deployedVersion(d, version: v, pacticipant: p.name, environment: e, urls))
                    }
                } else {
                    for released in try await tx.currentlySupported(environmentID: e.id, pacticipantID: pacticipantID) {
                        guard let v = try await tx.version(id: released.versionID), let p = try await tx.pacticipant(id: released.pacticipantID) else { continue }
                        out.append(Representations.releasedVersion(released, version: v, pacticipant: p.name, environment: e, urls))
                    }
                }
                return out
            }
            guard let items else { throw APIError.notFound() }
            let key = deployed ? "deployedVersions" : "releasedVersions"
            let title = deployed ? "Currently deployed versions" : "Currently supported released versions"
            let selfURL = r.base + "/" + s.map(BrokerURLs.segment).joined(separator: "/")
            return .ok(["_embedded": [key: .array(items)], "_links": ["self": Representations.link(selfURL, title: title)]])
        }
        throw APIError.notFound()
    }

    private struct EnvironmentFields {
        var uuid: String?
        var name: String
        var displayName: String?
        var production: Bool
        var contacts: String?
    }

    private func environmentFields(_ r: APIRequest) throws -> EnvironmentFields {
        let body = try r.jsonObject()
        var errors: [String: [String]] = [:]
        let name = body["name"]?.stringValue ?? ""
        if name.isEmpty { errors["name", default: []].append("is missing") }
        if name.contains(" ") { errors["name", default: []].append("cannot contain spaces") }
        if name.contains("\n") { errors["name", default: []].append("cannot contain multiple lines") }
        guard let production = body["production"]?.boolValue else {
            errors["production", default: []].append("is missing")
            throw APIError.badRequest(errors)
        }
        if let uuid = body["uuid"]?.stringValue, uuid.range(of: "^[A-Za-z0-9_\\-]{16,}$", options: .regularExpression) == nil {
            errors["uuid", default: []].append("must be specified and consist of at least 16 characters, letters, numbers, hyphens and underscores")
        }
        guard errors.isEmpty else { throw APIError.badRequest(errors) }
        return EnvironmentFields(uuid: body["uuid"]?.stringValue, name: name, displayName: body["displayName"]?.stringValue,
                                 production: production, contacts: body["contacts"].map(JSONWriter.compact))
    }

    func recordDeployment(_ r: APIRequest, _ urls: BrokerURLs, name: String, number: String, environmentUUID: String) async throws -> APIReply {
        try r.allow("POST")
        let body = try r.jsonObject()
        let instance = body["applicationInstance"]?.stringValue ?? body["target"]?.stringValue
        let now = now()
        let json = try await store.write { tx -> JSONValue in
            let p = try await requirePacticipant(tx, name)
            guard let v = try await tx.version(pacticipantID: p.id, number: number),
                  let e = try await tx.environment(uuid: environmentUUID) else { throw APIError.notFound() }
            // A new deployment of the same application instance replaces the one before it.
            for previous in try await tx.currentlyDeployed(environmentID: e.id, pacticipantID: p.id) where previous.applicationInstance == instance {
                var undeployed = previous
                undeployed.undeployedAt = now
                try await tx.updateDeployedVersion(undeployed)
            }
            let d = try await tx.insertDeployedVersion(DeployedVersionRecord(
                id: 0, uuid: UUID().uuidString.lowercased(), versionID: v.id, pacticipantID: p.id, environmentID: e.id,
                applicationInstance: instance, createdAt: now, undeployedAt: nil))
            return Representations.deployedVersion(d, version: v, pacticipant: p.name, environment: e, urls)
        }
        return .created(json, location: json["_links"]?["self"]?["href"]?.stringValue)
    }

    func recordRelease(_ r: APIRequest, _ urls: BrokerURLs, name: String, number: String, environmentUUID: String) async throws -> APIReply {
        try r.allow("POST")
        _ = try r.jsonObject()
        let now = now()
        let (json, created) = try await store.write { tx -> (JSONValue, Bool) in
            let p = try await requirePacticipant(tx, name)
            guard let v = try await tx.version(pacticipantID: p.id, number: number),
                  let e = try await tx.environment(uuid: environmentUUID) else { throw APIError.notFound() }
            if var existing = try await tx.releasedVersion(versionID: v.id, environmentID: e.id) {
                if existing.supportEndedAt != nil {
                    existing.supportEndedAt = nil
                    try await tx.updateReleasedVersion(existing)
                }
                return (Representations.releasedVersion(existing, version: v, pacticipant: p.name, environment: e, urls), false)
            }
            let released = try await tx.insertReleasedVersion(ReleasedVersionRecord(
                id: 0, uuid: UUID().uuidString.lowercased(), versionID: v.id, pacticipantID: p.id, environmentID: e.id,
                createdAt: now, supportEndedAt: nil))
            return (Representations.releasedVersion(released, version: v, pacticipant: p.name, environment: e, urls), true)
        }
        return APIReply(status: created ? 201 : 200, body: json,
                        headers: json["_links"]?["self"]?["href"]?.stringValue.map { [("Location", $0)] } ?? [])
    }

    func deployedVersion(_ r: APIRequest, _ urls: BrokerURLs, uuid: String) async throws -> APIReply {
        try r.allow("GET", "PATCH")
        let patch = r.method == "PATCH" ? try r.jsonObject() : [:]
        if let value = patch["currentlyDeployed"], value.boolValue != false {
            throw APIError.badRequest(["currentlyDeployed": ["can only be set to false"]])
        }
        let now = now()
        let json = try await store.write { tx -> JSONValue in
            guard var d = try await tx.deployedVersion(uuid: uuid), let v = try await tx.version(id: d.versionID),
                  let p = try await tx.pacticipant(id: d.pacticipantID), let e = try await tx.environment(id: d.environmentID)
            else { throw APIError.notFound() }
            if patch["currentlyDeployed"]?.boolValue == false, d.undeployedAt == nil {
                d.undeployedAt = now
                try await tx.updateDeployedVersion(d)
            }
            return Representations.deployedVersion(d, version: v, pacticipant: p.name, environment: e, urls)
        }
        return .ok(json)
    }

    func releasedVersion(_ r: APIRequest, _ urls: BrokerURLs, uuid: String) async throws -> APIReply {
        try r.allow("GET", "PATCH")
        let patch = r.method == "PATCH" ? try r.jsonObject() : [:]
        if let value = patch["currentlySupported"], value.boolValue != false {
            throw APIError.badRequest(["currentlySupported": ["can only be set to false"]])
        }
        let now = now()
        let json = try await store.write { tx -> JSONValue in
            guard var released = try await tx.releasedVersion(uuid: uuid), let v = try await tx.version(id: released.versionID),
                  let p = try await tx.pacticipant(id: released.pacticipantID), let e = try await tx.environment(id: released.environmentID)
            else { throw APIError.notFound() }
            if patch["currentlySupported"]?.boolValue == false, released.supportEndedAt == nil {
                released.supportEndedAt = now
                try await tx.updateReleasedVersion(released)
            }
            return Representations.releasedVersion(released, version: v, pacticipant: p.name, environment: e, urls)
        }
        return .ok(json)
    }
}
