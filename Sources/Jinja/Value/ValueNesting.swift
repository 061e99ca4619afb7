/// Bounds the recursion of code that walks nested lists, dicts and tuples (printing, comparing,
/// JSON, conversions), which a template can nest to any depth (`{% set ns.x = [ns.x] %}` in a
/// loop) or make contain themselves (`{% do x.append(x) %}`).
public enum ValueNesting {
    /// The deepest value a walk goes into (Python stops near 1,000 with a RecursionError).
    public static let maxDepth = 256

    /// Whether a walk `depth` levels down must stop: past `maxDepth`, or the thread's stack is
    /// low (asked every 16 levels).
    public static func exceeded(_ depth: Int) -> Bool {
        depth > maxDepth || (depth >= 16 && depth % 16 == 0 && StackSpace.isLow)
    }

    /// The error for a walk that went too deep.
    public static var error: TemplateError {
        TemplateError(.limitExceeded, "maximum recursion depth exceeded: a value nests deeper than \(maxDepth) levels")
    }
}
