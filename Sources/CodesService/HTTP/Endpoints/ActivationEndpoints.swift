import Foundation
import HTTPServerCore

/// The activation-code routes: request body in, exact wire JSON out (SPEC.md §2.2–2.6).
struct ActivationEndpoints: Sendable {
    let service: ActivationCodeService

    /// `{"codes":[{"lpa","actor","code"}, …]}` in request order.
    func create(_ body: Data) async throws -> ServerResponse {
        let entries = try RequestBodies.create(body)
        let created = try await service.create(entries)
        let codes = created.map { code in
            JSONOutput.object([("lpa", .string(code.lpa)), ("actor", .string(code.actor)), ("code", .string(code.code))])
        }
        return APIResponses.ok(.object([("codes", .array(codes))]))
    }

    /// `{"actor":"…"}`, plus `"has_paper_verification_code":true` only when true, or `{"actor":null}`.
    func validate(_ body: Data) async throws -> ServerResponse {
        let request = try RequestBodies.validate(body)
        let result = try await service.validate(lpa: request.lpa, dob: request.dob, code: request.code)
        var fields: [(String, JSONOutput)] = [("actor", result.actor.map(JSONOutput.string) ?? .null)]
        if result.hasPaperVerificationCode { fields.append(("has_paper_verification_code", .bool(true))) }
        return APIResponses.ok(.object(fields))
    }

    /// `{"codes revoked":0|1}` (the key really has a space).
    func revoke(_ body: Data) async throws -> ServerResponse {
        let code = try RequestBodies.activationCode(body)
        let count = try await service.revoke(code: code)
        return APIResponses.ok(.object([("codes revoked", .integer(Int64(count)))]))
    }

    /// `{"Created":"YYYY-MM-DD"}` or `{"Created":null}` (capital C).
    func exists(_ body: Data) async throws -> ServerResponse {
        let request = try RequestBodies.exists(body)
        let created = try await service.createdDate(lpa: request.lpa, actor: request.actor)
        return APIResponses.ok(.object([("Created", created.map(JSONOutput.string) ?? .null)]))
    }

    /// A one-element array of every field, in the real service's order; 404 when unknown or expired.
    func details(_ body: Data) async throws -> ServerResponse {
        let code = try RequestBodies.activationCode(body)
        guard let record = try await service.details(code: code) else { return APIResponses.codeNotFound }
        let fields: [(String, JSONOutput)] = [
            ("active", .bool(record.active)), ("actor", .string(record.actor)), ("code", .string(record.code)),
            ("dob", .string(record.dob)), ("expiry_date", .integer(record.expiryDate)),
            ("generated_date", .string(record.generatedDate)), ("last_updated_date", .string(record.lastUpdatedDate)),
            ("lpa", .string(record.lpa)), ("status_details", .string(record.status.rawValue)),
        ]
        return APIResponses.ok(.array([.object(fields)]))
    }
}
