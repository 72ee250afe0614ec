import Foundation
import PactModel

/// Pacticipant labels, as pact_broker serves them: `PUT`/`GET`/`DELETE /pacticipants/{name}/labels/{label}`
/// (`Label`), `GET /pacticipants/label/{label}` (`PacticipantsForLabel`) and `GET /labels` (`Labels`).
extension BrokerAPI {
    /// `/pacticipants/{name}/labels/{label}`: `PUT` creates the pacticipant when missing and labels it (201 with a
    /// `Location` when the label is new, else 200); `GET` and `DELETE` answer 404 when the pacticipant or label is
    /// missing.
    func labelResource(_ r: APIRequest, _ urls: BrokerURLs, pacticipant name: String, label: String) async throws -> APIReply {
        try r.allow("GET", "PUT", "DELETE")
        switch r.method {
        case "PUT":
            let now = now()
            let (record, created) = try await store.write { tx -> (LabelRecord, Bool) in
                let p = try await ensurePacticipant(tx, name, at: now)
                if let existing = try await tx.label(pacticipantID: p.id, name: label) { return (existing, false) }
                return (try await tx.insertLabel(pacticipantID: p.id, name: label, at: now), true)
            }
            let body = Representations.label(record, pacticipant: name, urls)
            return created ? .created(body, location: urls.label(name, label)) : .ok(body)
        case "DELETE":
            try await store.write { tx in
                let p = try await requirePacticipant(tx, name)
                guard try await tx.deleteLabel(pacticipantID: p.id, name: label) else { throw APIError.notFound() }
            }
            return .noContent
        default:
            let record = try await store.read { tx -> LabelRecord in
                let p = try await requirePacticipant(tx, name)
                guard let found = try await tx.label(pacticipantID: p.id, name: label) else { throw APIError.notFound() }
                return found
            }
            return .ok(Representations.label(record, pacticipant: name, urls))
        }
    }

    /// `GET /pacticipants/label/{label}`: the pacticipants carrying the label, as pact_broker's
    /// `PacticipantsDecorator` lists them (an empty list when none does).
    func pacticipantsForLabel(_ r: APIRequest, _ urls: BrokerURLs, label: String) async throws -> APIReply {
        try r.allow("GET")
        let found = try await store.read { tx in
            try await pacticipantsWithDetails(tx, try await tx.pacticipants(label: label))
        }
        return .ok(Representations.pacticipantList(found, urls))
    }

    /// `GET /labels`: every distinct label name (pact_broker's `Labels`, without the labels' own links).
    func labelList(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        try r.allow("GET")
        let names = try await store.read { tx in try await tx.labelNames() }
        return .ok(["_embedded": ["labels": .array(names.map { ["name": .string($0)] })],
                    "_links": ["self": Representations.link(urls.labels, title: "Labels")]])
    }
}

/// Pacticipants with what their representation embeds: the latest version and the labels.
func pacticipantsWithDetails(
    _ tx: any BrokerStoreTransaction, _ pacticipants: [PacticipantRecord]
) async throws -> [PacticipantDetails] {
    var out: [PacticipantDetails] = []
    for p in pacticipants {
        out.append(PacticipantDetails(
            pacticipant: p, latestVersion: try await tx.latestVersion(pacticipantID: p.id, tag: nil, branch: nil),
            labels: try await tx.labels(pacticipantID: p.id)))
    }
    return out
}

/// A pacticipant with its latest version and labels, as its representation embeds them.
struct PacticipantDetails: Sendable {
    var pacticipant: PacticipantRecord
    var latestVersion: VersionRecord?
    var labels: [LabelRecord]
}
