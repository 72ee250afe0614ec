import Foundation

/// Why an activation code is (in)active.
public enum ActivationCodeStatus: String, Sendable, CaseIterable {
    case generated = "Generated"
    case revoked = "Revoked"
    case superseded = "Superseded"
}

/// One activation code: lets a person (Use an LPA) reach one LPA as one actor. Fields and their wire names follow
/// the real service's `ActivationCode` record.
public struct ActivationCode: Sendable, Hashable {
    /// 12 characters from `CodeAlphabet` (the primary key).
    public var code: String
    /// Sirius UID `7xxxxxxxxxxx` or LPA-store UID `M-xxxx-xxxx-xxxx`.
    public var lpa: String
    /// Sirius actor UID or a UUID.
    public var actor: String
    /// Date of birth `YYYY-MM-DD`, compared as a string.
    public var dob: String
    /// True until revoked or superseded.
    public var active: Bool
    /// Why the code is active or not: generated, revoked or superseded.
    public var status: ActivationCodeStatus
    /// `YYYY-MM-DD` (UTC) of creation.
    public var generatedDate: String
    /// `YYYY-MM-DD` (UTC) of the last status change.
    public var lastUpdatedDate: String
    /// Unix seconds: creation instant plus one calendar year. 0 means "never expires on lookup".
    public var expiryDate: Int64

    /// Builds a record with every field given; `ActivationCodeService.create` fills them in for new codes.
    public init(
        code: String, lpa: String, actor: String, dob: String, active: Bool, status: ActivationCodeStatus,
        generatedDate: String, lastUpdatedDate: String, expiryDate: Int64
    ) {
        self.code = code
        self.lpa = lpa
        self.actor = actor
        self.dob = dob
        self.active = active
        self.status = status
        self.generatedDate = generatedDate
        self.lastUpdatedDate = lastUpdatedDate
        self.expiryDate = expiryDate
    }

    /// Whether a lookup by code still sees it: expired means the expiry instant is at or before 00:00 UTC today, so a
    /// code stays usable for the rest of the day it expires on.
    public func isVisibleOnLookup(now: Date) -> Bool {
        expiryDate <= 0 || expiryDate > Self.startOfToday(now)
    }

    /// Whether a query by lpa+actor sees it; unlike a lookup, a code without an expiry is not seen (the real
    /// service's filter on a missing attribute is false).
    public func isVisibleByKey(now: Date) -> Bool {
        expiryDate > Self.startOfToday(now)
    }

    static func startOfToday(_ now: Date) -> Int64 {
        Int64(UTC.startOfDay(now).timeIntervalSince1970)
    }
}
