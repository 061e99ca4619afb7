import Foundation

/// The root project's `on-run-start`/`on-run-end` hooks as dbt-core 1.10 lists them under `nodes` in
/// `manifest.json`: `operation.<project>.<project>-on-run-start-<i>` (counted from 0 in each phase), raw code
/// unrendered, the macros it calls, and the checksum of `dbt_project.yml`. Only the manifest has them:
/// `ls` and selection never see them, and the runner reports hooks on its own (`ProjectHooks`).
enum HookOperationJSON {
    /// Each hook's unique ID and manifest entry, on-run-start's first.
    static func entries(_ session: CompileSession) -> [(key: String, value: ConfigValue)] {
        let project = session.project
        let hooks = project.onRunStart.enumerated().map { (ProjectHooks.Phase.start, $0.offset, $0.element) }
            + project.onRunEnd.enumerated().map { (ProjectHooks.Phase.end, $0.offset, $0.element) }
        guard !hooks.isEmpty else { return [] }
        let file = (project.root as NSString).appendingPathComponent("dbt_project.yml")
        let checksum = FileChecksum.sha256(of: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
        let createdAt = ConfigValue.double(NodeValues.createdAt(session))
        return hooks.map { phase, index, hook in
            let name = "\(project.name)-\(phase.rawValue)-\(index)"
            let uniqueID = "operation.\(project.name).\(name)"
            // A hook that does not parse calls no macro here; running it reports the error.
            let names = (try? session.templates.parse(hook, name: "dbt_project.yml"))?.namesRead ?? []
            let macros = MacroDependencies.of(names, package: project.name, macros: session.macros)
            return (uniqueID, .dict([
                ("database", .string(session.target.database)), ("schema", .string(session.target.schema)),
                ("name", .string(name)), ("resource_type", .string("operation")), ("package_name", .string(project.name)),
                ("path", .string("hooks/\(name).sql")), ("original_file_path", .string("./dbt_project.yml")),
                ("unique_id", .string(uniqueID)), ("fqn", .list([.string(project.name), .string("hooks"), .string(name)])),
                ("alias", .string(name)),
                ("checksum", .dict([("name", .string(checksum.name)), ("checksum", .string(checksum.checksum))])),
                ("config", config), ("tags", .list([.string(phase.rawValue)])), ("description", .string("")),
                ("columns", .dict([])), ("meta", .dict([])), ("group", .null),
                ("docs", .dict([("show", .bool(true)), ("node_color", .null)])), ("patch_path", .null), ("build_path", .null),
                ("unrendered_config", .dict([])), ("created_at", createdAt), ("relation_name", .null),
                ("raw_code", .string(hook)), ("doc_blocks", .list([])), ("language", .string("sql")),
                ("refs", .list([])), ("sources", .list([])), ("metrics", .list([])),
                ("depends_on", .dict([("macros", .list(macros.map(ConfigValue.string))), ("nodes", .list([]))])),
                ("compiled_path", .null),
                ("contract", .dict([("enforced", .bool(false)), ("alias_types", .bool(true)), ("checksum", .null)])),
                ("index", .int(index)),
            ]))
        }
    }

    /// The default node config dbt gives every hook (project configs do not reach them).
    private static let config = ConfigValue.dict([
        ("enabled", .bool(true)), ("alias", .null), ("schema", .null), ("database", .null), ("tags", .list([])),
        ("meta", .dict([])), ("group", .null), ("materialized", .string("view")), ("incremental_strategy", .null),
        ("batch_size", .null), ("lookback", .int(1)), ("begin", .null), ("persist_docs", .dict([])),
        ("post-hook", .list([])), ("pre-hook", .list([])), ("quoting", .dict([])), ("column_types", .dict([])),
        ("full_refresh", .null), ("unique_key", .null), ("on_schema_change", .string("ignore")),
        ("on_configuration_change", .string("apply")), ("grants", .dict([])), ("packages", .list([])),
        ("docs", .dict([("show", .bool(true)), ("node_color", .null)])),
        ("contract", .dict([("enforced", .bool(false)), ("alias_types", .bool(true))])), ("event_time", .null),
        ("concurrent_batches", .null),
    ])
}
