import Foundation
import PactModel

/// Pacticipants, their versions, branches and tags.
extension BrokerAPI {
    func pacticipantRoutes(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        let s = r.segments
        let now = now()
        if s.matches("pacticipants") {
            try r.allow("GET", "POST")
            if r.method == "POST" {
                let body = try r.jsonObject()
                guard let name = body["name"]?.stringValue, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw APIError.badRequest(["name": ["is missing"]])
                }
                let created = try await store.write { tx -> PacticipantRecord in
                    if try await tx.pacticipant(named: name) != nil { throw BrokerStoreError.duplicate("a pacticipant with name '\(name)'") }
                    return try await tx.insertPacticipant(name: name, displayName: body["displayName"]?.stringValue,
                                                          mainBranch: body["mainBranch"]?.stringValue,
                                                          repositoryURL: body["repositoryUrl"]?.stringValue, at: now)
                }
                return .created(Representations.pacticipant(created, urls), location: urls.pacticipant(name))
            }
            let all = try await store.read { tx in
                try await tx.pacticipantOverviews().map {
                    PacticipantDetails(pacticipant: $0.pacticipant, latestVersion: $0.latestVersion, labels: $0.labels)
                }
            }
            // pact_broker's DeprecatedPacticipantsDecorator: the list also outside _embedded, marked so.
            guard case .object(var list) = Representations.pacticipantList(all, urls) else { return .ok(.null) }
            let embedded = list["_embedded"]?["pacticipants"]?.arrayValue ?? []
            list["pacticipants"] = .array(embedded.map { item -> JSONValue in
                guard case .object(var fields) = item else { return item }
                fields["title"] = "DEPRECATED - Please use the embedded pacticipants collection"
                return .object(fields)
            })
            return .ok(.object(list))
        }
        if s.matches("pacticipants", "label", nil) { return try await pacticipantsForLabel(r, urls, label: s[2]) }
        let name = s[1]
        if s.count == 2 { return try await pacticipant(r, urls, name: name) }
        if s.matches("pacticipants", nil, "labels", nil) { return try await labelResource(r, urls, pacticipant: name, label: s[3]) }
        if s.matches("pacticipants", nil, "versions") {
            try r.allow("GET")
            let (p, versions) = try await store.read { tx in
                let p = try await requirePacticipant(tx, name)
                return (p, try await tx.versions(pacticipantID: p.id, limit: 100))
            }
            return .ok(["_embedded": ["versions": .array(versions.map { Representations.versionSummary($0, pacticipant: p.name, urls) })],
                        "_links": ["self": Representations.link(urls.versions(name), title: "Versions", name: name)]])
        }
        if s.matches("pacticipants", nil, "versions", nil) { return try await version(r, urls, name: name, number: s[3]) }
        if s.matches("pacticipants", nil, "latest-version") || s.matches("pacticipants", nil, "latest-version", nil) {
            try r.allow("GET")
            let tag = s.count == 4 ? s[3] : nil
            let found = try await store.read { tx -> VersionRecord in
                let p = try await requirePacticipant(tx, name)
                guard let v = try await tx.latestVersion(pacticipantID: p.id, tag: tag, branch: nil) else { throw APIError.notFound() }
                return v
            }
            return try await versionReply(urls, name: name, version: found)
        }
        if s.matches("pacticipants", nil, "versions", nil, "tags", nil) { return try await tag(r, urls, name: name, number: s[3], tag: s[5]) }
        if s.matches("pacticipants", nil, "branches") {
            try r.allow("GET")
            let branches = try await store.read { tx in try await tx.branches(pacticipantID: try await requirePacticipant(tx, name).id) }
            return .ok(["_embedded": ["branches": .array(branches.map { b in
                ["name": .string(b.name), "createdAt": .string(BrokerTime.text(b.createdAt)),
                 "_links": ["self": Representations.link(urls.branch(name, b.name), title: "Branch", name: b.name)]]
            })], "_links": ["self": Representations.link(urls.pacticipant(name) + "/branches")]])
        }
        if s.matches("pacticipants", nil, "branches", nil) {
            try r.allow("GET", "DELETE")
            let branchName = s[3]
            if r.method == "DELETE" {
                try await store.write { tx in
                    let p = try await requirePacticipant(tx, name)
                    guard let b = try await tx.branch(pacticipantID: p.id, name: branchName) else { throw APIError.notFound() }
                    try await tx.deleteBranch(id: b.id)
                }
                return .noContent
            }
            let branch = try await store.read { tx -> BranchRecord in
                let p = try await requirePacticipant(tx, name)
                guard let b = try await tx.branch(pacticipantID: p.id, name: branchName) else { throw APIError.notFound() }
                return b
            }
            return .ok(["name": .string(branch.name), "createdAt": .string(BrokerTime.text(branch.createdAt)),
                        "_links": ["self": Representations.link(urls.branch(name, branchName), title: "Branch", name: branchName),
                                   "pb:latest-version": Representations.link(urls.branch(name, branchName) + "/latest-version", title: "Latest version for branch")]])
        }
        if s.matches("pacticipants", nil, "branches", nil, "versions", nil) {
            try r.allow("GET", "PUT")
            let branchName = s[3], number = s[5]
            if r.method == "PUT" {
                let created = try await store.write { tx -> Bool in
                    let (_, v) = try await ensureVersion(tx, pacticipant: name, number: number, at: now)
                    return try await addToBranch(tx, pacticipantID: v.pacticipantID, versionID: v.id, branch: branchName, at: now)
                }
                let reply = try await branchVersionReply(urls, name: name, branch: branchName, number: number)
                return APIReply(status: created ? 201 : 200, body: reply)
            }
            return .ok(try await branchVersionReply(urls, name: name, branch: branchName, number: number))
        }
        if s.matches("pacticipants", nil, "versions", nil, "deployed-versions", "environment", nil) {
            return try await recordDeployment(r, urls, name: name, number: s[3], environmentUUID: s[6])
        }
        if s.matches("pacticipants", nil, "versions", nil, "released-versions", "environment", nil) {
            return try await recordRelease(r, urls, name: name, number: s[3], environmentUUID: s[6])
        }
        throw APIError.notFound()
    }

    private func pacticipant(_ r: APIRequest, _ urls: BrokerURLs, name: String) async throws -> APIReply {
        try r.allow("GET", "PATCH", "PUT", "DELETE")
        let now = now()
        switch r.method {
        case "GET":
            let found = try await store.read { tx in
                try await pacticipantsWithDetails(tx, [try await requirePacticipant(tx, name)])[0]
            }
            return .ok(Representations.pacticipant(found.pacticipant, urls, latestVersion: found.latestVersion, labels: found.labels))
        case "DELETE":
            try await store.write { tx in try await tx.deletePacticipant(id: try await requirePacticipant(tx, name).id) }
            return .noContent
        default:
            // PATCH merges the given fields; PUT replaces them (absent ones are cleared). Either creates a missing one.
            let body = try r.jsonObject()
            let replace = r.method == "PUT"
            let (p, created) = try await store.write { tx -> (PacticipantRecord, Bool) in
                var existing = try await tx.pacticipant(named: name)
                let created = existing == nil
                if existing == nil {
                    existing = try await tx.insertPacticipant(name: name, displayName: nil, mainBranch: nil, repositoryURL: nil, at: now)
                }
                var p = existing!
                func field(_ key: String, _ current: String?) -> String? {
                    if let value = body[key] { return value.stringValue }
                    return replace ? nil : current
                }
                p.displayName = field("displayName", p.displayName)
                p.mainBranch = field("mainBranch", p.mainBranch)
                p.repositoryURL = field("repositoryUrl", p.repositoryURL)
                p.updatedAt = now
                try await tx.updatePacticipant(p)
                return (p, created)
            }
            return APIReply(status: created ? 201 : 200, body: Representations.pacticipant(p, urls))
        }
    }

    private func version(_ r: APIRequest, _ urls: BrokerURLs, name: String, number: String) async throws -> APIReply {
        try r.allow("GET", "PUT", "PATCH", "DELETE")
        let now = now()
        switch r.method {
        case "GET":
            let found = try await store.read { tx -> VersionRecord in
                let p = try await requirePacticipant(tx, name)
                guard let v = try await tx.version(pacticipantID: p.id, number: number) else { throw APIError.notFound() }
                return v
            }
            return try await versionReply(urls, name: name, version: found)
        case "DELETE":
            try await store.write { tx in
                let p = try await requirePacticipant(tx, name)
                guard let v = try await tx.version(pacticipantID: p.id, number: number) else { throw APIError.notFound() }
                try await tx.deleteVersion(id: v.id)
            }
            return .noContent
        default:
            let body = try r.jsonObject()
            let (v, created) = try await store.write { tx -> (VersionRecord, Bool) in
                let p = try await tx.pacticipant(named: name)
                let existed = try await p.asyncFlatMap { try await tx.version(pacticipantID: $0.id, number: number) } != nil
                var (_, v) = try await ensureVersion(tx, pacticipant: name, number: number, at: now)
                if let buildURL = body["buildUrl"]?.stringValue {
                    v.buildURL = buildURL
                    try await tx.updateVersion(v)
                }
                if let branch = body["branch"]?.stringValue {
                    _ = try await addToBranch(tx, pacticipantID: v.pacticipantID, versionID: v.id, branch: branch, at: now)
                }
                for tag in body["tags"]?.arrayValue ?? [] {
                    if let name = tag["name"]?.stringValue ?? tag.stringValue { _ = try await addTag(tx, version: v, tag: name, at: now) }
                }
                return (v, !existed)
            }
            var reply = try await versionReply(urls, name: name, version: v)
            reply.status = created ? 201 : 200
            return reply
        }
    }

    func versionReply(_ urls: BrokerURLs, name: String, version: VersionRecord) async throws -> APIReply {
        let body = try await store.read { tx -> JSONValue in
            let p = try await tx.pacticipant(id: version.pacticipantID)
            return Representations.version(
                version, pacticipant: p?.name ?? name, branches: try await tx.branchNames(versionID: version.id),
                tags: try await tx.tagNames(versionID: version.id), environments: try await tx.environments(), urls)
        }
        return .ok(body)
    }

    private func tag(_ r: APIRequest, _ urls: BrokerURLs, name: String, number: String, tag: String) async throws -> APIReply {
        try r.allow("GET", "PUT", "DELETE")
        let now = now()
        switch r.method {
        case "PUT":
            let created = try await store.write { tx -> Bool in
                let (_, v) = try await ensureVersion(tx, pacticipant: name, number: number, at: now)
                return try await addTag(tx, version: v, tag: tag, at: now)
            }
            let body = Representations.tag(tag, version: number, pacticipant: name, urls, createdAt: now)
            return created ? .created(body, location: urls.tag(name, number, tag)) : .ok(body)
        case "DELETE":
            let deleted = try await store.write { tx -> Bool in
                let p = try await requirePacticipant(tx, name)
                guard let v = try await tx.version(pacticipantID: p.id, number: number) else { return false }
                return try await tx.deleteTag(versionID: v.id, name: tag)
            }
            if !deleted { throw APIError.notFound() }
            return .noContent
        default:
            try await store.read { tx in
                let p = try await requirePacticipant(tx, name)
                guard let v = try await tx.version(pacticipantID: p.id, number: number),
                      try await tx.tagNames(versionID: v.id).contains(tag) else { throw APIError.notFound() }
            }
            return .ok(Representations.tag(tag, version: number, pacticipant: name, urls))
        }
    }

    private func branchVersionReply(_ urls: BrokerURLs, name: String, branch: String, number: String) async throws -> JSONValue {
        try await store.read { tx in
            let p = try await requirePacticipant(tx, name)
            guard let v = try await tx.version(pacticipantID: p.id, number: number),
                  try await tx.branchNames(versionID: v.id).contains(branch) else { throw APIError.notFound() }
        }
        return ["name": .string(branch),
                "_links": ["self": Representations.link(urls.branchVersion(name, branch, number), title: "Branch version", name: branch),
                           "pb:branch": Representations.link(urls.branch(name, branch), title: "Branch", name: branch),
                           "pb:version": Representations.link(urls.version(name, number), title: "Version", name: number)]]
    }
}

