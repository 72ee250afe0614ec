import Foundation

/// A state's parameters, checked as they are read; whatever the state did not read is an error, so a misspelt
/// parameter is reported rather than ignored.
struct StateParams {
    let state: String
    private let values: [String: String]
    private var allowed: [String] = []

    init(state: String, values: [String: String]) {
        self.state = state
        self.values = values
    }

    /// The value of `name` if given, checked with `rule`.
    mutating func optional(_ name: String, _ rule: StringRule) throws -> String? {
        allowed.append(name)
        guard let value = values[name] else { return nil }
        return try check(name, value, rule)
    }

    mutating func required(_ name: String, _ rule: StringRule) throws -> String {
        guard let value = try optional(name, rule) else {
            throw ProviderStateError.invalidParameter(state: state, name: name, reason: "is required")
        }
        return value
    }

    /// Checks a value taken from the state's name.
    func check(_ name: String, _ value: String, _ rule: StringRule) throws -> String {
        guard rule.accepts(value) else {
            throw ProviderStateError.invalidParameter(state: state, name: name, reason: "\"\(value)\" \(rule.complaint)")
        }
        return value
    }

    /// Throws when a parameter was given that the state never read.
    func finish() throws {
        let unexpected = values.keys.filter { !allowed.contains($0) }.sorted()
        guard unexpected.isEmpty else {
            throw ProviderStateError.unexpectedParameters(state: state, names: unexpected, allowed: allowed)
        }
    }
}

extension StringRule {
    /// A Sirius or LPA-store UID, as in requests.
    static let stateLpa = StringRule.lpa
    /// A Sirius actor UID or a UUID, anchored (stricter than the request schema).
    static let stateActor = StringRule(description: "7[0-9]{11} or a UUID", complaint: "is neither 7[0-9]{11} nor a UUID") {
        isSiriusUID($0.utf8[...]) || isUUID($0)
    }
    static let status = StringRule.oneOf(ActivationCodeStatus.allCases.map(\.rawValue))
    static let expiryReason = StringRule.oneOf(ExpiryReason.allCases.map(\.rawValue))
    /// A date `YYYY-MM-DD` or unix seconds.
    static let dateOrUnixSeconds = StringRule(
        description: "a date YYYY-MM-DD or unix seconds", complaint: "is neither a date YYYY-MM-DD nor unix seconds"
    ) {
        UTC.parseDate($0) != nil || Int64($0) != nil
    }
}
