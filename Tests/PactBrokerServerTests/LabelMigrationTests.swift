import Foundation
@testable import PactBrokerServer
import Testing

/// A SQLite file written before labels existed (schema version 2) gains the labels table when opened.
@Suite struct LabelMigrationTests {
    @Test func aVersionTwoFileGainsTheLabelsTable() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-labels-\(UUID().uuidString).sqlite3").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let old = try SQLiteBrokerStore(path: path)
        try await old.write { tx in
            let connection = try #require(tx as? SQLiteBrokerTransaction).db
            try connection.execute("DROP TABLE labels; PRAGMA user_version = 2;")
            _ = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: Date())
        }
        await old.close()
        let reopened = try SQLiteBrokerStore(path: path)
        let (labels, version) = try await reopened.write { tx in
            let foo = try #require(try await tx.pacticipant(named: "Foo"))
            _ = try await tx.insertLabel(pacticipantID: foo.id, name: "team-a", at: Date())
            let connection = try #require(tx as? SQLiteBrokerTransaction).db
            return (try await tx.labels(pacticipantID: foo.id).map(\.name), try connection.scalarText("PRAGMA user_version"))
        }
        #expect(labels == ["team-a"])
        #expect(version == "\(SQLiteBrokerSchema.version)")
        await reopened.close()
    }
}
