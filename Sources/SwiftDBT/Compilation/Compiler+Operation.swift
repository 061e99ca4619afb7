import Jinja

extension Compiler {
    /// The macro `run-operation` calls for `name` (or `package.name`); an unknown one is unusable input, told
    /// with dbt's hint.
    public func operationMacro(_ name: String) throws -> MacroEntry {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let found = parts.count == 2 ? session.macros.macro(parts[1], in: parts[0])
            : session.macros.resolve(name, from: session.project.name)
        guard let macro = found else {
            throw DBTError(.usage, "swiftdbt could not find a macro with the name '\(name)' in any package. " + DBTError.undefinedHint)
        }
        return macro
    }

    /// `run-operation`: calls `macro` with `arguments`, in the root project's context with the runtime's
    /// connection; returns what it rendered. A macro that fails is a failed run (exit 1).
    public func runOperation(_ macro: MacroEntry, arguments: [(key: String, value: ConfigValue)]) throws -> String {
        let node = operationNode("operation", name: macro.name, code: "")
        let state = RenderState(session: session, node: node, phase: .compile(resolver), runtime: runtime, flags: flags)
        let call = Arguments([], keyword: arguments.map { ($0.key, $0.value.jinjaValue) })
        do {
            return try session.templates.call(macro.definition, call, globals: state.scope(for: macro.packageName)).str
        } catch let error as TemplateError {
            throw DBTError(template: error, path: macro.definition.templateName, kind: .execution, hinted: false)
        }
    }
}
