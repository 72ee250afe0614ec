import Foundation

/// The activation-key states.
enum ActivationStates {
    static func plan(_ state: String, _ params: inout StateParams, now: Date) throws -> StatePlan? {
        if let match = state.wholeMatch(of: #/no activation key exists for lpa (\S+) and actor (\S+)/#) {
            let lpa = try params.check("lpa", String(match.1), .stateLpa)
            let actor = try params.check("actor", String(match.2), .stateActor)
            return StatePlan(changes: [.deleteActivations(lpa: lpa, actor: actor)], values: ["lpa": lpa, "actor": actor])
        }
        guard let prefix = state.prefixMatch(of: #/the activation key ([A-Z0-9]{12}) /#) else { return nil }
        let code = String(prefix.1)
        let rest = state[prefix.range.upperBound...]
        switch rest {
        case "exists":
            return try put(code: code, lpa: params.optional("lpa", .stateLpa), actor: params.optional("actor", .stateActor),
                           dob: params.optional("dob", .date), status: .generated, now: now)
        case "exists for an actor with a paper verification code":
            var plan = try put(code: code, lpa: ProviderStateFixtures.lpaStoreLpa, actor: ProviderStateFixtures.lpaStoreActor,
                               dob: params.optional("dob", .date), status: .generated, now: now)
            let paper = PaperVerificationCode(
                code: ProviderStateFixtures.lpaStoreActorPaperCode, lpa: ProviderStateFixtures.lpaStoreLpa,
                actor: ProviderStateFixtures.lpaStoreActor, updatedAt: now)
            plan.changes.append(.putPaper(paper))
            plan.values["paper_verification_code"] = paper.code
            return plan
        case "has been revoked", "has been superseded", "has expired":
            let status: ActivationCodeStatus =
                rest == "has been revoked" ? .revoked : rest == "has been superseded" ? .superseded : .generated
            return try put(code: code, lpa: params.optional("lpa", .stateLpa), actor: params.optional("actor", .stateActor),
                           dob: params.optional("dob", .date), status: status, now: now, expired: rest == "has expired")
        case "does not exist":
            return StatePlan(changes: [.deleteActivation(code)], values: ["code": code])
        default:
            break
        }
        if let match = rest.wholeMatch(of: #/exists for lpa (\S+) and actor (\S+)/#) {
            return try put(code: code, lpa: params.check("lpa", String(match.1), .stateLpa),
                           actor: params.check("actor", String(match.2), .stateActor), dob: params.optional("dob", .date),
                           status: .generated, now: now)
        }
        return nil
    }

    /// "an activation code exists" with every field from the parameters.
    static func fromParams(_ params: inout StateParams, now: Date) throws -> StatePlan {
        let code = try params.required("code", .activationCode)
        let lpa = try params.optional("lpa", .stateLpa)
        let actor = try params.optional("actor", .stateActor)
        let dob = try params.optional("dob", .date)
        let status = try params.optional("status", .status).flatMap(ActivationCodeStatus.init(rawValue:)) ?? .generated
        var plan = put(code: code, lpa: lpa, actor: actor, dob: dob, status: status, now: now)
        guard case .putActivation(var record) = plan.changes.first else { return plan }
        if let generated = try params.optional("generated_date", .date) {
            record.generatedDate = generated
            record.lastUpdatedDate = generated
        }
        if let expiry = try params.optional("expiry_date", .dateOrUnixSeconds) {
            record.expiryDate = Int64(expiry) ?? UTC.parseDate(expiry).map { UTC.days(from: $0) * UTC.secondsPerDay } ?? 0
        }
        plan.changes = [.putActivation(record)]
        plan.values["expiry_date"] = String(record.expiryDate)
        return plan
    }

    private static func put(
        code: String, lpa: String?, actor: String?, dob: String?, status: ActivationCodeStatus, now: Date,
        expired: Bool = false
    ) -> StatePlan {
        let today = UTC.dateString(now)
        var record = ActivationCode(
            code: code, lpa: lpa ?? ProviderStateFixtures.siriusLpa, actor: actor ?? ProviderStateFixtures.siriusActor,
            dob: dob ?? ProviderStateFixtures.dob, active: status == .generated, status: status, generatedDate: today,
            lastUpdatedDate: today, expiryDate: Int64(UTC.adding(years: 1, to: now).timeIntervalSince1970.rounded(.down)))
        if expired {
            // Expired yesterday at this time of day: before the start of today, so every lookup misses it.
            let expiry = UTC.adding(days: -1, to: now)
            record.expiryDate = Int64(expiry.timeIntervalSince1970.rounded(.down))
            record.generatedDate = UTC.dateString(UTC.adding(years: -1, to: expiry))
            record.lastUpdatedDate = record.generatedDate
        }
        return StatePlan(changes: [.putActivation(record)],
                         values: ["code": record.code, "lpa": record.lpa, "actor": record.actor, "dob": record.dob])
    }
}
