/// Paper verification codes: created by Sirius, validated and expired by Use an LPA.
extension CodesClient {
    /// Creates a paper verification code for an actor on an LPA-store LPA (`POST /v1/paper-verification-code`); the
    /// actor's earlier paper codes are given a one-month expiry.
    public func createPaperVerificationCode(lpa: String, actor: String) async throws(CodesClientError) -> CreatedPaperVerificationCode {
        try await post("paper-verification-code", Wire.PaperCreate(lpa: lpa, actor: actor), as: CreatedPaperVerificationCode.self)
    }

    /// Looks up a paper verification code (`POST /v1/paper-verification-code/validate`). Throws `.notFound` for an
    /// unknown code; an expired code is returned with its expiry.
    public func validatePaperVerificationCode(_ code: String) async throws(CodesClientError) -> PaperVerificationCodeValidation {
        try await post("paper-verification-code/validate", Wire.Code(code: code), as: PaperVerificationCodeValidation.self)
    }

    /// Gives a paper verification code the expiry `reason` sets (`POST /v1/paper-verification-code/expire`) and
    /// returns its expiry date, `YYYY-MM-DD`: the new one, or the existing one when that is sooner (expiries only
    /// ever shorten). Throws `.notFound` for an unknown code.
    public func expirePaperVerificationCode(
        _ code: String, reason: PaperVerificationCodeExpiryReason
    ) async throws(CodesClientError) -> String {
        try await post("paper-verification-code/expire", Wire.ExpireByCode(code: code, reason: reason), as: Wire.Expired.self)
            .expiryDate
    }

    /// Expires the one unexpired paper verification code of an actor on an LPA, as Use an LPA does when the LPA moves
    /// to digital (`paper_to_digital`). Throws `.notFound` unless exactly one such code exists.
    public func expirePaperVerificationCode(
        lpa: String, actor: String, reason: PaperVerificationCodeExpiryReason = .paperToDigital
    ) async throws(CodesClientError) -> String {
        try await post("paper-verification-code/expire", Wire.ExpireByActor(lpa: lpa, actor: actor, reason: reason),
                       as: Wire.Expired.self).expiryDate
    }
}
