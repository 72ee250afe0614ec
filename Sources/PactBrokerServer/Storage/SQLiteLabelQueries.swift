import Foundation
import SQLiteSupport

/// The labels table's queries as SQL (see `BrokerLabelQueries`).
extension SQLiteBrokerTransaction {
    func label(pacticipantID: RowID, name: String) throws -> LabelRecord? {
        try db.statement("SELECT pacticipant_id, name, created_at FROM labels WHERE pacticipant_id = ?1 AND name = ?2")
            .query([.integer(pacticipantID), .text(name)], row: Self.label).first
    }

    func labels(pacticipantID: RowID) throws -> [LabelRecord] {
        try db.statement("SELECT pacticipant_id, name, created_at FROM labels WHERE pacticipant_id = ?1 ORDER BY name")
            .query([.integer(pacticipantID)], row: Self.label)
    }

    func insertLabel(pacticipantID: RowID, name: String, at: Date) throws -> LabelRecord {
        do {
            try db.statement("INSERT INTO labels (pacticipant_id, name, created_at) VALUES (?1, ?2, ?3)")
                .run([.integer(pacticipantID), .text(name), .date(at)])
        } catch let error as SQLiteError where error.isUniquenessViolation {
            throw BrokerStoreError.duplicate("label \(name)")
        }
        return LabelRecord(pacticipantID: pacticipantID, name: name, createdAt: at)
    }

    func deleteLabel(pacticipantID: RowID, name: String) throws -> Bool {
        try db.statement("DELETE FROM labels WHERE pacticipant_id = ?1 AND name = ?2").run([.integer(pacticipantID), .text(name)])
        return db.changes > 0
    }

    func pacticipants(label: String) throws -> [PacticipantRecord] {
        let columns = Self.pacticipantColumns.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
        return try db.statement("""
            SELECT \(columns) FROM pacticipants p JOIN labels l ON l.pacticipant_id = p.id WHERE l.name = ?1 ORDER BY p.name
            """).query([.text(label)]) { Self.pacticipant($0, 0) }
    }

    func labelNames() throws -> [String] {
        try db.statement("SELECT DISTINCT name FROM labels ORDER BY name").query([]) { $0.text(0) }
    }

    private static func label(_ row: SQLiteStatement) -> LabelRecord {
        LabelRecord(pacticipantID: row.int64(0), name: row.text(1), createdAt: row.date(2))
    }
}
