import Jinja

/// What on-run-end hooks see besides dbt's context: `results` (one per node, with its `node`,
/// `status`, `message`, `failures`, `execution_time`), `schemas` and `database_schemas` (where
/// the run's nodes built, each once).
enum RunEndContext {
    static func values(_ results: [NodeResult], manifest: Manifest, session: CompileSession) -> [String: Value] {
        var schemas: [String] = []
        var databaseSchemas: [(database: String, schema: String)] = []
        var described: [Value] = []
        for result in results {
            let node = manifest.node(result.uniqueID)
            if let relation = node?.relation, let schema = relation.schema, node?.resourceType != .test {
                if !schemas.contains(schema) { schemas.append(schema) }
                let database = relation.database ?? ""
                if !databaseSchemas.contains(where: { $0 == (database, schema) }) { databaseSchemas.append((database, schema)) }
            }
            described.append(.dict([
                ("node", node.map { NodeValues.describe($0, session: session).jinjaValue } ?? .dict([("unique_id", .string(result.uniqueID))])),
                ("status", .string(result.status.rawValue)),
                ("message", .string(result.message)),
                ("failures", result.failures.map(Value.int) ?? .none),
                ("execution_time", .float(result.executionTime)),
                ("thread_id", .string("Thread-1")),
                ("adapter_response", .dict([])),
                ("timing", .list([])),
            ]))
        }
        return [
            "results": .list(described),
            "schemas": .list(schemas.map(Value.string)),
            "database_schemas": .list(databaseSchemas.map { .tuple([.string($0.database), .string($0.schema)]) }),
        ]
    }
}
