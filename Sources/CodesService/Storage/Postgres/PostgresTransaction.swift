import Foundation
import PostgresNIO
import PostgresSupport

/// The store operations as SQL on one leased connection, for one transaction of `PostgresCodeStore`. Each statement
/// is awaited on postgres-nio's event loop: waiting for the server holds no thread.
///
/// In a write transaction every lookup locks what it read until COMMIT, so a rule's read-then-write never interleaves
/// with another instance's: a code's row with `FOR UPDATE`; an lpa+actor pair, including a pair with no row yet,
/// with a transaction-scoped advisory lock on the pair (a row lock cannot cover a row that does not exist yet, and a
/// constraint cannot say "one active code that has not expired"). Concurrent creates for one pair therefore queue
/// behind each other and each sees its predecessor's code.
///
/// A read starts as a single statement without BEGIN (one statement sees one snapshot on its own, and BEGIN and
/// COMMIT would triple its round trips). A read body that needs a second statement gets `NeedsSnapshot`, and the
/// store runs it again in a REPEATABLE READ transaction. A read of an activation code also fetches the paper codes
/// of the code's pair in the same statement (validation asks for them next), so validating is one round trip.
///
/// Every statement but BEGIN, COMMIT and ROLLBACK is a prepared statement of its connection (`PreparedSQL`): the
/// server parses and plans it once per connection, not once per request (planning the validate join cost more
/// server time than running it).
final class PostgresTransaction: CodeStoreWriter {
    enum Mode: Sendable {
        /// At most one statement, no BEGIN.
        case singleStatementRead
        /// BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY: every statement sees one snapshot.
        case snapshotRead
        /// BEGIN (READ COMMITTED), locking what it reads.
        case write

        var begin: PostgresQuery? {
            switch self {
            case .singleStatementRead: nil
            case .snapshotRead: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            case .write: "BEGIN"
            }
        }
    }

    /// A single-statement read asked for a second statement: run the body again in a snapshot transaction.
    struct NeedsSnapshot: Error {}

    private let connection: PostgresConnection
    private let logger: Logger
    private let prepared: PreparedStatements
    private let mode: Mode
    private let deadline: Duration
    private var statements = 0
    /// The paper codes fetched with an activation code in a read, for that code's pair.
    private var prefetchedPaperCodes: (lpa: String, actor: String, codes: [PaperVerificationCode])?

    /// `deadline` bounds each statement on the client side: the server cancels a statement at `statement_timeout`,
    /// but a server or network that has gone silent answers nothing, so past the deadline the statement fails and the
    /// connection is closed (the pool drops it, the request gets 503).
    init(
        connection: PostgresConnection, logger: Logger, prepared: PreparedStatements, mode: Mode, deadline: Duration
    ) {
        self.connection = connection
        self.logger = logger
        self.prepared = prepared
        self.mode = mode
        self.deadline = deadline
    }

    private var locking: Bool { mode == .write }
    private var forUpdate: String { locking ? " FOR UPDATE" : "" }

    /// BEGIN (unless a single-statement read), `body`, COMMIT; ROLLBACK when anything throws.
    func perform<Value>(_ body: (PostgresTransaction) async throws -> Value) async throws -> Value {
        guard let begin = mode.begin else { return try await body(self) }
        try await send(begin)
        do {
            let value = try await body(self)
            try await send("COMMIT")
            return value
        } catch {
            _ = try? await send("ROLLBACK")
            throw error
        }
    }

    @discardableResult
    func run(_ statement: PreparedSQL) async throws -> [PreparedRow] {
        if mode == .singleStatementRead {
            guard statements == 0 else { throw NeedsSnapshot() }
            statements += 1
        }
        return try await connection.execute(statement, preparedIn: prepared, deadline: deadline)
    }

    @discardableResult
    private func send(_ query: PostgresQuery) async throws -> PostgresQueryResult {
        try await connection.query(query, logger: logger, deadline: deadline)
    }

