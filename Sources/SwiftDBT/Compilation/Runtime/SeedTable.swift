import Jinja

/// What `load_agate_table()` gives the `seed` materialization: the seed's CSV, standing for the agate table dbt
/// reads it into, without holding its rows. `column_names` are the table's column names and
/// `adapter.convert_type(table, index)` the adapter's type for a column; `insert_into(relation, batch_size)`
/// (what the built-in `load_csv_rows` calls) loads every row into `relation` on swiftdbt's fast CSV path
/// (a prepared insert, or `COPY` on PostgreSQL) and returns their number, which `loaded_rows` then holds.
final class SeedTable: HostObject {
    let source: SeedSource
    unowned let state: RenderState
    private(set) var loadedRows: Int?

    init(_ source: SeedSource, state: RenderState) {
        self.source = source
        self.state = state
    }

    var typeName: String { "SeedTable" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "column_names": return .list(source.names.map(Value.string))
        case "loaded_rows": return loadedRows.map(Value.int) ?? .none
        case "insert_into":
            return .function(name) { [self] arguments, _ in
                let bound = try arguments.bind(name, ["relation", "batch_size"], defaults: ["batch_size": .int(SeedSource.batchRows)])
                guard case .object(let relation as RelationObject) = bound[0] else {
                    throw TemplateError(.invalidArgument, "insert_into() needs a relation, not \(bound[0].repr)")
                }
                guard case .int(let batchRows) = bound[1], batchRows > 0 else {
                    throw TemplateError(.invalidArgument, "insert_into(): batch_size must be a positive number, not \(bound[1].repr)")
                }
                let count = try state.withDatabase { connection in
                    try source.insert(into: relation.name, connection: connection, batchRows: batchRows)
                }
                loadedRows = count
                return .int(count)
            }
        default: return nil
        }
    }

    /// The adapter's type for column `index` (`column_types` config's first), as `adapter.convert_type` answers.
    func columnType(_ index: Int) throws -> String {
        guard source.columns.indices.contains(index) else {
            throw TemplateError(.invalidArgument, "convert_type(): the seed has no column \(index)")
        }
        return state.session.dialect.seedColumnType(source.columns[index].type)
    }
}
