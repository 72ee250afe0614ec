import Foundation

/// The paper-verification-code states.
enum PaperStates {
    static func plan(_ state: String, _ params: inout StateParams, now: Date) throws -> StatePlan? {
        let code = #/the paper verification code (P(?:-[A-Z0-9]{4}){3}-[A-Z0-9]{2}) /#
        guard let prefix = state.prefixMatch(of: code) else { return nil }
        let value = String(prefix.1)
        let rest = state[prefix.range.upperBound...]
        switch rest {
        case "is valid and unused", "has not got an expiry date":
            return try put(value, lpa: params.optional("lpa", .lpaStoreUID), actor: params.optional("actor", .uuid), now: now)
        case "is valid and was used 1 year ago":
            return try put(value, lpa: params.optional("lpa", .lpaStoreUID), actor: params.optional("actor", .uuid), now: now,
                           expiresAt: UTC.adding(years: -1, to: now), reason: .firstTimeUse)
        case "does not exist":
            return StatePlan(changes: [.deletePaper(value)], values: ["code": value])
        default:
            break
        }
        if let match = rest.wholeMatch(of: #/exists for lpa (\S+) and actor (\S+)/#) {
            return try put(value, lpa: params.check("lpa", String(match.1), .lpaStoreUID),
                           actor: params.check("actor", String(match.2), .uuid), now: now)
        }
        if let match = rest.wholeMatch(of: #/has been expired as (\S+)/#) {
            let reasonText = try params.check("REASON", String(match.1), .expiryReason)
            let reason = ExpiryReason(rawValue: reasonText) ?? .cancelled
            return try put(value, lpa: params.optional("lpa", .lpaStoreUID), actor: params.optional("actor", .uuid), now: now,
                           expiresAt: reason.expiry(from: now), reason: reason)
        }
        return nil
    }

    /// "a paper verification code exists" with every field from the parameters.
    static func fromParams(_ params: inout StateParams, now: Date) throws -> StatePlan {
        let code = try params.required("code", .paperCode)
        let lpa = try params.optional("lpa", .lpaStoreUID)
        let actor = try params.optional("actor", .uuid)
        let expiresAt = try params.optional("expiry_date", .date).flatMap(UTC.parseDate).map { civil in
            Date(timeIntervalSince1970: Double(UTC.days(from: civil) * UTC.secondsPerDay))
        }
        let reason = try params.optional("expiry_reason", .expiryReason).flatMap(ExpiryReason.init(rawValue:))
        return put(code, lpa: lpa, actor: actor, now: now, expiresAt: expiresAt, reason: reason)
    }

    private static func put(
        _ code: String, lpa: String?, actor: String?, now: Date, expiresAt: Date? = nil, reason: ExpiryReason? = nil
    ) -> StatePlan {
        let record = PaperVerificationCode(
            code: code, lpa: lpa ?? ProviderStateFixtures.paperLpa, actor: actor ?? ProviderStateFixtures.paperActor,
            updatedAt: now, expiresAt: expiresAt, expiryReason: reason)
        var values = ["code": record.code, "lpa": record.lpa, "actor": record.actor]
        if let expiresAt { values["expiry_date"] = UTC.dateString(expiresAt) }
        if let reason { values["expiry_reason"] = reason.rawValue }
        return StatePlan(changes: [.putPaper(record)], values: values)
    }
}
