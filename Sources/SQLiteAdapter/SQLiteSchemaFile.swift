import SwiftDBT

/// The database file a SQLite schema other than `main` lives in: `<schema>.db` in the target's schema
/// folder, the name used as it is so that files match dbt-sqlite's. A schema name that could reach
/// outside that folder or name something other than a plain file there is refused: a path separator,
/// NUL or another control character, a leading dot (`..`, hidden files), or a name too long for a file.
enum SQLiteSchemaFile {
    /// The longest file name Linux and macOS file systems take, in bytes.
    private static let maxNameBytes = 255

    /// `<schema>.db`; a `.project` error naming the schema when the name cannot be a file in the schema folder.
    static func name(for schema: String) throws -> String {
        let name = schema + ".db"
        let problem: String?
        if schema.isEmpty {
            problem = "it is empty"
        } else if schema.hasPrefix(".") {
            problem = "it starts with '.'"
        } else if schema.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" }) {
            problem = "it contains a path separator"
        } else if schema.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            problem = "it contains a control character"
        } else if name.utf8.count > maxNameBytes {
            problem = "it is longer than a file name may be"
        } else {
            problem = nil
        }
        if let problem {
            throw DBTError(.project, "schema \(JSONWriter.string(.string(schema))) cannot be a SQLite schema: \(problem) "
                           + "(each schema is a database file named after it, beside the target database)")
        }
        return name
    }
}
