import Foundation
import SQLiteSupport

/// The clean's queries as SQL (see `BrokerCleanQueries`).
extension SQLiteBrokerTransaction {
    func branchesForClean() throws -> [CleanBranchRecord] {
        try db.statement("""
            SELECT b.id, p.name, b.name, p.main_branch IS NOT NULL AND p.main_branch = b.name,
                   max(b.created_at, coalesce((SELECT max(bv.created_at) FROM branch_versions bv WHERE bv.branch_id = b.id), b.created_at))
                   AS updated_at
            FROM branches b JOIN pacticipants p ON p.id = b.pacticipant_id
            ORDER BY updated_at, b.id
            """).query([]) { row in
            CleanBranchRecord(id: row.int64(0), pacticipant: row.text(1), name: row.text(2), isMain: row.int64(3) != 0,
                              updatedAt: row.date(4))
        }
    }
}
