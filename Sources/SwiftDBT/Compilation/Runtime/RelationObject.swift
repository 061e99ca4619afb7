import Foundation
import Jinja

/// A relation as templates see it (`{{ ref('x') }}`, `{{ this }}`): prints as the adapter
/// renders it and offers dbt's attributes (`identifier`, `schema`, `include(...)`, ...).
final class RelationObject: HostObject {
    let name: RelationName
    let kind: String?
    let dialect: any Dialect
    /// Which parts print (dbt's `include()`).
    let includes: (database: Bool, schema: Bool, identifier: Bool)
    /// An ephemeral model referenced as a CTE prints as its bare CTE name.
    let cteName: String?
    /// `--empty`: prints as a subquery that reads no rows.
    let readsNothing: Bool
    /// Names `dialect` has printed before (the session's, when `dialect` is the session's).
    let texts: RelationTexts?

    init(_ name: RelationName, kind: String? = nil, dialect: any Dialect,
         includes: (database: Bool, schema: Bool, identifier: Bool) = (true, true, true), cteName: String? = nil,
         readsNothing: Bool = false, texts: RelationTexts? = nil) {
        self.name = name
        self.kind = kind
        self.dialect = dialect
        self.includes = includes
        self.cteName = cteName
        self.readsNothing = readsNothing
        self.texts = texts
    }

    /// The relation as the dialect prints it.
    private func render(_ relation: RelationName) -> String {
        guard let texts else { return dialect.render(relation) }
        return texts.text(relation) { dialect.render(relation) }
    }

    var typeName: String { "Relation" }

    var display: String {
        if let cteName { return cteName }
        if readsNothing { return "(select * from \(render(name)) where false limit 0) _dbt_empty_\(name.identifier)" }
        let shown = RelationName(database: includes.database ? name.database : nil,
                                 schema: includes.schema ? name.schema : nil,
                                 identifier: includes.identifier ? name.identifier : "")
        return render(shown)
    }

    func attribute(_ attribute: String, _ context: CallContext) throws -> Value? {
        switch attribute {
        case "database": return name.database.map(Value.string) ?? Value.none
        case "schema": return name.schema.map(Value.string) ?? Value.none
        case "identifier", "name", "table": return .string(name.identifier)
        case "type": return kind.map(Value.string) ?? Value.none
        case "is_table": return .bool(kind == "table")
        case "is_view": return .bool(kind == "view")
        case "is_cte": return .bool(cteName != nil)
        case "render": return .function("render") { [self] _, _ in .string(display) }
        case "include":
            return .function("include") { [self] arguments, _ in
                func flag(_ key: String, _ current: Bool) -> Bool { arguments.named(key)?.isTruthy ?? current }
                return .object(RelationObject(name, kind: kind, dialect: dialect,
                                              includes: (flag("database", includes.database), flag("schema", includes.schema),
                                                         flag("identifier", includes.identifier)), cteName: cteName, texts: texts))
            }
        case "incorporate":
            return .function("incorporate") { [self] arguments, _ in
                var updated = name
                if case .dict(let path)? = arguments.named("path") {
                    if let identifier = path["identifier"], !identifier.isUndefined { updated.identifier = identifier.str }
                    if let schema = path["schema"], !schema.isUndefined { updated.schema = schema.str }
                    if let database = path["database"], !database.isUndefined { updated.database = database.str }
                }
                let newKind = arguments.named("type").map(\.str) ?? kind
                return .object(RelationObject(updated, kind: newKind, dialect: dialect, includes: includes, texts: texts))
            }
        case "quote":
            return .function("quote") { [self] _, _ in .object(self) }
        default:
            return nil
        }
    }
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
