import Jinja

/// `api.Relation` and `adapter.Relation`: `Relation.create(database=, schema=, identifier=, type=)`.
final class RelationFactory: HostObject {
    let dialect: any Dialect
    init(dialect: any Dialect) { self.dialect = dialect }

    var typeName: String { "type" }
    var display: String { "<class '\(dialect.relationClassName)'>" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        guard name == "create" else { return nil }
        return .function(name) { [dialect] arguments, _ in
            func text(_ position: Int, _ key: String) -> String? {
                guard let value = arguments.value(position, key), !value.isNone, !value.isUndefined else { return nil }
                return value.str
            }
            let relation = RelationName(database: text(0, "database"), schema: text(1, "schema"),
                                        identifier: text(2, "identifier") ?? "")
            var object = RelationObject(relation, kind: text(3, "type"), dialect: dialect)
            if case .dict(let policy)? = arguments.named("quote_policy") {
                object = object.with(quotes: .some(RelationFactory.parts(policy, over: .all)))
            }
            if case .dict(let policy)? = arguments.named("include_policy") {
                object = object.with(includes: RelationFactory.parts(policy, over: .all))
            }
            return .object(object)
        }
    }

    private static func parts(_ policy: DictStorage, over current: RelationObject.Parts) -> RelationObject.Parts {
        RelationObject.Parts(database: policy["database"]?.isTruthy ?? current.database,
                             schema: policy["schema"]?.isTruthy ?? current.schema,
                             identifier: policy["identifier"]?.isTruthy ?? current.identifier)
    }
}
