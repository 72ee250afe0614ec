import Foundation
import HTTPServerCore

/// The paper-verification-code routes (SPEC.md §2.7–2.9).
struct PaperEndpoints: Sendable {
    let service: PaperCodeService

    /// `{"lpa","actor","code"}`.
    func create(_ body: Data) async throws -> ServerResponse {
        let request = try RequestBodies.paperCreate(body)
        let record = try await service.create(lpa: request.lpa, actor: request.actor)
        return APIResponses.ok(.object([
            ("lpa", .string(record.lpa)), ("actor", .string(record.actor)), ("code", .string(record.code)),
        ]))
    }

    /// `{"lpa","actor"}` plus `expiry_date` and `expiry_reason` when set; expired codes are still returned.
    func validate(_ body: Data) async throws -> ServerResponse {
        let code = try RequestBodies.paperCode(body)
        guard let record = try await service.find(code: code) else { return APIResponses.codeNotFound }
        var fields: [(String, JSONOutput)] = [("lpa", .string(record.lpa)), ("actor", .string(record.actor))]
        if let expiresAt = record.expiresAt { fields.append(("expiry_date", .string(UTC.dateString(expiresAt)))) }
        if let reason = record.expiryReason { fields.append(("expiry_reason", .string(reason.rawValue))) }
        return APIResponses.ok(.object(fields))
    }

    /// `{"expiry_date":"YYYY-MM-DD"}`: the new expiry, or the existing one when that is already sooner.
    func expire(_ body: Data) async throws -> ServerResponse {
        let request = try RequestBodies.expire(body)
        guard let expiry = try await service.expire(request.target, reason: request.reason) else {
            return APIResponses.codeNotFound
        }
        return APIResponses.ok(.object([("expiry_date", .string(UTC.dateString(expiry)))]))
    }
}
