import Jinja

/// The `models:`/`seeds:`/`data_tests:` trees of `dbt_project.yml`: configs scoped by package and folder.
///
/// A key with `+` is always a config; a key without one is a config if it is a known config name and its
/// value is not a mapping, otherwise a folder (or package) scope: as dbt reads the tree, a mapping without
/// `+` is always a scope, so a project named `grants` has its configs under `grants:`.
struct ProjectConfigTree: Sendable {
    let root: YAMLNode?

    static let knownConfigs: Set<String> = [
        "materialized", "enabled", "tags", "schema", "database", "alias", "meta", "docs", "persist_docs",
        "pre-hook", "post-hook", "pre_hook", "post_hook", "unique_key", "incremental_strategy", "on_schema_change",
        "full_refresh", "grants", "quoting", "column_types", "delimiter", "quote_columns", "severity", "warn_if",
        "error_if", "where", "limit", "store_failures", "store_failures_as", "fail_calc", "contract", "access",
        "group", "sql_header", "bind", "indexes", "on_configuration_change", "event_time", "batch_size", "lookback",
        "begin", "concurrent_batches", "merge_update_columns", "merge_exclude_columns", "unlogged", "transient",
        "labels", "cluster_by", "partition_by", "file_format", "location_root", "strategy", "updated_at",
        "check_cols", "target_schema", "target_database", "snapshot_meta_column_names", "hard_deletes", "invalidate_hard_deletes",
        "dbt_valid_to_current", "freshness", "loaded_at_field",
        "identifier", "copy_grants",
    ]

    /// The configs that apply to a node whose fqn is `fqn` (package first), least specific first.
    func configs(for fqn: [String], environment: Jinja.Environment, context: [String: Value]) throws -> [(key: String, value: ConfigValue)] {
        guard let root else { return [] }
        var result: [(key: String, value: ConfigValue)] = []
        var scope: YAMLNode? = root
        var depth = 0
        while let current = scope {
            for (key, value) in current.entries where isConfig(key, value) {
                let canonical = NodeConfig.canonicalKey(key)
                let isHook = canonical == "pre_hook" || canonical == "post_hook"
                let setting = isHook ? value.value : try value.rendered(environment, context)
                if let problem = NodeConfig.kindProblem(canonical, setting) {
                    throw DBTError(.project, problem, at: value.location)
                }
                result.append((canonical, setting))
            }
            guard depth < fqn.count else { break }
            scope = current[fqn[depth]]
            depth += 1
        }
        return result
    }

    private func isConfig(_ key: String, _ value: YAMLNode) -> Bool {
        if key.hasPrefix("+") { return true }
        if case .mapping = value.kind { return false }
        return ProjectConfigTree.knownConfigs.contains(key)
    }
}
