import Foundation

/// `on-run-start` and `on-run-end` from `dbt_project.yml`: SQL rendered in the root project's
/// context and run before the first node and after the last.
public struct ProjectHooks {
    let loaded: LoadedProject
    let connection: any DatabaseConnection

    public init(loaded: LoadedProject, connection: any DatabaseConnection) {
        self.loaded = loaded
        self.connection = connection
    }

    /// The root project's name, for hook names (`jaffle_shop.on-run-start.0`).
    public var projectName: String { loaded.session.project.name }

    /// The hooks of `phase` (`on-run-start` or `on-run-end`).
    public func hooks(_ phase: String) -> [String] {
        phase == "on-run-start" ? loaded.session.project.onRunStart : loaded.session.project.onRunEnd
    }

    /// Renders and runs hook `index` of `phase`.
    public func run(_ phase: String, index: Int) throws {
        let hooks = hooks(phase)
        guard hooks.indices.contains(index) else { return }
        let sql = try Compiler(session: loaded.session, manifest: loaded.manifest).compileInline(hooks[index])
        guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        try connection.execute(sql)
    }
}
