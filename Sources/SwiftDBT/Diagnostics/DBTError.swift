/// A place in a project file, 1-based.
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// A problem swiftdbt reports to the user: `path:line:col: message`, the offending line, notes.
public struct DBTError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// A project, property, selector or profile file is unusable (exit 2).
        case project
        /// A template failed to render or compile (exit 2 at parse/compile time).
        case compilation
        /// The command line is unusable (exit 2).
        case usage
        /// The database cannot be reached or refused the connection (exit 2).
        case connection
        /// A model, seed or test failed while running (exit 1).
        case execution
        /// The database connection broke mid-run (exit 1): the node in flight fails, the rest are skipped.
        case connectionLost
    }

    public var kind: Kind
    public var message: String
    public var location: FileLocation?
    /// The full text of the offending line, when known.
    public var sourceLine: String?
    /// Extra lines printed under the message (a macro call chain, a suggestion).
    public var notes: [String]

    public init(_ kind: Kind, _ message: String, at location: FileLocation? = nil,
                sourceLine: String? = nil, notes: [String] = []) {
        self.kind = kind
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// The process exit code dbt uses for this kind of failure.
    public var exitCode: Int32 { kind == .execution || kind == .connectionLost ? 1 : 2 }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += message
        if let sourceLine, let location {
            text += "\n  " + sourceLine + "\n  " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        for note in notes { text += "\n  " + note }
        return text
    }
}

/// Several problems found in one pass (a parse reports all it finds).
public struct DBTErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [DBTError]

    public init(_ errors: [DBTError]) { self.errors = errors }

    public var exitCode: Int32 { errors.contains { $0.exitCode == 2 } ? 2 : 1 }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
