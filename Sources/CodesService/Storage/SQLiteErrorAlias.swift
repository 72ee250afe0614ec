import SQLiteSupport

/// A failed SQLite call, with SQLite's own message (defined in the shared SQLiteSupport target).
public typealias SQLiteError = SQLiteSupport.SQLiteError
