import Jinja

/// `pre_hook` and `post_hook`: SQL statements rendered in the model's context and run around it.
enum Hooks {
    static func run(_ hooks: ConfigValue?, node: ProjectNode, compiler: Compiler, connection: any DatabaseConnection) throws {
        for hook in hooks?.stringList ?? [] {
            let sql = try compiler.renderHook(hook, for: node)
            guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            try connection.execute(sql)
        }
    }
}
