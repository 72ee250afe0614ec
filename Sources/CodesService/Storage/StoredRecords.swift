import Foundation

// Rows back into records, shared by the SQL stores: the enum columns are checked, so a row edited by hand into an
// unknown status or reason is reported by its code instead of being guessed at.

extension ActivationCode {
    static func stored(
        code: String, lpa: String, actor: String, dob: String, active: Bool, statusText: String,
        generatedDate: String, lastUpdatedDate: String, expiryDate: Int64
    ) throws -> ActivationCode {
        guard let status = ActivationCodeStatus(rawValue: statusText) else {
            throw CodeStoreError.corruptRecord(code: code, reason: "status_details '\(statusText)' is not a known status")
        }
        return ActivationCode(
            code: code, lpa: lpa, actor: actor, dob: dob, active: active, status: status, generatedDate: generatedDate,
            lastUpdatedDate: lastUpdatedDate, expiryDate: expiryDate)
    }
}

extension PaperVerificationCode {
    static func stored(
        code: String, lpa: String, actor: String, updatedAt: Double, expiresAt: Double?, reasonText: String?
    ) throws -> PaperVerificationCode {
        var reason: ExpiryReason?
        if let reasonText {
            guard let parsed = ExpiryReason(rawValue: reasonText) else {
                throw CodeStoreError.corruptRecord(code: code, reason: "expiry_reason '\(reasonText)' is not a known reason")
            }
            reason = parsed
        }
        return PaperVerificationCode(
            code: code, lpa: lpa, actor: actor, updatedAt: Date(timeIntervalSince1970: updatedAt),
            expiresAt: expiresAt.map(Date.init(timeIntervalSince1970:)), expiryReason: reason)
    }
}
