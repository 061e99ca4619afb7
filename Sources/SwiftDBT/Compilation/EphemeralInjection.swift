/// Puts ephemeral models in front of a query as CTEs, merging into a leading `WITH` if there is one.
enum EphemeralInjection {
    /// The CTE an ephemeral model becomes, as references print it and the `with` defines it.
    static func cteName(_ model: String, _ dialect: any Dialect) -> String {
        dialect.alias("__dbt__cte__" + model)
    }

    static func inject(into sql: String, ctes: [(name: String, sql: String)]) -> String {
        guard !ctes.isEmpty else { return sql }
        let definitions = ctes.map { "\($0.name) as (\n\($0.sql)\n)" }.joined(separator: ", ")
        if let afterWith = leadingWithEnd(sql) {
            return String(sql[..<afterWith]) + " " + definitions + ", " + sql[afterWith...].drop(while: { $0 == " " })
        }
        return "with " + definitions + "\n" + sql
    }

    /// The index just past a leading `with` keyword (after whitespace and comments), or nil.
    static func leadingWithEnd(_ sql: String) -> String.Index? {
        var index = sql.startIndex
        while index < sql.endIndex {
            let rest = sql[index...]
            if rest.first?.isWhitespace == true {
                index = sql.index(after: index)
            } else if rest.hasPrefix("--") {
                index = rest.firstIndex(of: "\n") ?? sql.endIndex
            } else if rest.hasPrefix("/*") {
                index = rest.range(of: "*/").map(\.upperBound) ?? sql.endIndex
            } else {
                break
            }
        }
        let keyword = sql[index...].prefix(4)
        guard keyword.lowercased() == "with" else { return nil }
        let after = sql.index(index, offsetBy: 4)
        guard after < sql.endIndex, sql[after].isWhitespace else { return nil }
        return after
    }
}
