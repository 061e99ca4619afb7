/// A Python model at run time: swiftdbt runs no Python, so the node fails as dbt's does on an adapter whose
/// materializations support only SQL (dbt-postgres, dbt-sqlite), naming the materialization that would build it.
enum PythonModelRun {
    /// The error of running the Python model `node`.
    static func refusal(_ node: ProjectNode, session: CompileSession) -> DBTError {
        let name = node.config.materialized
        let builtins = session.dialect.adapterMaterializations
        let macro = switch session.macros.materialization(name, adapterBuiltins: builtins,
                                                           allowPackageOverrides: session.project.allowsPackageMaterializationOverrides) {
        case .macro(let entry)?: entry.name
        default: "materialization_\(name)_\(builtins.contains(name) ? session.macros.adapterType : "default")"
        }
        return DBTError(.project, "Materialization \"\(macro)\" only supports languages ['sql']; got \"python\"")
    }
}
