import Jinja

extension Compiler {
    /// `run-operation`: calls the macro `name` (or `package.name`) with `arguments`, in the root
    /// project's context with the runtime's connection; returns what it rendered.
    ///
    /// An unknown macro is unusable input (exit 2); a macro that fails, a failed run (exit 1).
    public func runOperation(_ name: String, arguments: [(key: String, value: ConfigValue)]) throws -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let found = parts.count == 2 ? session.macros.macro(parts[1], in: parts[0])
            : session.macros.resolve(name, from: session.project.name)
        guard let macro = found else {
            throw DBTError(.usage, "run-operation: there is no macro named '\(name)' in this project or its packages")
        }
        let node = operationNode("operation", name: macro.name, code: "")
        let state = RenderState(session: session, node: node, phase: .compile(resolver), runtime: runtime, flags: flags)
        let call = Arguments([], keyword: arguments.map { ($0.key, $0.value.jinjaValue) })
        do {
            return try session.templates.call(macro.definition, call, globals: state.scope(for: macro.packageName)).str
        } catch let error as TemplateError {
            throw DBTError(template: error, path: macro.definition.templateName, kind: .execution)
        }
    }
}
