/// A macro as a callable value: its definition plus the frame it closes over.
///
/// A macro defined inside a template sees that template's variables (live, as in Jinja2);
/// one handed in by the host (`closure == nil`) sees the globals of whichever render calls it,
/// which is how dbt's macros see the calling model's `this`, `config` and `ref`.
final class Macro: Callable {
    let definition: MacroDefinition
    let closure: Frame?

    init(_ definition: MacroDefinition, closure: Frame?) {
        self.definition = definition
        self.closure = closure
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
    /// A macro from a parsed template, callable from any render (its free names resolve in the caller's globals).
    public static func macro(_ definition: MacroDefinition) -> Value {
        .callable(Macro(definition, closure: nil))
    }
}