// MARK: Shared look-ups

/// The pacticipant, or 404.
func requirePacticipant(_ tx: any BrokerStoreTransaction, _ name: String) async throws -> PacticipantRecord {
    guard let p = try await tx.pacticipant(named: name) else { throw APIError.notFound("No pacticipant with name '\(name)' found") }
    return p
}

/// The pacticipant and its version, each created when missing.
func ensureVersion(
    _ tx: any BrokerStoreTransaction, pacticipant name: String, number: String, buildURL: String? = nil, at now: Date
) async throws -> (PacticipantRecord, VersionRecord) {
    let p = try await ensurePacticipant(tx, name, at: now)
    return (p, try await ensureVersion(tx, of: p, number: number, buildURL: buildURL, at: now).version)
}

/// The pacticipant's version, created when missing, its build URL updated when one is given; `existed` is false
/// when it was created.
func ensureVersion(
    _ tx: any BrokerStoreTransaction, of p: PacticipantRecord, number: String, buildURL: String?, at now: Date
) async throws -> (version: VersionRecord, existed: Bool) {
    if var v = try await tx.version(pacticipantID: p.id, number: number) {
        if let buildURL, v.buildURL != buildURL {
            v.buildURL = buildURL
            try await tx.updateVersion(v)
        }
        return (v, true)
    }
    return (try await tx.insertVersion(pacticipantID: p.id, number: number, buildURL: buildURL, at: now), false)
}

