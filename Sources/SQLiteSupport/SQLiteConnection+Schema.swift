extension SQLiteConnection {
    /// Runs `create` (statements that create what is missing), after refusing a database whose `user_version` is newer
    /// than `version`: a file written by a later build, named by `path`.
    package func createSchema(_ create: String, version: Int, path: String) throws {
        let existing = Int(try scalarText("PRAGMA user_version") ?? "0") ?? 0
        if existing > version {
            throw SQLiteError(code: 1, message: "\(path) has schema version \(existing); this build knows up to \(version)")
        }
        try execute(create)
    }
}
