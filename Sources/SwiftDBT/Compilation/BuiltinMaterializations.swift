/// The built-in materializations, written as macros in swiftdbt's global project
/// (`Resources/macros/materializations`, `materialization_<name>_default`), and the Swift fast path that stands
/// for each of them: the runner builds a node in Swift (`Materializer`, `SeedLoader`, `TestExecutor`) while no
/// project or package defines any macro the built-in materialization calls (`calls`, with `default__` and
/// adapter variants), and the macros otherwise. `SWIFTDBT_MATERIALIZATIONS=macros` runs the macros always,
/// which is how the tests check that both give the same tables.
enum BuiltinMaterializations {
    /// By materialization, the macros its built-in macro calls that a project could override. A materialization
    /// named here has a Swift fast path.
    static let calls: [String: [String]] = [
        "seed": ["should_full_refresh", "create_csv_table", "reset_csv_table", "load_csv_rows", "get_binding_char",
                 "get_batch_size", "get_seed_column_quoted_csv", "apply_grants", "persist_docs"],
        "test": ["should_store_failures", "get_limit_subquery_sql", "get_limit_sql", "get_create_table_as_sql", "create_table_as",
                 "get_create_view_as_sql", "create_view_as", "get_test_sql"],
        "view": replacing + ["materialize_replacing", "get_create_view_as_sql", "create_view_as"],
        "table": replacing + creatingTables + ["materialize_replacing"],
        "incremental": replacing + creatingTables + [
            "incremental_validate_on_schema_change", "process_schema_changes", "check_for_schema_changes",
            "sync_column_schemas", "alter_relation_add_remove_columns", "incremental_schema_change_failure",
        ] + BuiltinIncrementalStrategies.macroNames,
    ]

    /// What building a relation beside the old one and swapping it in calls (materializations/models/replace.sql).
    private static let replacing = [
        "replace_relation", "finish_relation", "make_temp_relation", "make_intermediate_relation", "make_backup_relation",
        "load_cached_relation", "drop_relation_if_exists", "statement", "run_query", "create_indexes", "get_create_index_sql",
        "apply_grants", "grant_role_names", "get_show_grant_sql", "get_grant_sql", "get_revoke_sql", "persist_docs",
        "alter_relation_comment", "alter_column_comment", "escape_single_quotes",
    ]

    private static let creatingTables = ["get_create_table_as_sql", "create_table_as"]

    /// The environment variable that turns the fast paths off.
    static let environmentVariable = "SWIFTDBT_MATERIALIZATIONS"

    /// The materializations the runner may build in Swift for this project and invocation.
    static func inSwift(macros: MacroRegistry, environment: [String: String]) -> Set<String> {
        guard environment[environmentVariable] != "macros" else { return [] }
        let overridden = overriddenMacros(macros)
        return Set(calls.filter { _, names in !names.contains { overrides($0, overridden, macros) } }.keys)
    }

    /// Whether the run's relation cache lists schemas in Swift (`DatabaseConnection.relations(inSchemas:)`) rather
    /// than with the macro `list_relations_without_caching` (`RelationListing`): nothing overrides it, and the
    /// macros are not forced where the adapter has a variant of its own (Spark's has none).
    static func listsRelationsInSwift(macros: MacroRegistry, environment: [String: String]) -> Bool {
        let name = "list_relations_without_caching"
        guard !overrides(name, overriddenMacros(macros), macros) else { return false }
        return environment[environmentVariable] != "macros" || macros.dispatch(name, namespace: "dbt")?.name.hasPrefix("default__") != false
    }

    /// The names of the macros projects and packages define.
    private static func overriddenMacros(_ macros: MacroRegistry) -> Set<String> {
        Set(macros.packageNames.filter { $0 != MacroRegistry.internalPackage }.flatMap(macros.names(in:)))
    }

    /// Whether `overridden` holds the macro `name`, its `default__` or its adapter's variant.
    private static func overrides(_ name: String, _ overridden: Set<String>, _ macros: MacroRegistry) -> Bool {
        overridden.contains(name) || overridden.contains("default__" + name) || overridden.contains(macros.adapterType + "__" + name)
    }
}

extension CompileSession {
    /// Whether `node`, whose materialization resolved to `macro`, is built on the Swift fast path instead: the
    /// macro is the built-in one and nothing it calls is overridden, or the built-in incremental's microbatch
    /// model, which is batched in Swift (`MicrobatchRun`) unless a project's materialization builds it.
    func buildsInSwift(_ node: ProjectNode, choosing macro: MacroEntry) -> Bool {
        macro.packageName == MacroRegistry.internalPackage
            && (swiftMaterializations.contains(node.config.materialized) || MicrobatchPlan.applies(to: node))
    }
}
