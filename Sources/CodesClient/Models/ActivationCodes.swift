/// One actor on an LPA to create an activation code for (an entry of `POST /v1/create`).
public struct CodeRequest: Sendable, Hashable, Codable {
    /// The LPA: a Sirius UID (`7` and 11 digits) or an LPA-store UID (`M-1234-1234-1234`).
    public var lpa: String
    /// The actor: a Sirius UID or a UUID.
    public var actor: String
    /// The actor's date of birth, `YYYY-MM-DD`.
    public var dob: String

    /// Builds a create entry for the actor on the LPA.
    public init(lpa: String, actor: String, dob: String) {
        self.lpa = lpa
        self.actor = actor
        self.dob = dob
    }
}

/// An activation code the service created for an actor.
public struct CreatedCode: Sendable, Hashable, Codable {
    /// The LPA the code is for, as sent in the request.
    public var lpa: String
    /// The actor the code is for, as sent in the request.
    public var actor: String
    /// The new 12-character activation code.
    public var code: String

    /// Builds a created code, e.g. for tests and fakes.
    public init(lpa: String, actor: String, code: String) {
        self.lpa = lpa
        self.actor = actor
        self.code = code
    }
}

extension Array where Element == CreatedCode {
    /// The code created for `actor` on `lpa`. Look codes up this way rather than by position: callers should not
    /// depend on the order of the answer.
    public func code(lpa: String, actor: String) -> CreatedCode? {
        first { $0.lpa == lpa && $0.actor == actor }
    }
}

/// The answer of `POST /v1/validate`.
public struct CodeValidation: Sendable, Hashable {
    /// The actor the code belongs to, or nil when the code is unknown, expired, inactive, or the lpa or dob differ.
    public var actor: String?
    /// Whether the actor also holds an unexpired paper verification code (LPA-store LPAs only).
    public var hasPaperVerificationCode: Bool

    /// Builds an answer; `hasPaperVerificationCode` defaults to false.
    public init(actor: String?, hasPaperVerificationCode: Bool = false) {
        self.actor = actor
        self.hasPaperVerificationCode = hasPaperVerificationCode
    }

    /// Whether the lpa, dob and code matched a live code.
    public var isValid: Bool { actor != nil }
}

/// The answer of `POST /v1/exists`.
public struct CodeExistence: Sendable, Hashable {
    /// The `YYYY-MM-DD` day the actor's live code was created, or nil when the actor has none.
    public var created: String?

    /// Builds an answer; a nil `created` means the actor has no live code.
    public init(created: String?) { self.created = created }

    /// Whether the actor has a live code.
    public var exists: Bool { created != nil }
}

/// What an activation code record says about its life (`status_details`).
public enum ActivationCodeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case generated = "Generated"
    case revoked = "Revoked"
    case superseded = "Superseded"
}

/// Every field the service keeps for an activation code (`POST /v1/code`).
public struct ActivationCodeDetails: Sendable, Hashable, Codable {
    /// True until the code is revoked or superseded.
    public var active: Bool
    /// The actor the code belongs to.
    public var actor: String
    /// The 12-character activation code.
    public var code: String
    /// The actor's date of birth, `YYYY-MM-DD`.
    public var dob: String
    /// Unix seconds; the code stops working at the start of the UTC day after this instant.
    public var expiryDate: Int64
    /// The UTC day the code was created, `YYYY-MM-DD`.
    public var generatedDate: String
    /// The UTC day of the code's last status change, `YYYY-MM-DD`.
    public var lastUpdatedDate: String
    /// The LPA the code gives access to.
    public var lpa: String
    /// Whether the code is as generated, revoked or superseded.
    public var status: ActivationCodeStatus

    enum CodingKeys: String, CodingKey {
        case active, actor, code, dob, lpa
        case expiryDate = "expiry_date"
        case generatedDate = "generated_date"
        case lastUpdatedDate = "last_updated_date"
        case status = "status_details"
    }

    /// Builds a record with every field given, e.g. for tests and fakes.
    public init(
        active: Bool, actor: String, code: String, dob: String, expiryDate: Int64, generatedDate: String,
        lastUpdatedDate: String, lpa: String, status: ActivationCodeStatus
    ) {
        self.active = active
        self.actor = actor
        self.code = code
        self.dob = dob
        self.expiryDate = expiryDate
        self.generatedDate = generatedDate
        self.lastUpdatedDate = lastUpdatedDate
        self.lpa = lpa
        self.status = status
    }
}
