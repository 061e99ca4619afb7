/// A parsed `{% macro %}` (or the body of a dbt `test`/`materialization` block): its signature,
/// its body, and the template it came from, so that errors inside it point at the right file.
public final class MacroDefinition: Sendable {
    /// One declared parameter, with its default expression when it has one.
    struct Parameter: Sendable {
        var name: String
        var defaultValue: Expr?
    }

    public let name: String
    let parameters: [Parameter]
    let body: [Stmt]
    let source: TemplateSource
    let span: Span
    /// Where the closing tag's `%}` ends in the source.
    let textEnd: Int
    /// Whether the body mentions `varargs`, `kwargs` or `caller`: Jinja2 accepts extra arguments only then.
    let usesVarargs: Bool
    let usesKwargs: Bool
    let usesCaller: Bool
    /// Every name the body reads that it does not define itself, in any branch.
    public let namesRead: Set<String>

    init(name: String, parameters: [Parameter], body: [Stmt], source: TemplateSource, span: Span, textEnd: Int,
         freeNames: Set<String>) {
        self.textEnd = textEnd
        self.name = name
        self.parameters = parameters
        self.body = body
        self.source = source
        self.span = span
        self.usesVarargs = freeNames.contains("varargs")
        self.usesKwargs = freeNames.contains("kwargs")
        self.usesCaller = freeNames.contains("caller")
        self.namesRead = freeNames
    }

    /// The declared parameter names, in order.
    public var parameterNames: [String] { parameters.map(\.name) }

    /// The template (usually a file path) the macro was defined in.
    public var templateName: String { source.name }

    /// Where the macro's definition starts.
    public var location: SourceLocation { source.location(span.start) }

    /// The definition as written, from the `{%` of its opening tag to the `%}` of its closing tag
    /// (line breaks as `\n`).
    public var text: String {
        let bytes = source.bytes
        var start = min(span.start, bytes.count)
        while start >= 2, !(bytes[start - 2] == UInt8(ascii: "{") && bytes[start - 1] == UInt8(ascii: "%")) { start -= 1 }
        start = max(start - 2, 0)
        let end = min(max(textEnd, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A dbt block found while parsing: `{% test %}`, `{% docs %}`, `{% materialization %}`, `{% snapshot %}`.
public struct BlockDefinition: Sendable {
    public enum Kind: String, Sendable {
        case test, docs, materialization, snapshot
    }

    public let kind: Kind
    /// The block's name (`not_null`, `table`, the doc or snapshot name).
    public let name: String
    /// For materializations: the adapters of `adapter='x'` or `adapter=['x', 'y']`; empty for `default`.
    /// The macro is named for the first (`materialization_<name>_<adapter>`).
    public let adapters: [String]
    /// The body as a callable macro (parameters from the block's signature for tests).
    public let macro: MacroDefinition
    /// The body's source text, unrendered.
    public let rawBody: String
}
