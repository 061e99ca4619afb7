/// dbt's `persist_docs` config (`persist_docs: {relation: true, columns: true}`): a built relation's
/// description, and those of its YAML columns that the relation has, written as database comments in the
/// transaction that puts the relation in place. As in dbt, an empty model description writes no comment;
/// a database without comments (SQLite) ignores the config.
struct PersistDocs {
    let relation: Bool
    let columns: Bool

    init(_ config: ConfigValue?) {
        relation = config?["relation"]?.boolValue ?? false
        columns = config?["columns"]?.boolValue ?? false
    }

    /// Writes the comments `node` asks for on `target`, a table or view of `kind`.
    func apply(_ node: ProjectNode, to target: RelationName, kind: RelationKind, connection: any DatabaseConnection,
               dialect: any Dialect) throws {
        guard dialect.supportsComments, relation || columns else { return }
        if relation, !node.description.isEmpty {
            try connection.execute(dialect.comment(on: target, kind: kind, node.description))
        }
        guard columns, !node.columns.isEmpty else { return }
        let existing = Set(try connection.columns(of: target).map(\.name))
        for column in node.columns where existing.contains(column.name) {
            try connection.execute(dialect.comment(onColumn: column.name, of: target, column.description))
        }
    }
}
