import Jinja

/// A schema's relations as the macro `list_relations_without_caching(schema_relation)` lists them, the way dbt's SQL
/// adapters fill their relation cache once a project or package overrides it (or its adapter's variant): the
/// root project's macro first, then a package's, then the built-in one that dispatches to the adapter's. The
/// macro returns rows of (database, name, schema, type), a table or a list; a type swiftdbt does not know is a table.
struct RelationListing: Sendable {
    let session: CompileSession
    let resolver: ReferenceResolver
    let flags: InvocationFlags

    private static let macroName = "list_relations_without_caching"

    /// The relations of `schema` on `connection`, named without a database as the cache keys them.
    func relations(in schema: String, on connection: any DatabaseConnection) throws -> [RelationName: RelationKind] {
        let macros = session.macros
        let root = session.project.name
        let packages = macros.packageNames.filter { $0 != root && $0 != MacroRegistry.internalPackage }.sorted()
        guard let macro = macros.macro(Self.macroName, in: root) ?? packages.lazy.compactMap({ macros.macro(Self.macroName, in: $0) }).first
                ?? macros.macro(Self.macroName, in: MacroRegistry.internalPackage) else { return [:] }
        let node = ProjectNode(uniqueID: "operation.\(root).\(Self.macroName)", resourceType: .analysis, name: Self.macroName,
                               packageName: root, path: "\(Self.macroName).sql", originalFilePath: "\(Self.macroName).sql",
                               packageRoot: session.project.root, fqn: [root, Self.macroName], rawCode: "", config: NodeConfig(),
                               definedAt: FileLocation(path: "<inline>", line: 1, column: 1))
        let state = RenderState(session: session, node: node, phase: .compile(resolver), runtime: DatabaseRuntime { throw DBTError(.connection, "no more connections") },
                                connection: connection, flags: flags)
        let schemaRelation = RelationObject(RelationName(database: session.target.database, schema: schema, identifier: ""),
                                            dialect: session.dialect, includes: .init(database: true, schema: true, identifier: false))
        let returned: Value
        do {
            returned = try session.templates.call(macro.definition, Arguments([.object(schemaRelation)]),
                                                  globals: state.scope(for: macro.packageName))
        } catch let error as TemplateError {
            if let failure = state.databaseError { throw failure }
            throw DBTError(template: error, path: macro.definition.templateName, kind: .execution)
        }
        var found: [RelationName: RelationKind] = [:]
        for row in try Self.rows(returned, macro: macro) {
            found[RelationName(database: nil, schema: row[2].isNone ? schema : row[2].str, identifier: row[1].str)]
                = RelationKind(rawValue: row[3].str.lowercased()) ?? .table
        }
        return found
    }

    /// The rows of what the macro returned, each of four values.
    private static func rows(_ returned: Value, macro: MacroEntry) throws -> [[Value]] {
        let values = { (item: Value) -> [Value] in
            switch item {
            case .object(let row as ResultRow): row.values
            case .list(let values): values.items
            case .tuple(let values): values
            default: []
            }
        }
        let rows: [[Value]]
        switch returned {
        case .object(let table as ResultTable): rows = table.rows
        case .list(let items): rows = items.items.map(values)
        case .tuple(let items): rows = items.map(values)
        default: rows = [[]]
        }
        guard rows.allSatisfy({ $0.count == 4 }) else {
            throw DBTError(.execution, "\(macroName) must return rows of (database, name, schema, type), not \(returned.repr)",
                           at: FileLocation(path: macro.definition.templateName, line: macro.definition.location.line,
                                            column: macro.definition.location.column))
        }
        return rows
    }
}
