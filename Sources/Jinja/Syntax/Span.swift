/// A position in template source: 1-based line and column, 0-based UTF-8 offset.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// The source range a token or syntax node covers, as UTF-8 byte offsets; lines and columns
/// are worked out only when an error needs them (`TemplateSource.location(_:)`).
struct Span: Sendable, Hashable {
    var start: Int
    var end: Int
}
