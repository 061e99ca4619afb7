/// A parsed template: render it many times, look up the macros and dbt blocks it defines.
public final class Template: Sendable {
    let source: TemplateSource
    let body: [Stmt]
    /// Top-level `{% macro %}` definitions in source order.
    public let macros: [MacroDefinition]
    /// dbt blocks (`test`, `docs`, `materialization`, `snapshot`) in source order.
    public let blocks: [BlockDefinition]

    init(source: TemplateSource, body: [Stmt], macros: [MacroDefinition], blocks: [BlockDefinition]) {
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
