import Foundation
import Jinja

/// A relation as templates see it (`{{ ref('x') }}`, `{{ this }}`, `adapter.get_relation(...)`):
/// prints as the adapter renders it and behaves as dbt's `BaseRelation`: its attributes and
/// methods, equal to and hashed as any relation of the same name, and a mapping whose
/// `metadata.type` ends in `Relation` (how packages tell a relation from a string).
final class RelationObject: HostObject {
    /// Which parts of the name print, or are quoted (dbt's include and quote policies).
    struct Parts: Equatable {
        var database: Bool
        var schema: Bool
        var identifier: Bool
        static let all = Parts(database: true, schema: true, identifier: true)
    }

    let name: RelationName
    /// dbt's relation type: `table`, `view`, `cte`, `materialized_view`, ... (nil: not known).
    let kind: String?
    let dialect: any Dialect
    let includes: Parts
    /// Which parts are quoted; nil: as the adapter quotes them.
    let quotes: Parts?
    /// An ephemeral model referenced as a CTE prints as its bare CTE name.
    let cteName: String?
    /// `--empty`: prints as a subquery that reads no rows.
    let readsNothing: Bool
    /// Inside a microbatch model's batch: the condition keeping the rows of the batch's window
    /// (`event_time >= 'start' and event_time < 'end'`), or nil.
    let eventTimeFilter: String?
    /// Names `dialect` has printed before (the session's, when `dialect` is the session's).
    let texts: RelationTexts?

    init(_ name: RelationName, kind: String? = nil, dialect: any Dialect, includes: Parts = .all, quotes: Parts? = nil,
         cteName: String? = nil, readsNothing: Bool = false, eventTimeFilter: String? = nil, texts: RelationTexts? = nil) {
        self.name = name
        self.kind = kind
        self.dialect = dialect
        self.includes = includes
        self.quotes = quotes
        self.cteName = cteName
        self.readsNothing = readsNothing
        self.eventTimeFilter = eventTimeFilter
        self.texts = texts
    }

    /// A copy with some properties changed.
    func with(name: RelationName? = nil, kind: String?? = nil, includes: Parts? = nil, quotes: Parts?? = nil) -> RelationObject {
        RelationObject(name ?? self.name, kind: kind ?? self.kind, dialect: dialect, includes: includes ?? self.includes,
                       quotes: quotes ?? self.quotes, cteName: cteName, texts: texts)
    }

    var typeName: String { "Relation" }

    /// As dbt's: equal when every field is (name, type, policies); a relation's type is part of it.
    var valueKey: String? {
        func flags(_ parts: Parts?) -> String {
            guard let parts else { return "-" }
            return [parts.database, parts.schema, parts.identifier].map { $0 ? "1" : "0" }.joined()
        }
        return [name.database ?? "\u{1}", name.schema ?? "\u{1}", name.identifier, kind ?? "\u{1}", cteName ?? "",
                flags(includes), flags(quotes)].joined(separator: "\u{0}")
    }

    var isMapping: Bool { true }

    var display: String {
        if let cteName { return cteName }
        if readsNothing { return "(select * from \(rendered(name)) where false limit 0) \(dialect.alias("_dbt_empty_" + name.identifier))" }
        if let eventTimeFilter {
            return "(select * from \(rendered(name)) where \(eventTimeFilter)) \(dialect.alias("_dbt_et_filter_subq_" + name.identifier))"
        }
        return rendered(RelationName(database: includes.database ? name.database : nil,
                                     schema: includes.schema ? name.schema : nil,
                                     identifier: includes.identifier ? name.identifier : ""))
    }

