import Foundation
import PostgresNIO

/// The store operations as SQL on one leased connection, inside a transaction `PostgresCodeStore` has begun. It runs
/// on one of the store's blocking threads, so each statement waits for its answer there (never on an event loop or
/// Swift's cooperative pool).
///
/// In a write transaction every lookup locks what it read until COMMIT, so a rule's read-then-write never interleaves
/// with another instance's: a code's row with `FOR UPDATE`; an lpa+actor pair, including a pair with no row yet,
/// with a transaction-scoped advisory lock on the pair (a row lock cannot cover a row that does not exist yet, and a
/// constraint cannot say "one active code that has not expired"). Concurrent creates for one pair therefore queue
/// behind each other and each sees its predecessor's code.
final class PostgresTransaction: CodeStoreWriter {
    private let connection: PostgresConnection
    private let logger: Logger
    private let locking: Bool
    private let deadline: TimeAmount

    /// `deadline` bounds each statement on the client side: the server cancels a statement at `statement_timeout`,
    /// but a server or network that has gone silent answers nothing, so past the deadline the statement fails and the
    /// connection is closed (the pool drops it, the request gets 503).
    init(connection: PostgresConnection, logger: Logger, locking: Bool, deadline: TimeAmount) {
        self.connection = connection
        self.logger = logger
        self.locking = locking
        self.deadline = deadline
    }

