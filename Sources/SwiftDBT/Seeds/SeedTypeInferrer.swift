/// Infers seed column types as dbt does, fed one row at a time so no row is kept.
///
/// dbt (`dbt_common.clients.agate_helper.build_type_tester`) tries, in order: Number, Date (`%Y-%m-%d`),
/// DateTime (`%Y-%m-%d %H:%M:%S`), ISO 8601 DateTime, Boolean (`true`/`false`), Text; a column takes the
/// first type every non-null value reads as. A Number column is `integer` when no value has decimal places,
/// as dbt's adapters decide. Empty fields and `null` (any case) are NULL and fit every type, so a column of
/// nulls only is `integer`. Columns named in `column_types` are not inferred.
public struct SeedTypeInferrer: Sendable {
    /// The types a column's values still all fit.
    private struct Candidates: OptionSet, Sendable {
        let rawValue: UInt8
        static let number = Candidates(rawValue: 1 << 0)
        static let wholeNumber = Candidates(rawValue: 1 << 1)
        static let date = Candidates(rawValue: 1 << 2)
        static let spaceTimestamp = Candidates(rawValue: 1 << 3)
        static let isoTimestamp = Candidates(rawValue: 1 << 4)
        static let boolean = Candidates(rawValue: 1 << 5)
        static let all = Candidates(rawValue: (1 << 6) - 1)
    }

    private let names: [String]
    private let declared: [SeedColumnType?]
    private var candidates: [Candidates]

    /// - Parameter columnTypes: dbt's `column_types` config, column name to SQL type; names that are not
    ///   columns are ignored (dbt only warns about them).
    public init(columnNames: [String], columnTypes: [String: String] = [:]) {
        names = columnNames
        declared = columnNames.map { columnTypes[$0].map(SeedColumnType.declared) }
        candidates = declared.map { $0 == nil ? .all : [] }
    }

    /// Narrows each column's type by the row's values.
    public mutating func add(_ row: CSVRow) {
        for index in candidates.indices where !candidates[index].isEmpty {
            candidates[index] = Self.narrow(candidates[index], by: row.bytes(of: index))
        }
    }

    /// Takes in the rows another inferrer over the same columns was fed, as if they had been added here:
    /// a value only ever rules types out, whatever came before it, so the rows' order does not matter and
    /// each column keeps the types that both inferrers' values fit.
    mutating func merge(_ other: SeedTypeInferrer) {
        for index in candidates.indices {
            candidates[index].formIntersection(other.candidates[index])
        }
    }

    private static func narrow(_ candidates: Candidates, by field: UnsafeBufferPointer<UInt8>) -> Candidates {
        guard !SeedFieldSyntax.isNull(field) else { return candidates }
        var remaining = candidates
        if remaining.contains(.number) {
            switch SeedNumberSyntax.kind(of: field) {
            case .integer?: break
            case .other?: remaining.remove(.wholeNumber)
            case nil: remaining.subtract([.number, .wholeNumber])
            }
        }
        if remaining.contains(.date), SeedDateSyntax.date(field) == nil { remaining.remove(.date) }
        if remaining.contains(.spaceTimestamp), SeedDateSyntax.spaceTimestamp(field) == nil {
            remaining.remove(.spaceTimestamp)
        }
        if remaining.contains(.isoTimestamp), SeedDateSyntax.isoTimestamp(field) == nil {
            remaining.remove(.isoTimestamp)
        }
        if remaining.contains(.boolean), SeedFieldSyntax.boolean(field) == nil { remaining.remove(.boolean) }
        return remaining
    }

    /// The columns with their types, from the rows added so far.
    public var columns: [SeedColumn] {
        zip(names, zip(declared, candidates)).map { name, types in
            SeedColumn(name: name, type: types.0 ?? Self.type(of: types.1))
        }
    }

    private static func type(of candidates: Candidates) -> SeedColumnType {
        if candidates.contains(.number) { return candidates.contains(.wholeNumber) ? .integer : .number }
        if candidates.contains(.date) { return .date }
        if !candidates.isDisjoint(with: [.spaceTimestamp, .isoTimestamp]) { return .timestamp }
        if candidates.contains(.boolean) { return .boolean }
        return .text
    }
}
