import Foundation
import PostgresNIO

/// The labels table's queries in PostgreSQL's words (see `BrokerLabelQueries`; the same statements as
/// `SQLiteLabelQueries`, with `ON CONFLICT DO NOTHING` so a duplicate does not abort the transaction).
extension PostgresBrokerTransaction {
    func label(pacticipantID: RowID, name: String) async throws -> LabelRecord? {
        try await rows("""
            SELECT pacticipant_id, name, created_at FROM labels WHERE pacticipant_id = \(pacticipantID) AND name = \(name)
            """, Self.label).first
    }

    func labels(pacticipantID: RowID) async throws -> [LabelRecord] {
        try await rows("""
            SELECT pacticipant_id, name, created_at FROM labels WHERE pacticipant_id = \(pacticipantID) ORDER BY name COLLATE "C"
            """, Self.label)
    }

    func insertLabel(pacticipantID: RowID, name: String, at: Date) async throws -> LabelRecord {
        let inserted = try await count("""
            INSERT INTO labels (pacticipant_id, name, created_at) VALUES (\(pacticipantID), \(name), \(at.timeIntervalSince1970))
            ON CONFLICT DO NOTHING RETURNING name
            """)
        guard inserted > 0 else { throw BrokerStoreError.duplicate("label \(name)") }
        return LabelRecord(pacticipantID: pacticipantID, name: name, createdAt: at)
    }

    func deleteLabel(pacticipantID: RowID, name: String) async throws -> Bool {
        try await count("DELETE FROM labels WHERE pacticipant_id = \(pacticipantID) AND name = \(name) RETURNING name") > 0
    }

    func pacticipants(label: String) async throws -> [PacticipantRecord] {
        let columns = Self.pacticipantColumns.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
        return try await rows("""
            SELECT \(unescaped: columns) FROM pacticipants p JOIN labels l ON l.pacticipant_id = p.id
            WHERE l.name = \(label) ORDER BY p.name COLLATE "C"
            """, Self.pacticipant)
    }

    func labelNames() async throws -> [String] {
        try await rows("SELECT DISTINCT name COLLATE \"C\" AS name FROM labels ORDER BY 1") { try $0.next(String.self) }
    }

    private static func label(_ c: inout PostgresColumns) throws -> LabelRecord {
        LabelRecord(pacticipantID: try c.next(), name: try c.next(), createdAt: try c.date())
    }
}
