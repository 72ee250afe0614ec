import Foundation

/// Why a paper verification code was given an expiry, and how long it then lives.
public enum ExpiryReason: String, Sendable, CaseIterable {
    case paperToDigital = "paper_to_digital"
    case firstTimeUse = "first_time_use"
    case cancelled = "cancelled"
    case superseded = "superseded"

    /// The expiry instant a code gets when expired for this reason at `now`.
    public func expiry(from now: Date) -> Date {
        switch self {
        case .paperToDigital: UTC.adding(days: 30, to: now)
        case .firstTimeUse: UTC.adding(years: 2, to: now)
        case .cancelled: now
        case .superseded: UTC.adding(months: 1, to: now)
        }
    }
}

/// One paper verification code (`P-XXXX-XXXX-XXXX-XX`) for one actor on one LPA-store LPA. It has no expiry until
/// it is used, superseded or cancelled, and its expiry can only ever move earlier.
public struct PaperVerificationCode: Sendable, Hashable {
    /// `P-XXXX-XXXX-XXXX-XX` (the primary key).
    public var code: String
    /// The LPA-store UID (`M-xxxx-xxxx-xxxx`) the code gives access to.
    public var lpa: String
    /// The actor the code is for.
    public var actor: String
    /// When the code was created or its expiry last changed.
    public var updatedAt: Date
    /// When the code stops being valid; nil until it is used, superseded or cancelled.
    public var expiresAt: Date?
    /// Why the code was given its expiry; nil while it has none.
    public var expiryReason: ExpiryReason?

    /// Builds a code; without an expiry (as a new code is) by default.
    public init(
        code: String, lpa: String, actor: String, updatedAt: Date, expiresAt: Date? = nil, expiryReason: ExpiryReason? = nil
    ) {
        self.code = code
        self.lpa = lpa
        self.actor = actor
        self.updatedAt = updatedAt
        self.expiresAt = expiresAt
        self.expiryReason = expiryReason
    }

    /// Unexpired means no expiry yet, or an expiry still in the future.
    public func isUnexpired(at now: Date) -> Bool {
        guard let expiresAt else { return true }
        return expiresAt > now
    }
}