    func activationCode(_ code: String) async throws -> ActivationCode? {
        guard !locking else {
            return try await run(
                "SELECT \(unescaped: Self.activationColumns) FROM activation_codes WHERE code = \(code) FOR UPDATE"
            ).map(Self.activationCode).first
        }
        let rows = try await run("""
            SELECT \(unescaped: Self.joinedColumns) FROM activation_codes a
            LEFT JOIN paper_verification_codes p ON p.lpa = a.lpa AND p.actor = a.actor
            WHERE a.code = \(code) ORDER BY p.seq
            """)
        var found: ActivationCode?
        var paperCodes: [PaperVerificationCode] = []
        for row in rows {
            let (activation, paper) = try Self.activationCodeWithPaperCode(row)
            found = activation
            if let paper { paperCodes.append(paper) }
        }
        if let found { prefetchedPaperCodes = (found.lpa, found.actor, paperCodes) }
        return found
    }

    func activationCodes(lpa: String, actor: String) async throws -> [ActivationCode] {
        try await lockPair(PostgresSchema.activationPairLock, lpa: lpa, actor: actor)
        return try await run("""
            SELECT \(unescaped: Self.activationColumns) FROM activation_codes WHERE lpa = \(lpa) AND actor = \(actor)
            ORDER BY seq\(unescaped: forUpdate)
            """).map(Self.activationCode)
    }

    func paperCode(_ code: String) async throws -> PaperVerificationCode? {
        try await run(
            "SELECT \(unescaped: Self.paperColumns) FROM paper_verification_codes WHERE code = \(code)\(unescaped: forUpdate)"
        ).map(Self.paperCode).first
    }

    func paperCodes(lpa: String, actor: String) async throws -> [PaperVerificationCode] {
        if let prefetched = prefetchedPaperCodes, prefetched.lpa == lpa, prefetched.actor == actor {
            return prefetched.codes
        }
        try await lockPair(PostgresSchema.paperPairLock, lpa: lpa, actor: actor)
        return try await run("""
            SELECT \(unescaped: Self.paperColumns) FROM paper_verification_codes WHERE lpa = \(lpa) AND actor = \(actor)
            ORDER BY seq\(unescaped: forUpdate)
            """).map(Self.paperCode)
    }

    func insert(_ code: ActivationCode) async throws {
        try await uniquely(code.code) {
            try await run("""
                INSERT INTO activation_codes (\(unescaped: Self.activationColumns)) VALUES (\(code.code), \(code.lpa),
                    \(code.actor), \(code.dob), \(code.active), \(code.status.rawValue), \(code.generatedDate),
                    \(code.lastUpdatedDate), \(code.expiryDate))
                """)
        }
    }

    func put(_ code: ActivationCode) async throws {
        // An upsert keeps the row and its `seq` (the creation order), as SQLite's keeps its rowid.
        try await run("""
            INSERT INTO activation_codes (\(unescaped: Self.activationColumns)) VALUES (\(code.code), \(code.lpa),
                \(code.actor), \(code.dob), \(code.active), \(code.status.rawValue), \(code.generatedDate),
                \(code.lastUpdatedDate), \(code.expiryDate))
            ON CONFLICT (code) DO UPDATE SET lpa = EXCLUDED.lpa, actor = EXCLUDED.actor, dob = EXCLUDED.dob,
                active = EXCLUDED.active, status_details = EXCLUDED.status_details,
                generated_date = EXCLUDED.generated_date, last_updated_date = EXCLUDED.last_updated_date,
                expiry_date = EXCLUDED.expiry_date
            """)
    }

    func deleteActivationCode(_ code: String) async throws {
        try await run("DELETE FROM activation_codes WHERE code = \(code)")
    }

    func deleteActivationCodes(lpa: String, actor: String) async throws {
        try await run("DELETE FROM activation_codes WHERE lpa = \(lpa) AND actor = \(actor)")
    }

