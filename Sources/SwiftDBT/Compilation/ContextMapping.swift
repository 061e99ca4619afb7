import Jinja

/// `context` and `builtins`: a render's names as a mapping (`context['my_macro']`, `context.get('x')`,
/// `builtins.ref(...)` from a project's own `ref` macro). `builtins` holds dbt's context members only;
/// `context` reaches macros too.
final class ContextMapping: HostObject {
    unowned let scope: RenderScope
    let includesMacros: Bool

    init(scope: RenderScope, includesMacros: Bool) {
        self.scope = scope
        self.includesMacros = includesMacros
    }

    var typeName: String { "dict" }

    private func lookup(_ name: String) -> Value? {
        includesMacros ? scope.resolve(name) : scope.contextValue(name)
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        guard name == "get" else { return lookup(name) }
        return .function(name) { [self] arguments, _ in
            lookup(arguments.value(0, "key")?.str ?? "") ?? arguments.value(1, "default") ?? .none
        }
    }

    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        guard case .string(let name) = key else { return nil }
        return lookup(name)
    }
}
