/// The built-in incremental strategies' macros (the global project's `materializations/models/incremental`):
/// on the incremental materialization's Swift fast path (`BuiltinMaterializations`, which lists these macros among
/// those it calls) the runner writes their statements straight to SQL (`IncrementalSQL`); the macro path calls
/// `get_incremental_<strategy>_sql`. `IncrementalStrategyMacroTests` checks both give the same SQL and the same tables.
enum BuiltinIncrementalStrategies {
    /// The strategies `IncrementalSQL` writes (`default`: no `incremental_strategy`).
    static let strategies: Set<String> = ["append", "delete+insert", "merge", "default"]
    /// Every strategy the built-in incremental materialization runs without a project's macro: those and
    /// `microbatch` (batched by the runner, `MicrobatchRun`).
    static let runByTheMaterialization = strategies.union(["microbatch"])

    /// The macros the built-in strategies are made of.
    static let macroNames = [
        "get_incremental_append_sql", "get_incremental_delete_insert_sql", "get_incremental_merge_sql",
        "get_incremental_default_sql", "get_incremental_microbatch_sql", "get_insert_into_sql", "get_quoted_csv", "get_delete_insert_merge_sql",
        "get_merge_sql", "get_update_insert_merge_sql", "get_merge_update_columns", "get_merge_clauses", "unique_key_list",
        "incremental_predicate_list",
    ]

    /// The macro a strategy's SQL comes from: `get_incremental_<strategy>_sql`, `delete+insert` as `delete_insert`.
    static func macroName(_ strategy: String) -> String {
        "get_incremental_\(strategy.replacingOccurrences(of: "+", with: "_"))_sql"
    }
}