    func insert(_ code: PaperVerificationCode) async throws {
        try await uniquely(code.code) {
            try await run("""
                INSERT INTO paper_verification_codes (\(unescaped: Self.paperColumns)) VALUES (\(code.code), \(code.lpa),
                    \(code.actor), \(code.updatedAt.timeIntervalSince1970), \(code.expiresAt?.timeIntervalSince1970),
                    \(code.expiryReason?.rawValue))
                """)
        }
    }

    func put(_ code: PaperVerificationCode) async throws {
        try await run("""
            INSERT INTO paper_verification_codes (\(unescaped: Self.paperColumns)) VALUES (\(code.code), \(code.lpa),
                \(code.actor), \(code.updatedAt.timeIntervalSince1970), \(code.expiresAt?.timeIntervalSince1970),
                \(code.expiryReason?.rawValue))
            ON CONFLICT (code) DO UPDATE SET lpa = EXCLUDED.lpa, actor = EXCLUDED.actor,
                updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at, expiry_reason = EXCLUDED.expiry_reason
            """)
    }

    func deletePaperCode(_ code: String) async throws {
        try await run("DELETE FROM paper_verification_codes WHERE code = \(code)")
    }

    func deleteAll() async throws {
        try await run("DELETE FROM activation_codes")
        try await run("DELETE FROM paper_verification_codes")
    }

    /// Holds the pair's lock until the transaction ends (write transactions only; reads need no lock).
    private func lockPair(_ namespace: Int32, lpa: String, actor: String) async throws {
        guard locking else { return }
        try await run("SELECT pg_advisory_xact_lock(\(namespace), hashtext(\(lpa) || '/' || \(actor)))")
    }

    private func uniquely(_ code: String, _ insert: () async throws -> Void) async throws {
        do {
            try await insert()
        } catch let error where PostgresFailure.sqlState(error) == "23505" {
            throw CodeStoreError.duplicateCode(code)
        }
    }

    private static let activationColumns =
        "code, lpa, actor, dob, active, status_details, generated_date, last_updated_date, expiry_date"
    private static let paperColumns = "code, lpa, actor, updated_at, expires_at, expiry_reason"
    private static let joinedColumns = """
        a.code, a.lpa, a.actor, a.dob, a.active, a.status_details, a.generated_date, a.last_updated_date, a.expiry_date,
        p.code, p.lpa, p.actor, p.updated_at, p.expires_at, p.expiry_reason
        """

    private static func activationCode(_ row: PreparedRow) throws -> ActivationCode {
        try ActivationCode.stored(
            code: row.decode(0), lpa: row.decode(1), actor: row.decode(2), dob: row.decode(3), active: row.decode(4),
            statusText: row.decode(5), generatedDate: row.decode(6), lastUpdatedDate: row.decode(7),
            expiryDate: row.decode(8))
    }

    /// A row of `joinedColumns`: the activation code and one paper code of its pair, if it has any.
    private static func activationCodeWithPaperCode(
        _ row: PreparedRow
    ) throws -> (ActivationCode, PaperVerificationCode?) {
        let activation = try activationCode(row)
        guard let paperCode = try row.decode(9, as: String?.self), let paperLPA = try row.decode(10, as: String?.self),
              let paperActor = try row.decode(11, as: String?.self), let updatedAt = try row.decode(12, as: Double?.self)
        else { return (activation, nil) }
        let paper = try PaperVerificationCode.stored(
            code: paperCode, lpa: paperLPA, actor: paperActor, updatedAt: updatedAt, expiresAt: row.decode(13),
            reasonText: row.decode(14))
        return (activation, paper)
    }

    private static func paperCode(_ row: PreparedRow) throws -> PaperVerificationCode {
        try PaperVerificationCode.stored(
            code: row.decode(0), lpa: row.decode(1), actor: row.decode(2), updatedAt: row.decode(3),
            expiresAt: row.decode(4), reasonText: row.decode(5))
    }
}