    /// `relation` as the dialect prints it, or with this relation's own quote policy.
    private func rendered(_ relation: RelationName) -> String {
        guard let quotes = quotes ?? (relation.identifier.isEmpty ? Parts.all : nil) else {
            guard let texts else { return dialect.render(relation) }
            return texts.text(relation) { dialect.render(relation) }
        }
        return dialect.render(relation, quoting: quotes)
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        switch attribute {
        case "database": return optional(name.database)
        case "schema": return optional(name.schema)
        case "identifier", "name", "table": return .string(name.identifier)
        case "type": return optional(kind)
        case "is_table": return .bool(kind == "table")
        case "is_view": return .bool(kind == "view")
        case "is_materialized_view": return .bool(kind == "materialized_view")
        case "is_cte": return .bool(cteName != nil || kind == "cte")
        case "path": return .dict([("database", optional(name.database)), ("schema", optional(name.schema)),
                                   ("identifier", .string(name.identifier))])
        case "metadata": return .dict([("type", .string(dialect.relationClassName))])
        case "include_policy": return policy(includes)
        case "quote_policy":
            return self.policy(quotes ?? Parts.all)
        case "quote_character": return .string("\"")
        case "render": return .function("render") { [self] _, _ in .string(display) }
        case "get":
            return .function("get") { [self] arguments, context in
                guard let key = arguments.value(0, "key")?.stringValue else { return arguments.value(1, "default") ?? .none }
                return try self.attribute(key, context) ?? arguments.value(1, "default") ?? .none
            }
        case "include":
            return .function("include") { [self] arguments, _ in
                .object(with(includes: parts(arguments, over: includes)))
            }
        case "quote":
            return .function("quote") { [self] arguments, _ in
                .object(with(quotes: .some(parts(arguments, over: quotes ?? Parts.all))))
            }
        case "information_schema":
            return .function("information_schema") { [self] arguments, _ in
                let view = arguments.value(0, "view_name").flatMap { $0.isNone ? nil : $0.str }
                return .string(informationSchema(view: view))
            }
        case "without_identifier":
            return .function("without_identifier") { [self] _, _ in
                var shown = includes
                shown.identifier = false
                return .object(with(includes: shown))
            }
        case "incorporate":
            return .function("incorporate") { [self] arguments, _ in
                var kind = self.kind
                if let type = arguments.named("type") { kind = type.isNone ? nil : type.str }
                guard case .dict(let path)? = arguments.named("path") else { return .object(with(kind: .some(kind))) }
                return .object(with(name: replacing(path: path), kind: .some(kind)))
            }
        case "replace_path":
            return .function("replace_path") { [self] arguments, _ in
                let path = DictStorage()
                for (key, value) in arguments.keyword { path[key] = value }
                return .object(with(name: replacing(path: path)))
            }
        default:
            return nil
        }
    }

    /// `information_schema('columns')` as dbt's `InformationSchema` prints: the database (whenever
    /// the relation has one, quoted as the adapter quotes databases), `INFORMATION_SCHEMA`, the view.
    private func informationSchema(view: String?) -> String {
        var parts: [String] = []
        if let database = name.database, !database.isEmpty {
            let quoted = quotes?.database ?? dialect.includesDatabase
            parts.append(quoted ? dialect.quote(database) : database)
        }
        parts.append("INFORMATION_SCHEMA")
        if let view { parts.append(view) }
        return parts.joined(separator: ".")
    }

    /// `relation['schema']`: a mapping's item is its attribute.
    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        guard let key = key.stringValue else { return nil }
        return try attribute(key, context)
    }

    /// The name with the parts `path` gives replaced (`none` clears a part).
    private func replacing(path: DictStorage) -> RelationName {
        var updated = name
        if let identifier = path["identifier"], !identifier.isUndefined { updated.identifier = identifier.str }
        if let schema = path["schema"], !schema.isUndefined { updated.schema = schema.isNone ? nil : schema.str }
        if let database = path["database"], !database.isUndefined { updated.database = database.isNone ? nil : database.str }
        return updated
    }

    /// `include(schema=false)`, `quote(identifier=true)`: the parts named change, the rest stay.
    private func parts(_ arguments: Arguments, over current: Parts) -> Parts {
        func flag(_ key: String, _ value: Bool) -> Bool {
            guard let given = arguments.named(key), !given.isNone else { return value }
            return given.isTruthy
        }
        return Parts(database: flag("database", current.database), schema: flag("schema", current.schema),
                     identifier: flag("identifier", current.identifier))
    }

    private func policy(_ parts: Parts) -> Value {
        .dict([("database", .bool(parts.database)), ("schema", .bool(parts.schema)), ("identifier", .bool(parts.identifier))])
    }

    private func optional(_ text: String?) -> Value { text.map(Value.string) ?? .none }
}

/// Relation names as one session's dialect prints them, each printed once (printing quotes
/// every part, which is slow), shared by the threads rendering.
final class RelationTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [RelationName: String] = [:]

    func text(_ relation: RelationName, _ render: () -> String) -> String {
        if let found = lock.withLock({ texts[relation] }) { return found }
        let text = render()
        lock.withLock { texts[relation] = text }
        return text
    }
}
