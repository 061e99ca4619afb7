/// A macro as a callable value: its definition plus the frame it closes over.
///
/// A macro defined inside a template sees that template's variables (live, as in Jinja2);
/// one handed in by the host (`closure == nil`) sees the globals of whichever render calls it,
/// which is how dbt's macros see the calling model's `this`, `config` and `ref`.
final class Macro: Callable {
    let definition: MacroDefinition
    let closure: Frame?
    /// For host macros: where the body's free names are resolved (the macro's own package in dbt).
    let globals: (any GlobalResolver)?

    init(_ definition: MacroDefinition, closure: Frame?, globals: (any GlobalResolver)? = nil) {
        self.definition = definition
        self.closure = closure
        self.globals = globals
    }

    var name: String { definition.name }
    var typeName: String { "macro" }

    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        try context.renderer.callMacro(self, arguments)
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string(definition.name)
        case "arguments": return .tuple(definition.parameterNames.map { .string($0) })
        case "catch_varargs": return .bool(definition.usesVarargs)
        case "catch_kwargs": return .bool(definition.usesKwargs)
        case "caller": return .bool(definition.usesCaller)
        default: return nil
        }
    }
}

extension Value {
    /// A macro from a parsed template, callable from any render. Its free names resolve in the
    /// caller's context, then in `globals` when given (else the caller's resolver).
    public static func macro(_ definition: MacroDefinition, globals: (any GlobalResolver)? = nil) -> Value {
        .callable(Macro(definition, closure: nil, globals: globals))
    }
}
