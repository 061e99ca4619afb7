import Foundation
import CSQLite
import SwiftDBT

/// SQL functions PostgreSQL has and SQLite lacks, registered on every connection so dbt's
/// cross-database macros (`dbt.hash`, `dbt.split_part`) run on SQLite: `md5(text)` and
/// `split_part(text, delimiter, n)` (1-based; negative `n` counts from the end; '' when out of range).
enum SQLiteFunctions {
    static func register(on connection: SQLiteConnection) throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        for (name, arity, function) in [("md5", Int32(1), md5), ("split_part", 3, splitPart)] {
            let code = sqlite3_create_function_v2(connection.handle, name, arity, flags, nil, function, nil, nil, nil)
            guard code == SQLITE_OK else {
                throw SQLiteError(resultCode: code, message: "cannot register the SQL function \(name)")
            }
        }
    }

    private static let md5: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
        guard let text = SQLiteFunctions.text(arguments, 0) else {
            sqlite3_result_null(context)
            return
        }
        sqlite3_result_text(context, MD5.hex(text), -1, csqlite_transient())
    }

    private static let splitPart: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
        guard let text = SQLiteFunctions.text(arguments, 0), let delimiter = SQLiteFunctions.text(arguments, 1),
              let argument = arguments?[2] else {
            sqlite3_result_null(context)
            return
        }
        let index = Int(sqlite3_value_int64(argument))
        let parts = delimiter.isEmpty ? [text] : text.components(separatedBy: delimiter)
        let position = index < 0 ? parts.count + index : index - 1
        let part = index != 0 && parts.indices.contains(position) ? parts[position] : ""
        sqlite3_result_text(context, part, -1, csqlite_transient())
    }

    private static func text(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ index: Int) -> String? {
        guard let value = arguments?[index], sqlite3_value_type(value) != SQLITE_NULL,
              let bytes = sqlite3_value_text(value) else { return nil }
        return String(cString: bytes)
    }
}
