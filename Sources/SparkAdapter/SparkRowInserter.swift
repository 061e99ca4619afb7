import SwiftDBT

/// Loads rows with batched `insert into ... values` statements, each value a literal the dialect escapes and
/// cast to its column's type (Spark's store assignment refuses text for a date or number column otherwise).
final class SparkRowInserter: RowInserter {
    private let database: SparkDatabase
    private let prefix: String
    private let types: [String]
    private let dialect = SparkDialect()
    private var rows: [String] = []
    private var size = 0

    /// Rows per statement and the text size that sends a statement early.
    private static let batchRows = 1000
    private static let batchBytes = 1 << 19

    init(database: SparkDatabase, relation: RelationName, columns: [String], types: [String]) {
        self.database = database
        self.types = types
        prefix = "insert into \(dialect.render(relation)) (\(columns.map(dialect.quote).joined(separator: ", "))) values\n"
    }

    func insert(_ row: [DatabaseValue]) throws {
        let text = "(" + row.enumerated().map { literal($1, type: $0 < types.count ? types[$0] : "string") }.joined(separator: ", ") + ")"
        rows.append(text)
        size += text.utf8.count
        if rows.count >= SparkRowInserter.batchRows || size >= SparkRowInserter.batchBytes { try flush() }
    }

    func finish() throws {
        try flush()
    }

    private func flush() throws {
        guard !rows.isEmpty else { return }
        try database.execute(prefix + rows.joined(separator: ",\n"))
        rows.removeAll(keepingCapacity: true)
        size = 0
    }

    private func literal(_ value: DatabaseValue, type: String) -> String {
        let text: String
        switch value {
        case .null: return "null"
        case .integer(let integer): text = String(integer)
        case .real(let real): text = real.isFinite ? String(real) : dialect.literal(String(real))
        case .bool(let bool): text = bool ? "true" : "false"
        case .text(let string):
            text = dialect.literal(string)
            if type.lowercased() == "string" { return text }
        case .blob(let bytes):
            let digits = Array("0123456789abcdef")
            return "X'" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }) + "'"
        }
        return "cast(\(text) as \(type))"
    }
}
