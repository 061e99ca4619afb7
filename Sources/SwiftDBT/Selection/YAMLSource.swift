/// A YAML file's text and path: reads it into `YAMLNode`s and turns problems into located `.project` errors.
struct YAMLSource {
    let path: String
    private let text: String

    init(text: String, path: String) {
        self.text = text
        self.path = path
    }

    /// The document's root node, nil for an empty file; YAML syntax errors carry their line and column.
    func root() throws -> YAMLNode? {
        try YAMLNode.parse(text, path: path)
    }

    /// A `.project` error pointing at `node`, with its line of text.
    func error(_ message: String, at node: YAMLNode) -> DBTError {
        DBTError(.project, message, at: node.location, sourceLine: SourceText.line(node.location.line, of: text))
    }

    /// Runs `body`, moving an error without a location (a selection-syntax error) onto `node`.
    func locating<T>(_ node: YAMLNode, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DBTError where error.location == nil {
            throw self.error(error.message, at: node)
        }
    }
}
