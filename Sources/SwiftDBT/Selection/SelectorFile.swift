/// The named selectors of a project's `selectors.yml`, used by `--selector name` and, when one sets
/// `default: true`, by commands given no selection.
public struct SelectorFile: Sendable {
    /// One named selector.
    public struct Entry: Sendable {
        public let name: String
        public let description: String?
        public let isDefault: Bool
        public let spec: SelectionSpec
    }

    /// The selectors in file order; when a name repeats, the later definition wins, as in dbt.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads `selectors.yml` text; `path` is used in error locations. Throws `.project` errors at the offending
    /// line and column.
    public static func parse(yaml: String, path: String = "selectors.yml") throws -> SelectorFile {
        SelectorFile(entries: try SelectorFileReader(yaml: yaml, path: path).entries())
    }

    /// The selector the file sets `default: true` on, if any.
    public var defaultEntry: Entry? {
        entries.last(where: \.isDefault)
    }

    /// The spec of the selector named `name` (`--selector name`); throws a `.usage` error naming the known ones.
    public func spec(named name: String) throws -> SelectionSpec {
        guard let entry = entries.last(where: { $0.name == name }) else {
            let known = entries.map(\.name).joined(separator: ", ")
            throw DBTError(.usage, "Could not find selector named \(name), expected one of [\(known)]")
        }
        return entry.spec
    }
}
