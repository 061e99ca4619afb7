/// A value read from or bound to a database.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)
    case blob([UInt8])

    /// How `show` and test messages print it.
    public var display: String {
        switch self {
        case .null: return "NULL"
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .text(let s): return s
        case .bool(let b): return b ? "True" : "False"
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        }
    }

    /// The value as an integer, when it is one (counts from tests).
    public var integer: Int64? {
        switch self {
        case .integer(let i): return i
        case .real(let d): return Int64(exactly: d.rounded())
        case .bool(let b): return b ? 1 : 0
        case .text(let s): return Int64(s)
        default: return nil
        }
    }
}

/// The rows a query returned.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]
    /// Per column, whether the database typed it a date or a timestamp, with or without a time zone (its values arrive as ISO text); empty
    /// when the database does not say (SQLite has no such types).
    public var temporal: [TemporalKind?]
    /// The type of each column as the adapter's dbt counterpart labels a query's columns (dbt-postgres:
    /// psycopg2's names, `INTEGER`, `STRING`, ...); empty where the adapter reports none.
    public var columnTypes: [String] = []
    /// Per column of exact numbers (PostgreSQL's `numeric`), its values as the database wrote them (`1.50`), which
    /// templates get as Python Decimals keeping their scale, as psycopg2 hands them to dbt; nil for other columns,
    /// empty where the database has no such type.
    public var decimalTexts: [[String?]?] = []

    public init(columns: [String], rows: [[DatabaseValue]], temporal: [TemporalKind?] = []) {
        self.columns = columns
        self.rows = rows
        self.temporal = temporal
    }
}

/// A column type holding dates or timestamps, which templates get as `datetime` objects: `zonedTimestamp` values
/// end in their UTC offset (`+05:30`, `-03`) and become aware datetimes.
public enum TemporalKind: Sendable {
    case date, timestamp, zonedTimestamp
}

/// What a statement reported, as dbt's adapter response: its message (`INSERT 0 3`, or `OK`),
/// its code, and the rows it changed or returned (-1 where the database reports none).
public struct StatementStatus: Sendable, Equatable {
    public var message: String
    public var code: String?
    /// Nil when nothing reported a count (a materialization's `noop_statement` without one); dbt then writes none.
    public var rowsAffected: Int?

    public init(message: String, code: String?, rowsAffected: Int?) {
        self.message = message
        self.code = code
        self.rowsAffected = rowsAffected
    }
}

/// Whether a relation is a table, a view or a materialized view (raw values as dbt's relation types).
public enum RelationKind: String, Sendable {
    case table, view
    case materializedView = "materialized_view"

    /// The kind as SQL names it (`drop materialized view`, `alter view`).
    public var sqlName: String {
        self == .materializedView ? "materialized view" : rawValue
    }
}

/// A column of an existing relation.
public struct DatabaseColumn: Sendable, Hashable {
    public var name: String
    public var type: String
    /// A string type's declared size (`character varying(20)`), where the database reports one.
    public var charSize: Int?
    /// A numeric type's declared precision and scale (`numeric(10,2)`), where the database reports them.
    public var numericPrecision: Int?
    public var numericScale: Int?

    public init(name: String, type: String, charSize: Int? = nil, numericPrecision: Int? = nil, numericScale: Int? = nil) {
        self.name = name
        self.type = type
        self.charSize = charSize
        self.numericPrecision = numericPrecision
        self.numericScale = numericScale
    }
}

/// One open connection to the target database: what materializations, seeds and tests need.
///
/// Each adapter implements it over its own client library; nothing outside the adapter knows which.
public protocol DatabaseConnection: AnyObject {
    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws
    /// Runs a query and returns its rows (`limit` caps how many are read).
    func query(_ sql: String, limit: Int?) throws -> QueryResult
    /// Runs `sql` for a template (`statement`, `adapter.execute`) and reports what its last statement
    /// reported, as the adapter's dbt counterpart does; with `fetch`, also the rows it returned.
    func run(_ sql: String, fetch: Bool, limit: Int?) throws -> (status: StatementStatus, rows: QueryResult)
    func begin() throws
    func commit() throws
    func rollback() throws
    /// Every table and view in `schemas` (created on demand where the database needs it).
    func relations(inSchemas schemas: [String]) throws -> [RelationName: RelationKind]
    /// The columns of an existing relation, in order.
    func columns(of relation: RelationName) throws -> [DatabaseColumn]
    /// Every table and view in `schemas` that exist, with their columns (one query per schema at most), for `catalog.json`.
    func catalog(inSchemas schemas: [String]) throws -> [CatalogRelation]
    /// Makes `schema` exist.
    func createSchema(_ schema: String) throws
    /// The schemas that exist (for SQLite, the attached databases and the schema files beside the main one).
    func listSchemas() throws -> [String]
    /// Drops `schema` with everything in it.
    func dropSchema(_ schema: String) throws
    /// A prepared insert into `relation`: rows go in through bound parameters, never pasted SQL.
    func prepareInsert(into relation: RelationName, columns: [String]) throws -> any RowInserter
    /// Stops the statement in flight (from another thread).
    func interrupt()
    /// Whether `relation` is a view that `statement` (a `create view`) would create again unchanged.
    /// Lets a database whose views cannot be swapped in (SQLite) leave an unchanged view alone.
    func isView(_ relation: RelationName, createdBy statement: String) throws -> Bool
    /// The server's version as PostgreSQL numbers it (`server_version_num`: 150004 for 15.4), where the
    /// database has a server; nil otherwise. The dialect decides from it what the server can run (`MERGE`).
    var serverVersion: Int? { get }
}

extension DatabaseConnection {
    public func isView(_ relation: RelationName, createdBy statement: String) throws -> Bool { false }
    public var serverVersion: Int? { nil }
}

/// Inserts rows one at a time through one prepared statement (or a `COPY` stream).
public protocol RowInserter: AnyObject {
    func insert(_ row: [DatabaseValue]) throws
    /// Inserts whole rows of `columns` values each, laid row after row in `values`.
    func insert(rows values: [DatabaseValue], columns: Int) throws
    /// Completes the load (ends a `COPY`); called once after the last row.
    func finish() throws
}

extension RowInserter {
    public func finish() throws {}

    /// Inserts the rows one at a time, through one row array refilled for each.
    public func insert(rows values: [DatabaseValue], columns: Int) throws {
        var row = [DatabaseValue](repeating: .null, count: columns)
        for start in stride(from: 0, to: values.count, by: max(1, columns)) {
            for index in row.indices { row[index] = values[start + index] }
            try insert(row)
        }
    }
}
