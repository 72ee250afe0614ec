/// Durable storage for both kinds of code. Every service request runs as exactly one `read` or `write`: a write's
/// changes all commit when its body returns, or none do when it throws. Stores serialise transactions, so the
/// rules in the body see a consistent snapshot and never interleave with another request's writes.
///
/// The operations are async so that a store talking to a database server waits for its answers without holding a
/// thread. A body may be run more than once (a store retries a write that lost a deadlock, or a read that needs a
/// snapshot after all), so it must do nothing but read and write through the store and compute its result.
public protocol CodeStore: Sendable {
    /// Runs `body` in a read-only transaction.
    func read<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreReader) async throws -> Value
    ) async throws -> Value
    /// Runs `body` in a write transaction: all its changes or none.
    func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) async throws -> Value
    ) async throws -> Value
    /// Releases the store's resources; later calls fail.
    func close() async
}

/// Queries inside a transaction.
public protocol CodeStoreReader {
    func activationCode(_ code: String) async throws -> ActivationCode?
    /// Every activation code for the pair, oldest first.
    func activationCodes(lpa: String, actor: String) async throws -> [ActivationCode]
    func paperCode(_ code: String) async throws -> PaperVerificationCode?
    /// Every paper verification code for the pair, oldest first.
    func paperCodes(lpa: String, actor: String) async throws -> [PaperVerificationCode]
}

/// Changes inside a write transaction.
public protocol CodeStoreWriter: CodeStoreReader {
    /// Adds a new code; throws `CodeStoreError.duplicateCode` when the code is taken.
    func insert(_ code: ActivationCode) async throws
    /// Adds or replaces the code with the same `code`.
    func put(_ code: ActivationCode) async throws
    func deleteActivationCode(_ code: String) async throws
    func deleteActivationCodes(lpa: String, actor: String) async throws

    /// Adds a new code; throws `CodeStoreError.duplicateCode` when the code is taken.
    func insert(_ code: PaperVerificationCode) async throws
    /// Adds or replaces the code with the same `code`.
    func put(_ code: PaperVerificationCode) async throws
    func deletePaperCode(_ code: String) async throws

    /// Removes every code of both kinds.
    func deleteAll() async throws
}

/// Storage failures.
public enum CodeStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case duplicateCode(String)
    /// A stored row could not be read back as a record (`reason` says which column and why).
    case corruptRecord(code: String, reason: String)
    case closed
    /// The database cannot be reached right now (a shared server down or out of connections); nothing was changed
    /// unless the commit itself was cut off. Answered 503: the request may be retried.
    case unavailable(String)

    /// A one-line message naming the code concerned, when there is one.
    public var description: String {
        switch self {
        case .duplicateCode(let code): "code \(code) already exists"
        case .corruptRecord(let code, let reason): "stored code \(code) is unreadable: \(reason)"
        case .closed: "the code store is closed"
        case .unavailable(let reason): "the database is unavailable: \(reason)"
        }
    }
}
