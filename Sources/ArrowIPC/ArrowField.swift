/// A named column (or child of a nested type) of a schema.
public struct ArrowField: Equatable, Hashable, Sendable {
    public var name: String
    /// The type of the values (for a dictionary-encoded field, of the dictionary's values).
    public var type: ArrowType
    public var nullable: Bool
    /// Set when the column arrives as indices into a dictionary sent in a separate message.
    public var dictionary: ArrowDictionaryEncoding?

    public init(name: String, type: ArrowType, nullable: Bool, dictionary: ArrowDictionaryEncoding? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.dictionary = dictionary
    }

    /// The field inside a nested type's name, as pyarrow writes it: `name: type`, then ` not null`.
    var childDescription: String {
        "\(name): \(type)\(nullable ? "" : " not null")"
    }
}

/// How a dictionary-encoded field refers to its dictionary.
public struct ArrowDictionaryEncoding: Equatable, Hashable, Sendable {
    /// The dictionary's id, shared with the `DictionaryBatch` messages that carry its values.
    public var id: Int64
    /// The integer type of the indices.
    public var indexBitWidth: Int
    public var indexSigned: Bool

    public init(id: Int64, indexBitWidth: Int, indexSigned: Bool) {
        self.id = id
        self.indexBitWidth = indexBitWidth
        self.indexSigned = indexSigned
    }
}
