import PostgresNIO

/// A store's database layout as numbered migrations, and where they are recorded.
package struct PostgresMigrations: Sendable {
    /// The store's name for its schema, as messages say it ("codes", "broker").
    package var name: String
    /// The table recording each applied version (`<name>_schema_migrations`).
    package var table: String
    /// Key of the transaction-scoped advisory lock held while migrating.
    package var lockKey: Int64
    /// Migration `n` is `steps[n - 1]`, one SQL statement per element (the extended protocol runs one at a time);
    /// append new ones, never edit applied ones.
    package var steps: [[String]]

    package init(name: String, lockKey: Int64, steps: [[String]]) {
        self.name = name
        self.table = "\(name)_schema_migrations"
        self.lockKey = lockKey
        self.steps = steps
    }

    /// The version the last migration brings the schema to.
    package var version: Int { steps.count }
}

/// Brings a database's schema up to its latest migration. Runs in one transaction under a transaction-scoped
/// advisory lock: instances starting together queue on the lock, the first applies the migrations, the others then
/// find nothing left to do. A failed migration rolls back whole, leaving the previous version intact.
package enum PostgresMigrator {
    /// The database was migrated by a newer build; this one must not guess at the layout.
    package struct NewerSchema: Error, CustomStringConvertible {
        package var name: String
        package var found: Int
        package var known: Int
        package var description: String {
            "the database has \(name) schema version \(found); this build knows up to \(known)"
        }
    }

    /// Applies every missing migration; returns the version before migrating (0 for an empty database).
    @discardableResult
    package static func migrate(
        _ connection: PostgresConnection, _ migrations: PostgresMigrations, logger: Logger
    ) async throws -> Int {
        try await connection.query("BEGIN", logger: logger)
        do {
            let before = try await applyMissing(connection, migrations, logger: logger)
            try await connection.query("COMMIT", logger: logger)
            return before
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    private static func applyMissing(
        _ connection: PostgresConnection, _ migrations: PostgresMigrations, logger: Logger
    ) async throws -> Int {
        try await connection.query("SELECT pg_advisory_xact_lock(\(migrations.lockKey))", logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: """
            CREATE TABLE IF NOT EXISTS \(migrations.table) (
                version    INTEGER     NOT NULL PRIMARY KEY,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """), logger: logger)
        var current = 0
        for try await version in try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT COALESCE(MAX(version), 0) FROM \(migrations.table)"), logger: logger
        ).decode(Int32.self) {
            current = Int(version)
        }
        guard current <= migrations.version else {
            throw NewerSchema(name: migrations.name, found: current, known: migrations.version)
        }
        for version in stride(from: current + 1, through: migrations.version, by: 1) {
            for statement in migrations.steps[version - 1] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                "INSERT INTO \(unescaped: migrations.table) (version) VALUES (\(Int32(version)))", logger: logger)
        }
        return current
    }
}