    private var forUpdate: String { locking ? " FOR UPDATE" : "" }

    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        guard !connection.isClosed else { throw CodeStoreError.unavailable("the connection to PostgreSQL was closed") }
        // The wait is on a promise of our own that the deadline also completes: a statement written to a connection
        // that closes at that instant is never answered by postgres-nio, and must not hold this thread for ever.
        // Both completions run on the connection's event loop, so they never race; the later one is ignored.
        let connection = connection
        let outcome = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        let seconds = Double(deadline.nanoseconds) / 1e9
        let timer = connection.eventLoop.scheduleTask(in: deadline) {
            outcome.fail(CodeStoreError.unavailable("PostgreSQL did not answer within \(seconds) s"))
            _ = connection.close() as EventLoopFuture<Void>
        }
        connection.query(query, logger: logger).whenComplete { result in
            timer.cancel()
            outcome.completeWith(result)
        }
        return try outcome.futureResult.wait()
    }

    func activationCode(_ code: String) throws -> ActivationCode? {
        try run("SELECT \(unescaped: Self.activationColumns) FROM activation_codes WHERE code = \(code)\(unescaped: forUpdate)")
            .map(Self.activationCode).first
    }

    func activationCodes(lpa: String, actor: String) throws -> [ActivationCode] {
        try lockPair(PostgresSchema.activationPairLock, lpa: lpa, actor: actor)
        return try run("""
            SELECT \(unescaped: Self.activationColumns) FROM activation_codes WHERE lpa = \(lpa) AND actor = \(actor)
            ORDER BY seq\(unescaped: forUpdate)
            """).map(Self.activationCode)
    }

    func paperCode(_ code: String) throws -> PaperVerificationCode? {
        try run("SELECT \(unescaped: Self.paperColumns) FROM paper_verification_codes WHERE code = \(code)\(unescaped: forUpdate)")
            .map(Self.paperCode).first
    }

    func paperCodes(lpa: String, actor: String) throws -> [PaperVerificationCode] {
        try lockPair(PostgresSchema.paperPairLock, lpa: lpa, actor: actor)
        return try run("""
            SELECT \(unescaped: Self.paperColumns) FROM paper_verification_codes WHERE lpa = \(lpa) AND actor = \(actor)
            ORDER BY seq\(unescaped: forUpdate)
            """).map(Self.paperCode)
    }

    func insert(_ code: ActivationCode) throws {
        try uniquely(code.code) {
            try run("""
                INSERT INTO activation_codes (\(unescaped: Self.activationColumns)) VALUES (\(code.code), \(code.lpa),
                    \(code.actor), \(code.dob), \(code.active), \(code.status.rawValue), \(code.generatedDate),
                    \(code.lastUpdatedDate), \(code.expiryDate))
                """)
        }
    }

    func put(_ code: ActivationCode) throws {
        // An upsert keeps the row and its `seq` (the creation order), as SQLite's keeps its rowid.
        try run("""
            INSERT INTO activation_codes (\(unescaped: Self.activationColumns)) VALUES (\(code.code), \(code.lpa),
                \(code.actor), \(code.dob), \(code.active), \(code.status.rawValue), \(code.generatedDate),
                \(code.lastUpdatedDate), \(code.expiryDate))
            ON CONFLICT (code) DO UPDATE SET lpa = EXCLUDED.lpa, actor = EXCLUDED.actor, dob = EXCLUDED.dob,
                active = EXCLUDED.active, status_details = EXCLUDED.status_details,
                generated_date = EXCLUDED.generated_date, last_updated_date = EXCLUDED.last_updated_date,
                expiry_date = EXCLUDED.expiry_date
            """)
    }

    func deleteActivationCode(_ code: String) throws {
        try run("DELETE FROM activation_codes WHERE code = \(code)")
    }

    func deleteActivationCodes(lpa: String, actor: String) throws {
        try run("DELETE FROM activation_codes WHERE lpa = \(lpa) AND actor = \(actor)")
    }

    func insert(_ code: PaperVerificationCode) throws {
        try uniquely(code.code) {
            try run("""
                INSERT INTO paper_verification_codes (\(unescaped: Self.paperColumns)) VALUES (\(code.code), \(code.lpa),
                    \(code.actor), \(code.updatedAt.timeIntervalSince1970), \(code.expiresAt?.timeIntervalSince1970),
                    \(code.expiryReason?.rawValue))
                """)
        }
    }

    func put(_ code: PaperVerificationCode) throws {
        try run("""
            INSERT INTO paper_verification_codes (\(unescaped: Self.paperColumns)) VALUES (\(code.code), \(code.lpa),
                \(code.actor), \(code.updatedAt.timeIntervalSince1970), \(code.expiresAt?.timeIntervalSince1970),
                \(code.expiryReason?.rawValue))
            ON CONFLICT (code) DO UPDATE SET lpa = EXCLUDED.lpa, actor = EXCLUDED.actor,
                updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at, expiry_reason = EXCLUDED.expiry_reason
            """)
    }

    func deletePaperCode(_ code: String) throws {
        try run("DELETE FROM paper_verification_codes WHERE code = \(code)")
    }

    func deleteAll() throws {
        try run("DELETE FROM activation_codes")
        try run("DELETE FROM paper_verification_codes")
    }

    /// Holds the pair's lock until the transaction ends (write transactions only; reads need no lock).
    private func lockPair(_ namespace: Int32, lpa: String, actor: String) throws {
        guard locking else { return }
        try run("SELECT pg_advisory_xact_lock(\(namespace), hashtext(\(lpa) || '/' || \(actor)))")
    }

    private func uniquely(_ code: String, _ insert: () throws -> Void) throws {
        do {
            try insert()
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw CodeStoreError.duplicateCode(code)
        }
    }

    private static let activationColumns =
        "code, lpa, actor, dob, active, status_details, generated_date, last_updated_date, expiry_date"
    private static let paperColumns = "code, lpa, actor, updated_at, expires_at, expiry_reason"

    private static func activationCode(_ row: PostgresRow) throws -> ActivationCode {
        let (code, lpa, actor, dob, active, status, generated, updated, expiry) =
            try row.decode((String, String, String, String, Bool, String, String, String, Int64).self)
        return try ActivationCode.stored(
            code: code, lpa: lpa, actor: actor, dob: dob, active: active, statusText: status, generatedDate: generated,
            lastUpdatedDate: updated, expiryDate: expiry)
    }

    private static func paperCode(_ row: PostgresRow) throws -> PaperVerificationCode {
        let (code, lpa, actor, updatedAt, expiresAt, reason) =
            try row.decode((String, String, String, Double, Double?, String?).self)
        return try PaperVerificationCode.stored(
            code: code, lpa: lpa, actor: actor, updatedAt: updatedAt, expiresAt: expiresAt, reasonText: reason)
    }
}
