import Foundation
import CSQLite
import SwiftDBT

/// SQL functions PostgreSQL has and SQLite lacks, registered on every connection so dbt's
/// cross-database macros (`dbt.hash`, `dbt.split_part`) run on SQLite: `md5(text)` and
/// `split_part(text, delimiter, n)` (1-based; negative `n` counts from the end; '' when out of range);
/// and `regexp(pattern, text)`, which SQLite's `text REGEXP pattern` operator calls (1 when the pattern
/// matches somewhere in the text, as PostgreSQL's `~` does; NULL when either is NULL).
enum SQLiteFunctions {
    static func register(on connection: SQLiteConnection) throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        for (name, arity, function) in [("md5", Int32(1), md5), ("split_part", 3, splitPart)] {
            try check(sqlite3_create_function_v2(connection.handle, name, arity, flags, nil, function, nil, nil, nil), name)
        }
        let cache = Unmanaged.passRetained(SQLiteRegexCache()).toOpaque()
        try check(sqlite3_create_function_v2(connection.handle, "regexp", 2, flags, cache, regexp, nil, nil, releaseCache),
                  "regexp")
    }

    private static func check(_ code: Int32, _ name: String) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError(resultCode: code, message: "cannot register the SQL function \(name)")
        }
    }

    private static let releaseCache: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
        guard let pointer else { return }
        Unmanaged<SQLiteRegexCache>.fromOpaque(pointer).release()
    }

    private static let regexp: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
        guard let pattern = SQLiteFunctions.text(arguments, 0), let text = SQLiteFunctions.text(arguments, 1),
              let data = sqlite3_user_data(context) else {
            sqlite3_result_null(context)
            return
        }
        let cache = Unmanaged<SQLiteRegexCache>.fromOpaque(data).takeUnretainedValue()
        guard let expression = try? cache.expression(pattern) else {
            sqlite3_result_error(context, "invalid regular expression: \(pattern)", -1)
            return
        }
        let range = NSRange(text.startIndex..., in: text)
        sqlite3_result_int(context, expression.firstMatch(in: text, range: range) == nil ? 0 : 1)
    }

    private static let md5: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
        guard let text = SQLiteFunctions.text(arguments, 0) else {
            sqlite3_result_null(context)
            return
        }
        sqlite3_result_text(context, HexDigest.md5(text), -1, csqlite_transient())
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
