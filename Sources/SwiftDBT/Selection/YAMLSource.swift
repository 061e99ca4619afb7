import Yams

/// A YAML file's text and path: composes it into nodes and turns problems into located `.project` errors.
struct YAMLSource {
    let path: String
    private let lines: [Substring]
    private let text: String

    init(text: String, path: String) {
        self.text = text
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The document's root node, nil for an empty file; YAML syntax errors carry their line and column.
    func compose() throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let message = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
                throw located("invalid YAML: \(message)", line: mark.line, column: mark.column)
            default:
                throw DBTError(.project, "invalid YAML: \(error)", at: FileLocation(path: path, line: 1, column: 1))
            }
        }
    }

    /// A `.project` error pointing at `node`, with its line of text.
    func error(_ message: String, at node: Node) -> DBTError {
        located(message, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Runs `body`, moving an error without a location (a selection-syntax error) onto `node`.
    func locating<T>(_ node: Node, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DBTError where error.location == nil {
            throw self.error(error.message, at: node)
        }
    }

    private func located(_ message: String, line: Int, column: Int) -> DBTError {
        let sourceLine = lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil
        return DBTError(.project, message, at: FileLocation(path: path, line: line, column: column),
                        sourceLine: sourceLine)
    }
}
