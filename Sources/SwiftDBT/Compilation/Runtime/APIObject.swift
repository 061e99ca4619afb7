import Jinja

/// `api`: the adapter's classes templates build values with (`api.Relation.create(...)`, `api.Column(...)`).
final class APIObject: HostObject {
    let dialect: any Dialect
    init(dialect: any Dialect) { self.dialect = dialect }

    var typeName: String { "API" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "Relation": return .object(RelationFactory(dialect: dialect))
        case "Column": return .object(ColumnFactory(dialect: dialect))
        default: return nil
        }
    }
}
