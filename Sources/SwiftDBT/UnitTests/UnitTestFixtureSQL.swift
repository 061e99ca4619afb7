/// The queries a unit test runs, written as dbt's `get_fixture_sql`, `get_expected_sql` and `get_unit_test_sql`
/// write them: each value cast to its column's type, columns a row leaves out null (inputs only).
struct UnitTestFixtureSQL {
    let dialect: any Dialect

    /// An input's rows over every column of `columns`, in their order; no rows: the columns and no row.
    /// `owner` names the input in errors (`'stg_orders'`, or `expected output`).
    func input(_ rows: [[(key: String, value: ConfigValue)]], columns: [DatabaseColumn], owner: String) throws -> String {
        let types = Dictionary(columns.map { ($0.name.lowercased(), $0.type) }, uniquingKeysWith: { a, _ in a })
        let names = columns.map { $0.name.lowercased() }
        let nulls = names.map { cast("null", types[$0] ?? "") }
        guard !rows.isEmpty else {
            return "select " + zip(nulls, names).map { "\($0) as \(dialect.quote($1))" }.joined(separator: ", ") + " limit 0"
        }
        return try rows.map { row in
            var values = nulls
            for (name, value) in try formatted(row, types: types, accepted: names, owner: owner) {
                if let index = names.firstIndex(of: name) { values[index] = value }
            }
            return "select " + zip(values, names).map { "\($0) as \(dialect.quote($1))" }.joined(separator: ", ")
        }.joined(separator: "\nunion all\n")
    }

    /// The expected rows, each with the columns it gives, cast to the types of the actual result's columns.
    func expected(_ rows: [[(key: String, value: ConfigValue)]], columns: [DatabaseColumn]) throws -> String {
        guard !rows.isEmpty else { return "select * from dbt_internal_unit_test_actual limit 0" }
        let types = Dictionary(columns.map { ($0.name.lowercased(), $0.type) }, uniquingKeysWith: { a, _ in a })
        let names = columns.map { $0.name.lowercased() }
        return try rows.map { row in
            "select " + (try formatted(row, types: types, accepted: names, owner: "expected output"))
                .map { "\($0.value) as \(dialect.quote($0.name))" }.joined(separator: ", ")
        }.joined(separator: "\nunion all\n")
    }

    /// The actual and the expected rows, told apart by an `actual_or_expected` column.
    func comparison(actual: String, expected: String, columns: [String]) -> String {
        let list = columns.map(dialect.quote).joined(separator: ", ")
        let tag = dialect.quote("actual_or_expected")
        return """
            with dbt_internal_unit_test_actual as (
              select \(list), \(dialect.literal("actual")) as \(tag)
              from (
                \(actual)
              ) as dbt_internal_unit_test_actual_rows
            ),
            dbt_internal_unit_test_expected as (
              select \(list), \(dialect.literal("expected")) as \(tag)
              from (
                \(expected)
              ) as dbt_internal_unit_test_expected_rows
            )
            select * from dbt_internal_unit_test_actual
            union all
            select * from dbt_internal_unit_test_expected
            """
    }

    /// dbt's `format_row`: lower-cased column names, each value a cast literal; a column the relation lacks is
    /// dbt's error naming the accepted ones.
    private func formatted(_ row: [(key: String, value: ConfigValue)], types: [String: String], accepted: [String],
                           owner: String) throws -> [(name: String, value: String)] {
        try row.map { key, value in
            let name = key.lowercased()
            guard let type = types[name] else {
                let list = "[" + accepted.map { "'\($0)'" }.joined(separator: ", ") + "]"
                throw DBTError(.compilation, "Invalid column name: '\(name)' in unit test fixture for \(owner).\n"
                               + "Accepted columns for \(owner) are: \(list)")
            }
            return (name, cast(literal(value), type))
        }
    }

    /// A YAML or CSV value as SQL: strings quoted, null as `null`, numbers and booleans as written.
    private func literal(_ value: ConfigValue) -> String {
        switch value {
        case .null: return "null"
        case .string(let text): return dialect.literal(text)
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .list, .dict: return dialect.literal(String(describing: value))
        }
    }

    /// dbt's `safe_cast`: `cast(value as type)`; a column without a declared type (an SQLite expression) as is.
    private func cast(_ value: String, _ type: String) -> String {
        type.isEmpty ? value : "cast(\(value) as \(type))"
    }
}
