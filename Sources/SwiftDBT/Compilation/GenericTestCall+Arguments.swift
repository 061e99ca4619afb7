import Foundation
import Jinja

/// A generic test's arguments as dbt passes them to the test macro when it compiles the test.
extension GenericTestCall {
    /// `value` with every string in it (in lists and dicts too, keys excepted) rendered in the test node's
    /// context: a lone `{{ expression }}` gives its value, anything else the rendered text, and a bare
    /// `ref(...)`, `source(...)`, `var(...)`, `env_var(...)` or `doc(...)` call is evaluated as if written in `{{ }}`.
    static func argument(_ value: ConfigValue, node: ProjectNode, state: RenderState, scope: RenderScope,
                         depth: Int = 0) throws -> Value {
        switch value {
        case .string(let text):
            let source = TestArguments.isCall(text) ? "{{ \(text) }}" : text
            guard needsRendering(source) else { return .string(text) }
            return try state.session.templates.evaluate(source, [:], name: node.definedAt.path, globals: scope)
        case .list(let items):
            guard !ValueNesting.exceeded(depth) else { throw nestingError(node) }
            return .list(try items.map { try argument($0, node: node, state: state, scope: scope, depth: depth + 1) })
        case .dict(let pairs):
            guard !ValueNesting.exceeded(depth) else { throw nestingError(node) }
            return .dict(try pairs.map { ($0.key, try argument($0.value, node: node, state: state, scope: scope, depth: depth + 1)) })
        default:
            return value.jinjaValue
        }
    }

    /// Whether rendering could change `text`: it holds template syntax, a carriage return or a final
    /// newline (the template engine drops one, as Jinja does).
    private static func needsRendering(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "{")) || text.utf8.contains(UInt8(ascii: "\r")) || text.utf8.last == UInt8(ascii: "\n")
    }

    private static func nestingError(_ node: ProjectNode) -> DBTError {
        DBTError(.project, "the arguments of test '\(node.name)' are nested more than \(ValueNesting.maxDepth) levels deep",
                 at: node.definedAt)
    }
}
