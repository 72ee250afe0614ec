import Foundation
import PostgresNIO

/// The clean's queries in PostgreSQL's words (see `BrokerCleanQueries`; the same statement as `SQLiteCleanQueries`).
extension PostgresBrokerTransaction {
    func branchesForClean() async throws -> [CleanBranchRecord] {
        try await rows("""
            SELECT b.id, p.name, b.name, coalesce(p.main_branch = b.name, false),
                   greatest(b.created_at, (SELECT max(bv.created_at) FROM branch_versions bv WHERE bv.branch_id = b.id))
                   AS updated_at
            FROM branches b JOIN pacticipants p ON p.id = b.pacticipant_id
            ORDER BY updated_at, b.id
            """) { c in
            CleanBranchRecord(id: try c.next(), pacticipant: try c.next(), name: try c.next(), isMain: try c.next(),
                              updatedAt: try c.date())
        }
    }
}
