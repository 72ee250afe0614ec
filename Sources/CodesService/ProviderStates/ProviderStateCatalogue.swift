import Foundation

/// The provider states: those the real service's hooks know (SPEC.md §5.3, same names and fixtures) and states for
/// the other situations consumers need, each named for what exists afterwards.
enum ProviderStateCatalogue {
    static let definitions: [ProviderStateDefinition] = [
        .init(name: "the activation key CODE exists",
              summary: "an active code for lpa 700000000001, actor 700000000002, dob 1959-08-10 (real-service fixture)",
              params: ["lpa", "actor", "dob"]),
        .init(name: "the activation key CODE exists for an actor with a paper verification code",
              summary: "an active code for lpa M-1234-1234-1234, actor 74673c83-05ba-4886-beb1-daaa36fb7984, dob "
                  + "1959-08-10, and that actor's unexpired paper code P-9876-9876-9876-98 (real-service fixture)",
              params: ["dob"]),
        .init(name: "the activation key CODE exists for lpa LPA and actor ACTOR",
              summary: "an active code for that lpa and actor (dob 1959-08-10 unless given)", params: ["dob"]),
        .init(name: "the activation key CODE has been revoked", summary: "an inactive code with status Revoked",
              params: ["lpa", "actor", "dob"]),
        .init(name: "the activation key CODE has been superseded", summary: "an inactive code with status Superseded",
              params: ["lpa", "actor", "dob"]),
        .init(name: "the activation key CODE has expired",
              summary: "an active code whose expiry was yesterday, so lookups treat it as absent",
              params: ["lpa", "actor", "dob"]),
        .init(name: "the activation key CODE does not exist", summary: "no activation code CODE", params: []),
        .init(name: "no activation key exists for lpa LPA and actor ACTOR",
              summary: "no activation code of any status for the pair", params: []),
        .init(name: "an activation code exists",
              summary: "an activation code exactly as the parameters say (status Generated means active; "
                  + "expiry_date YYYY-MM-DD is 00:00 UTC that day, or unix seconds)",
              params: ["code", "lpa", "actor", "dob", "status", "generated_date", "expiry_date"]),
        .init(name: "the paper verification code CODE is valid and unused",
              summary: "a paper code without expiry for lpa M-7890-0400-4000, actor ce118b6e-d8e1-11e7-9296-cec278b6b50a "
                  + "(real-service fixture)", params: ["lpa", "actor"]),
        .init(name: "the paper verification code CODE has not got an expiry date",
              summary: "same as \"is valid and unused\"", params: ["lpa", "actor"]),
        .init(name: "the paper verification code CODE is valid and was used 1 year ago",
              summary: "a paper code with reason first_time_use whose expiry is one year in the past (as the real "
                  + "service's hook writes it)", params: ["lpa", "actor"]),
        .init(name: "the paper verification code CODE does not exist", summary: "no paper code CODE", params: []),
        .init(name: "the paper verification code CODE exists for lpa LPA and actor ACTOR",
              summary: "a paper code without expiry for that lpa and actor", params: []),
        .init(name: "the paper verification code CODE has been expired as REASON",
              summary: "a paper code expired now for REASON (paper_to_digital, first_time_use, cancelled, superseded), "
                  + "with the expiry that reason gives", params: ["lpa", "actor"]),
        .init(name: "a paper verification code exists",
              summary: "a paper code exactly as the parameters say (expiry_date YYYY-MM-DD is 00:00 UTC that day)",
              params: ["code", "lpa", "actor", "expiry_date", "expiry_reason"]),
        .init(name: "no codes exist", summary: "an empty store", params: []),
    ]

    /// The changes for `state`; throws `ProviderStateError` for unknown states and bad parameters.
    static func plan(state: String, params: [String: String], now: Date) throws -> StatePlan {
        var params = StateParams(state: state, values: params)
        guard let plan = try ActivationStates.plan(state, &params, now: now) ?? PaperStates.plan(state, &params, now: now)
            ?? generalPlan(state, &params, now: now)
        else { throw ProviderStateError.unknownState(state) }
        try params.finish()
        return plan
    }

    private static func generalPlan(_ state: String, _ params: inout StateParams, now: Date) throws -> StatePlan? {
        switch state {
        case "":
            // Verifiers call the hooks with an empty name for interactions without provider states.
            return StatePlan()
        case "no codes exist":
            return StatePlan(changes: [.deleteAll])
        case "an activation code exists":
            return try ActivationStates.fromParams(&params, now: now)
        case "a paper verification code exists":
            return try PaperStates.fromParams(&params, now: now)
        default:
            return nil
        }
    }
}
