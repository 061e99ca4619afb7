extension Dialect {
    /// `relation` with the parts `quoting` leaves unquoted written bare, as dbt writes them under a `quoting:`
    /// of false; empty parts are left out. A part is written bare only when that cannot change what it means: a
    /// plain identifier (a letter or `_`, then letters, digits or `_`) that the database reads bare as the same
    /// name; any other is quoted all the same, so no name is read as SQL.
    func render(_ relation: RelationName, quoting: RelationObject.Parts) -> String {
        func written(_ part: String, quoted: Bool) -> String {
            quoted || !isPlainIdentifier(part) || unquotedName(part) != part ? quote(part) : part
        }
        var parts: [String] = []
        if includesDatabase, let database = relation.database, !database.isEmpty {
            parts.append(written(database, quoted: quoting.database))
        }
        if let schema = relation.schema, !schema.isEmpty { parts.append(written(schema, quoted: quoting.schema)) }
        if !relation.identifier.isEmpty { parts.append(written(relation.identifier, quoted: quoting.identifier)) }
        return parts.joined(separator: ".")
    }

    private func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
