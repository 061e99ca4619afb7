/// Selection specs combined by one set operation (dbt's union, intersection and difference groups).
public struct SelectionGroup: Sendable {
    /// How the components' node sets combine.
    public enum Operation: Sendable {
        case union, intersection
        /// The first component minus all the others.
        case difference
    }

    public var operation: Operation
    public var components: [SelectionSpec]
    /// The text behind the group, for the "does not match any enabled nodes" warning.
    public var raw: String
    /// Whether an empty result is reported (each space-separated `--select`/`--exclude` entry).
    public var expectsMatches: Bool
    /// The mode used to admit tests whose parents arrive from different components; nil means the command's.
    public var indirectSelection: IndirectSelection?

    public init(_ operation: Operation, _ components: [SelectionSpec], raw: String = "",
                expectsMatches: Bool = false, indirectSelection: IndirectSelection? = nil) {
        self.operation = operation
        self.components = components
        self.raw = raw
        self.expectsMatches = expectsMatches
        self.indirectSelection = indirectSelection
    }
}
