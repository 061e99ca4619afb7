import CSQLite

/// The SQLite library version this adapter is linked against.
public let sqliteVersion = String(cString: sqlite3_libversion())
