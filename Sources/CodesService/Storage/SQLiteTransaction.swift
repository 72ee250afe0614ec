import Foundation
import SQLiteSupport

/// The store operations as SQL, inside a transaction that `SQLiteCodeStore` has begun. It is only used on the
/// store's queue, where the transaction's body runs; its methods are synchronous (SQLite answers on the spot) and
/// satisfy the store protocol's async requirements as they are.
final class SQLiteTransaction: CodeStoreWriter {
    private let connection: SQLiteConnection

    init(connection: SQLiteConnection) { self.connection = connection }

    private static let activationColumns =
        "code, lpa, actor, dob, active, status_details, generated_date, last_updated_date, expiry_date"
    private static let paperColumns = "code, lpa, actor, updated_at, expires_at, expiry_reason"

    func activationCode(_ code: String) throws -> ActivationCode? {
        try connection.statement("SELECT \(Self.activationColumns) FROM activation_codes WHERE code = ?1")
            .query([.text(code)], row: Self.activationCode).first
    }

    func activationCodes(lpa: String, actor: String) throws -> [ActivationCode] {
        try connection.statement(
            "SELECT \(Self.activationColumns) FROM activation_codes WHERE lpa = ?1 AND actor = ?2 ORDER BY rowid"
        ).query([.text(lpa), .text(actor)], row: Self.activationCode)
    }

    func paperCode(_ code: String) throws -> PaperVerificationCode? {
        try connection.statement("SELECT \(Self.paperColumns) FROM paper_verification_codes WHERE code = ?1")
            .query([.text(code)], row: Self.paperCode).first
    }

    func paperCodes(lpa: String, actor: String) throws -> [PaperVerificationCode] {
        try connection.statement(
            "SELECT \(Self.paperColumns) FROM paper_verification_codes WHERE lpa = ?1 AND actor = ?2 ORDER BY rowid"
        ).query([.text(lpa), .text(actor)], row: Self.paperCode)
    }

    func insert(_ code: ActivationCode) throws {
        try uniquely(code.code) {
            try connection.statement(
                "INSERT INTO activation_codes (\(Self.activationColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ).run(Self.values(code))
        }
    }

    func put(_ code: ActivationCode) throws {
        // An upsert keeps the row (and its rowid order), unlike INSERT OR REPLACE.
        try connection.statement("""
            INSERT INTO activation_codes (\(Self.activationColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (code) DO UPDATE SET lpa = ?2, actor = ?3, dob = ?4, active = ?5, status_details = ?6,
                generated_date = ?7, last_updated_date = ?8, expiry_date = ?9
            """).run(Self.values(code))
    }

    func deleteActivationCode(_ code: String) throws {
        try connection.statement("DELETE FROM activation_codes WHERE code = ?1").run([.text(code)])
    }

    func deleteActivationCodes(lpa: String, actor: String) throws {
        try connection.statement("DELETE FROM activation_codes WHERE lpa = ?1 AND actor = ?2")
            .run([.text(lpa), .text(actor)])
    }

    func insert(_ code: PaperVerificationCode) throws {
        try uniquely(code.code) {
            try connection.statement(
                "INSERT INTO paper_verification_codes (\(Self.paperColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            ).run(Self.values(code))
        }
    }

    func put(_ code: PaperVerificationCode) throws {
        try connection.statement("""
            INSERT INTO paper_verification_codes (\(Self.paperColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (code) DO UPDATE SET lpa = ?2, actor = ?3, updated_at = ?4, expires_at = ?5, expiry_reason = ?6
            """).run(Self.values(code))
    }

    func deletePaperCode(_ code: String) throws {
        try connection.statement("DELETE FROM paper_verification_codes WHERE code = ?1").run([.text(code)])
    }

    func deleteAll() throws {
        try connection.execute("DELETE FROM activation_codes; DELETE FROM paper_verification_codes;")
    }

    private func uniquely(_ code: String, _ insert: () throws -> Void) throws {
        do {
            try insert()
        } catch let error as SQLiteError where error.isUniquenessViolation {
            throw CodeStoreError.duplicateCode(code)
        }
    }

    private static func values(_ code: ActivationCode) -> [SQLiteValue] {
        [.text(code.code), .text(code.lpa), .text(code.actor), .text(code.dob), .integer(code.active ? 1 : 0),
         .text(code.status.rawValue), .text(code.generatedDate), .text(code.lastUpdatedDate), .integer(code.expiryDate)]
    }

    private static func values(_ code: PaperVerificationCode) -> [SQLiteValue] {
        [.text(code.code), .text(code.lpa), .text(code.actor), .real(code.updatedAt.timeIntervalSince1970),
         code.expiresAt.map { .real($0.timeIntervalSince1970) } ?? .null,
         code.expiryReason.map { .text($0.rawValue) } ?? .null]
    }

    private static func activationCode(_ row: SQLiteStatement) throws -> ActivationCode {
        try ActivationCode.stored(
            code: row.text(0), lpa: row.text(1), actor: row.text(2), dob: row.text(3), active: row.int64(4) != 0,
            statusText: row.text(5), generatedDate: row.text(6), lastUpdatedDate: row.text(7), expiryDate: row.int64(8))
    }

    private static func paperCode(_ row: SQLiteStatement) throws -> PaperVerificationCode {
        try PaperVerificationCode.stored(
            code: row.text(0), lpa: row.text(1), actor: row.text(2), updatedAt: row.double(3),
            expiresAt: row.isNull(4) ? nil : row.double(4), reasonText: row.isNull(5) ? nil : row.text(5))
    }
}
