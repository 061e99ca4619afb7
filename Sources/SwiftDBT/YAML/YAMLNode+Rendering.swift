import Jinja

extension YAMLNode {
    /// Whether a string holds Jinja (`{{ ... }}` or `{% ... %}`).
    /// (ASCII text by its bytes: `String.contains(String)` goes through Foundation's `range(of:)`, thousands
    /// of instructions a call.)
    static func isTemplated(_ text: String) -> Bool {
        guard ASCIIText.isASCII(text) else { return text.contains("{{") || text.contains("{%") }
        var afterBrace = false
        for byte in text.utf8 {
            if afterBrace && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
            afterBrace = byte == UInt8(ascii: "{")
        }
        return false
    }

    /// The node's value with every templated string rendered: a string that is a single
    /// `{{ expression }}` keeps the expression's type (`"{{ var('on', false) }}"` is a bool).
    /// Keys listed in `skipping` (hooks, rendered later) are kept as written.
    public func rendered(_ environment: Environment, _ context: [String: Value], skipping: Set<String> = []) throws -> ConfigValue {
        switch kind {
        case .null: return .null
        case .scalar(.string(let text)) where YAMLNode.isTemplated(text):
            do {
                return try ConfigValue(environment.evaluate(text, context, name: location.path))
            } catch let error as TemplateError {
                throw DBTError(.project, error.message, at: location, sourceLine: nil)
            }
        case .scalar(let value): return value
        case .sequence(let items):
            return .list(try items.map { try $0.rendered(environment, context, skipping: skipping) })
        case .mapping(let pairs):
            return .dict(try pairs.map { key, value in
                (key, skipping.contains(key) ? value.value : try value.rendered(environment, context, skipping: skipping))
            })
        }
    }
}
