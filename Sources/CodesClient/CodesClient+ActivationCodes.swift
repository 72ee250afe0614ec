/// Activation codes: created by Sirius, validated and marked used by Use an LPA.
extension CodesClient {
    /// Creates a code for each entry (`POST /v1/create`), superseding the actors' earlier codes, sending at most
    /// `batchSize` entries per request. Returns the codes in the order the service gave them; find one with
    /// `code(lpa:actor:)`. Batches already sent stay created if a later one fails.
    public func createCodes(
        _ entries: [CodeRequest], batchSize: Int = CodesClient.defaultBatchSize
    ) async throws(CodesClientError) -> [CreatedCode] {
        guard batchSize >= 1 else { throw .invalidRequest("batchSize must be at least 1, got \(batchSize)") }
        var created: [CreatedCode] = []
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = entries.index(start, offsetBy: batchSize, limitedBy: entries.endIndex) ?? entries.endIndex
            let batch = Array(entries[start..<end])
            // A nil list is how the real service answers an empty batch; any other count means lost entries.
            let codes = try await post("create", Wire.Create(lpas: batch), as: Wire.Created.self).codes ?? []
            guard codes.count == batch.count else {
                throw .unexpectedResponse(endpoint: "create", reason: "\(batch.count) codes requested, \(codes.count) returned",
                                          body: "\(codes)")
            }
            created += codes
            start = end
        }
        return created
    }

    /// Checks a code against the LPA and date of birth the user typed (`POST /v1/validate`); the code is unchanged.
    public func validate(lpa: String, dob: String, code: String) async throws(CodesClientError) -> CodeValidation {
        let answer = try await post("validate", Wire.Validate(lpa: lpa, dob: dob, code: code), as: Wire.Validated.self)
        return CodeValidation(actor: answer.actor, hasPaperVerificationCode: answer.hasPaperVerificationCode ?? false)
    }

    /// Revokes a code (`POST /v1/revoke`). Returns how many codes were revoked: 1, or 0 when the code is unknown,
    /// expired or already inactive.
    @discardableResult
    public func revoke(code: String) async throws(CodesClientError) -> Int {
        try await post("revoke", Wire.Code(code: code), as: Wire.Revoked.self).count
    }

    /// Marks a code used after a successful `validate`, as Use an LPA does: the service has no separate call, so
    /// this revokes it.
    @discardableResult
    public func markUsed(code: String) async throws(CodesClientError) -> Int {
        try await revoke(code: code)
    }

    /// Whether the actor holds a live code on the LPA, and since when (`POST /v1/exists`).
    public func exists(lpa: String, actor: String) async throws(CodesClientError) -> CodeExistence {
        CodeExistence(created: try await post("exists", Wire.Exists(lpa: lpa, actor: actor), as: Wire.ExistsAnswer.self).created)
    }

    /// Every field of a code, revoked and superseded ones included (`POST /v1/code`). Throws `.notFound` for an
    /// unknown or expired code.
    public func codeDetails(code: String) async throws(CodesClientError) -> ActivationCodeDetails {
        let records = try await post("code", Wire.Code(code: code), as: [ActivationCodeDetails].self)
        guard let record = records.first else {
            throw .unexpectedResponse(endpoint: "code", reason: "an empty list instead of one record", body: "[]")
        }
        return record
    }
}