func ensurePacticipant(_ tx: any BrokerStoreTransaction, _ name: String, at now: Date) async throws -> PacticipantRecord {
    if let p = try await tx.pacticipant(named: name) { return p }
    return try await tx.insertPacticipant(name: name, displayName: nil, mainBranch: nil, repositoryURL: nil, at: now)
}

/// Puts the version on the branch (creating the branch); true when it was not on it yet.
func addToBranch(_ tx: any BrokerStoreTransaction, pacticipantID: RowID, versionID: RowID, branch: String, at now: Date) async throws -> Bool {
    try await maybeSetMainBranch(tx, pacticipantID: pacticipantID, candidate: branch, at: now)
    return try await putOnBranch(tx, pacticipantID: pacticipantID, versionID: versionID, branch: branch, at: now)
}

/// `addToBranch` without the main-branch detection.
func putOnBranch(_ tx: any BrokerStoreTransaction, pacticipantID: RowID, versionID: RowID, branch: String, at now: Date) async throws -> Bool {
    var b = try await tx.branch(pacticipantID: pacticipantID, name: branch)
    if b == nil { b = try await tx.insertBranch(pacticipantID: pacticipantID, name: branch, at: now) }
    guard let b else { return false }
    return try await tx.addToBranch(branchID: b.id, versionID: versionID, at: now)
}

/// Tags the version; a tag named like a main branch may set the pacticipant's main branch.
func addTag(_ tx: any BrokerStoreTransaction, version: VersionRecord, tag: String, at now: Date) async throws -> Bool {
    try await maybeSetMainBranch(tx, pacticipantID: version.pacticipantID, candidate: tag, at: now)
    return try await tx.insertTag(versionID: version.id, name: tag, at: now)
}

/// The branch (or tag) names pact_broker's `auto_detect_main_branch` takes as a main branch, in its order.
let mainBranchNames = ["develop", "main", "master"]

/// pact_broker's `auto_detect_main_branch`: a pacticipant without a main branch gets the first of develop, main or
/// master that one of its versions is put on (or tagged with).
func maybeSetMainBranch(_ tx: any BrokerStoreTransaction, pacticipantID: RowID, candidate: String, at now: Date) async throws {
    guard mainBranchNames.contains(candidate), var p = try await tx.pacticipant(id: pacticipantID), p.mainBranch == nil
    else { return }
    p.mainBranch = candidate
    p.updatedAt = now
    try await tx.updatePacticipant(p)
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
