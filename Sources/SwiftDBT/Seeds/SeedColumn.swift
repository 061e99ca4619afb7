/// A seed column: its name from the CSV header and its type.
public struct SeedColumn: Sendable, Hashable {
    public var name: String
    public var type: SeedColumnType

    public init(name: String, type: SeedColumnType) {
        self.name = name
        self.type = type
    }
}
