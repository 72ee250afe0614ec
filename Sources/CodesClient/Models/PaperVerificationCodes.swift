/// Why a paper verification code was given an expiry date.
public enum PaperVerificationCodeExpiryReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The LPA moved to the digital channel: 30 days.
    case paperToDigital = "paper_to_digital"
    /// The code was used for the first time: 2 years.
    case firstTimeUse = "first_time_use"
    /// Cancelled: now.
    case cancelled
    /// A newer code was issued for the same actor and LPA: 1 month.
    case superseded
}

/// A paper verification code the service created.
public struct CreatedPaperVerificationCode: Sendable, Hashable, Codable {
    /// The LPA the code is for, as sent in the request.
    public var lpa: String
    /// The actor the code is for, as sent in the request.
    public var actor: String
    /// `P-XXXX-XXXX-XXXX-XX`.
    public var code: String

    /// Builds a created code, e.g. for tests and fakes.
    public init(lpa: String, actor: String, code: String) {
        self.lpa = lpa
        self.actor = actor
        self.code = code
    }
}

/// What the service knows about a paper verification code (`POST /v1/paper-verification-code/validate`). Expired
/// codes are returned too: whether an expiry in the past makes the code unusable is the caller's decision.
public struct PaperVerificationCodeValidation: Sendable, Hashable, Codable {
    /// The LPA the code belongs to.
    public var lpa: String
    /// The actor the code belongs to.
    public var actor: String
    /// `YYYY-MM-DD`, when the code has an expiry.
    public var expiryDate: String?
    /// Why the code was given its expiry, when it has one.
    public var expiryReason: PaperVerificationCodeExpiryReason?

    enum CodingKeys: String, CodingKey {
        case lpa, actor
        case expiryDate = "expiry_date"
        case expiryReason = "expiry_reason"
    }

    /// Builds an answer; a code without an expiry has neither a date nor a reason.
    public init(lpa: String, actor: String, expiryDate: String? = nil, expiryReason: PaperVerificationCodeExpiryReason? = nil) {
        self.lpa = lpa
        self.actor = actor
        self.expiryDate = expiryDate
        self.expiryReason = expiryReason
    }
}
