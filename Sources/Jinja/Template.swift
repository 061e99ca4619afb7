/// A parsed template: render it many times, look up the macros and dbt blocks it defines.
public final class Template: Sendable {
    let source: TemplateSource
    let body: [Stmt]
    /// Top-level `{% macro %}` definitions in source order.
    public let macros: [MacroDefinition]
    /// dbt blocks (`test`, `docs`, `materialization`, `snapshot`) in source order.
    public let blocks: [BlockDefinition]
    /// Every name the template reads (variables, functions, macros), in any branch and any macro
    /// body, whether or not a render reaches it; attributes (`x.y`) are not names.
    public let namesRead: Set<String>
    /// Every attribute read directly off a name, as `name.attribute` (`dbt_utils.star`), in any branch and any
    /// macro body.
    public let attributesRead: Set<String>

    init(source: TemplateSource, body: [Stmt], macros: [MacroDefinition], blocks: [BlockDefinition], namesRead: Set<String>,
         attributesRead: Set<String>) {
        self.namesRead = namesRead
        self.attributesRead = attributesRead
        self.source = source
        self.body = body
        self.macros = macros
        self.blocks = blocks
    }

    /// The name given when parsing (usually the file path).
    public var name: String { source.name }

    /// The source after newline normalization.
    public var text: String { source.text }

    /// The top-level macro called `name`, if any.
    public func macro(named name: String) -> MacroDefinition? {
        macros.first { $0.name == name }
    }
}
