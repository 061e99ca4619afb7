extension SourceTable {
    /// The source's `freshness` as dbt's manifest and `graph` give it: none when the config sets it to
    /// null; otherwise `warn_after` and `error_after` (each `count` and `period`, none when not given)
    /// and `filter`, so that templates may read `freshness.warn_after.count` of any source.
    var freshnessValue: ConfigValue {
        let given = config["freshness"]
        if case .null? = given { return .null }
        func threshold(_ key: String) -> ConfigValue {
            let written = given?[key]
            return .dict([("count", written?["count"] ?? .null), ("period", written?["period"] ?? .null)])
        }
        return .dict([("warn_after", threshold("warn_after")), ("error_after", threshold("error_after")),
                      ("filter", given?["filter"] ?? .null)])
    }
}
