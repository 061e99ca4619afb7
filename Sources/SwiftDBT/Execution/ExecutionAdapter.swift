/// An adapter that can run things: a dialect plus connections. Registered by profile `type`.
public protocol ExecutionAdapter: AdapterFactory {
    /// Opens a connection for `target`; fails with a `.connection` error naming the target.
    func connect(_ target: Target, projectRoot: String) throws -> any DatabaseConnection
    /// How many connections may write at once (`--threads` is capped by it; SQLite has one writer).
    var maxConnections: Int { get }
    /// The database file a writing run locks for itself with a `WriterLock`, where two runs writing at
    /// once would get in each other's way (SQLite); nil where the database keeps them apart.
    func exclusiveFile(_ target: Target, projectRoot: String) -> String?
}

extension ExecutionAdapter {
    public var maxConnections: Int { Int.max }
    public func exclusiveFile(_ target: Target, projectRoot: String) -> String? { nil }
}

/// SQL for materializations, with the defaults most databases accept; an adapter's dialect
/// overrides only what differs (SQLite cannot rename views, for example).
extension Dialect {
    public func createTableAs(_ relation: RelationName, _ sql: String) -> String {
        "create table \(render(relation)) as\n\(sql)"
    }

    public func createViewAs(_ relation: RelationName, _ sql: String) -> String {
        "create view \(render(relation)) as\n\(sql)"
    }

    public func drop(_ relation: RelationName, kind: RelationKind) -> String {
        "drop \(kind.sqlName) if exists \(render(relation))\(dropsCascade ? " cascade" : "")"
    }

    /// Empties a table.
    public func truncate(_ relation: RelationName) -> String {
        (supportsTruncate ? "truncate table " : "delete from ") + render(relation)
    }

    public func rename(_ relation: RelationName, to identifier: String, kind: RelationKind) -> String {
        "alter \(kind.sqlName) \(render(relation)) rename to \(quote(identifier))"
    }

    /// `comment on table|view|materialized view ... is '...'`, the text as an escaped literal (`comment` takes no parameters).
    public func comment(on relation: RelationName, kind: RelationKind, _ text: String) -> String {
        "comment on \(kind.sqlName) \(render(relation)) is \(literal(text))"
    }

    /// `comment on column ... is '...'`.
    public func comment(onColumn column: String, of relation: RelationName, _ text: String) -> String {
        "comment on column \(render(relation)).\(quote(column)) is \(literal(text))"
    }

    public func addColumn(_ relation: RelationName, _ column: DatabaseColumn) -> String {
        "alter table \(render(relation)) add column \(quote(column.name)) \(column.type)"
    }

    public func dropColumn(_ relation: RelationName, _ column: String) -> String {
        "alter table \(render(relation)) drop column \(quote(column))"
    }

    /// The privileges others hold on `relation`, granted by the current role: rows of (grantee, privilege).
    public func showGrants(_ relation: RelationName) -> String {
        "select grantee, privilege_type from information_schema.role_table_grants where grantor = current_role "
            + "and grantee != current_role and table_schema = \(literal(relation.schema ?? "")) "
            + "and table_name = \(literal(relation.identifier))"
    }

    /// `grant`, as dbt writes it: grantees as the user wrote them (quote them in the config if needed).
    public func grant(_ privilege: String, on relation: RelationName, to grantees: [String]) -> String {
        "grant \(privilege) on \(render(relation)) to \(grantees.joined(separator: ", "))"
    }

    public func revoke(_ privilege: String, on relation: RelationName, from grantees: [String]) -> String {
        "revoke \(privilege) on \(render(relation)) from \(grantees.joined(separator: ", "))"
    }
}
