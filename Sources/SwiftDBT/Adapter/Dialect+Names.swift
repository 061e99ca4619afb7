/// How relation names and the names compiled SQL makes from them are written, where the database limits them.
extension Dialect {
    /// A name compiled SQL gives a CTE or a subquery (`__dbt__cte__orders`): as it is when it holds only ASCII
    /// letters, digits and underscores, as dbt writes it; quoted otherwise, as it comes from a file or config name.
    public func alias(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { character in
            character == "_" || ("a"..."z").contains(character) || ("A"..."Z").contains(character) || ("0"..."9").contains(character)
        }
        return plain ? name : quote(name)
    }

    /// `relation` with `suffix` added to its name (`__dbt_tmp`), the name first shortened, as dbt does, so that
    /// the whole fits `maxIdentifierBytes`: a database that cuts long names would otherwise give the temporary
    /// and the backup relation of a long name the same name.
    public func suffixed(_ relation: RelationName, _ suffix: String) -> RelationName {
        var named = relation
        if let limit = maxIdentifierBytes {
            let name = relation.identifier
            var (end, bytes) = (name.startIndex, 0)
            for index in name.indices {
                bytes += name[index].utf8.count
                guard bytes + suffix.utf8.count <= limit else { break }
                end = name.index(after: index)
            }
            named.identifier = String(name[..<end])
        }
        named.identifier += suffix
        return named
    }

    /// Fails with an `.execution` error when a part of `relation`'s name is too long for the database to keep
    /// whole (dbt-postgres refuses such names too: the database would silently cut them).
    public func checkNameLengths(_ relation: RelationName) throws {
        guard let limit = maxIdentifierBytes else { return }
        for part in [relation.schema, relation.identifier].compactMap({ $0 }) where part.utf8.count > limit {
            throw DBTError(.execution, "the name '\(part)' is \(part.utf8.count) bytes long; \(type) keeps only \(limit)")
        }
    }
}
