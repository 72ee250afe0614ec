import HTTPServerCore

/// The optional `Authorization: Bearer <token>` check (off unless a token is configured).
struct BearerAuth: Sendable {
    let token: [UInt8]

    init(token: String) { self.token = Array(token.utf8) }

    func allows(_ request: ServerRequest) -> Bool {
        guard let header = request.header("Authorization") else { return false }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        return constantTimeEquals(Array(parts[1].utf8), token)
    }

    /// Compares without stopping at the first difference, so timing does not reveal how much of a guess was right.
    private func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
