/// Checks, when the project loads, the model configs whose validity depends on more than their own
/// value (which `NodeConfig.kindProblem` checks where each is written): an `incremental_strategy` must be
/// built in or have its project's `get_incremental_<strategy>_sql` macro; and a contract's rules as
/// dbt-core applies them when it parses (`on_schema_change` of a contracted incremental model, primary
/// keys at one level, the warning for constraints a view or ephemeral model cannot hold); and a microbatch
/// model's `concurrent_batches`, true or false, with dbt's warning that the adapter runs batches one by one.
enum ModelConfigCheck {
    static func errors(in manifest: Manifest, session: CompileSession) -> [DBTError] {
        var errors: [DBTError] = []
        var concurrentBatches = 0
        // Only models with a strategy or a contract are copied out of the array.
        for index in manifest.nodes.indices where manifest.nodes[index].resourceType == .model
            && (manifest.nodes[index].config.contractEnforced || manifest.nodes[index].config["incremental_strategy"] != nil) {
            let node = manifest.nodes[index]
            if node.config.materialized == "incremental", let strategy = node.config["incremental_strategy"]?.stringValue,
               !BuiltinIncrementalStrategies.runByTheMaterialization.contains(strategy),
               session.macros.resolve(BuiltinIncrementalStrategies.macroName(strategy), from: node.packageName) == nil {
                let (location, line) = node.configLine("incremental_strategy")
                errors.append(DBTError(.project, "incremental strategy '\(strategy)' of model \(node.name) is neither built in "
                                       + "(append, delete+insert, merge, microbatch) nor a macro \(BuiltinIncrementalStrategies.macroName(strategy))",
                                       at: location, sourceLine: line))
            }
            if MicrobatchPlan.applies(to: node), let concurrent = node.config["concurrent_batches"], concurrent != .null {
                if case .bool(let on) = concurrent {
                    if on { concurrentBatches += 1 }
                } else {
                    let (location, line) = node.configLine("concurrent_batches")
                    errors.append(DBTError(.project, "Microbatch model '\(node.name)' optional 'concurrent_batches' config must be of type "
                                           + "`bool` if specified, but got: <class '\(concurrent.pythonTypeName)'>).",
                                           at: location, sourceLine: line))
                }
            }
            guard node.config.contractEnforced else { continue }
            if node.config.materialized == "incremental",
               ![.appendNewColumns, .fail].contains(node.config.onSchemaChange) {
                let (location, line) = node.configLine(node.config["on_schema_change"] == nil ? "contract" : "on_schema_change")
                errors.append(DBTError(.project, "Invalid value for on_schema_change: \(node.config.onSchemaChange.rawValue). Models "
                                       + "materialized as incremental with contracts enabled must set on_schema_change to "
                                       + "'append_new_columns' or 'fail'", at: location, sourceLine: line))
            }
            if let problem = primaryKeyProblem(node) {
                errors.append(DBTError(.project, "Primary key constraint error: (\(node.originalFilePath))\n" + problem,
                                       at: node.definedAt))
            }
            let constraints = node.columns.flatMap(\.constraints) + node.constraints
            if !["table", "incremental"].contains(node.config.materialized), constraints.contains(where: \.warnUnsupported) {
                session.log("[WARNING]: Constraint types are not supported for \(node.config.materialized) materializations and "
                            + "will be ignored.  Set 'warn_unsupported: false' on this constraint to ignore this warning.")
            }
        }
        // Neither dbt-postgres nor dbt-sqlite runs a model's batches concurrently: each runs them one after another.
        if concurrentBatches > 0 {
            session.log("[WARNING]: Found \(concurrentBatches) microbatch model\(concurrentBatches == 1 ? "" : "s") with the "
                        + "`concurrent_batches` config set to true, but the \(session.macros.adapterType) adapter does not support "
                        + "running batches concurrently. Batches will be run sequentially.")
        }
        return errors
    }

    /// dbt's rule: one column at most declares `primary_key`, and not as well as the model.
    private static func primaryKeyProblem(_ node: ProjectNode) -> String? {
        let keyed = node.columns.filter { $0.constraints.contains { $0.kind == .primaryKey } }.map(\.name)
        var problems: [String] = []
        if keyed.count > 1 {
            let listed = keyed.map { "'\($0)'" }.joined(separator: ", ")
            problems.append("Found \(keyed.count) columns ([\(listed)]) with primary key constraints defined. "
                            + "Primary keys for multiple columns must be defined as a model level constraint.")
        }
        if !keyed.isEmpty, node.constraints.contains(where: { $0.kind == .primaryKey }) {
            problems.append("Primary key constraints defined at the model level and the columns level. "
                            + "Primary keys can be defined at the model level or the column level, not both.")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }
}
