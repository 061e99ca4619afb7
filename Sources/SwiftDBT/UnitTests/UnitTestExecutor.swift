import Foundation

/// Runs one unit test as dbt-core 1.10 runs it: the tested model's SQL compiled with every input it reads
/// replaced by a CTE of fixture rows (an input the test does not give is dbt's "not found" error),
/// `this` replaced by its `this` input, `overrides` applied (`macros`, `vars`, `env_vars`); then that
/// query's rows compared with the expected ones in one statement. Nothing but a temporary table (to read
/// the result's column types, dropped after) is created, so the project's relations are never written.
struct UnitTestExecutor {
    let session: CompileSession
    let manifest: Manifest
    let connection: any DatabaseConnection
    let runtime: DatabaseRuntime?
    let flags: InvocationFlags

    /// What a unit test found: its compiled query, and the failure message when actual and expected differ.
    struct Outcome {
        var sql: String
        var difference: String?
    }

    func run(_ node: ProjectNode) throws -> Outcome {
        guard let unitTest = node.unitTest, let tested = manifest.node(unitTest.testedModel) else {
            throw DBTError(.compilation, "unit test '\(node.name)' has no model to test")
        }
        let spec = unitTest.spec
        let dialect = session.dialect
        let fixtures = UnitTestFixtureSQL(dialect: dialect)
        var nodes = manifest.nodes
        var sources = manifest.sources
        var ctes: [(name: String, sql: String)] = []
        var testedCopy = tested
        // Without a `this` input, `this` is None in the tested model, as in dbt.
        testedCopy.relation = nil
        var given: Set<String> = []
        for input in spec.given {
            guard let parsed = UnitTestInput(input.input) else {
                throw DBTError(.project, "Unit test '\(spec.name)' had an input (\(input.input)) which was not found in the manifest.",
                               at: input.rows.location, sourceLine: input.rows.sourceLine)
            }
            var content = try UnitTestRows.content(of: input.rows, fixtureFolders: unitTest.fixtureFolders)
            switch parsed {
            case .this:
                let sql = try fixtureSQL(content, relation: tested.relation, name: tested.name, fixtures: fixtures)
                testedCopy.config.set("materialized", .string("ephemeral"))
                ctes.append((EphemeralInjection.cteName(tested.name, dialect), sql))
            case .ref(let reference):
                guard let index = refIndex(reference, from: tested) else {
                    throw DBTError(.project, "Unit test '\(spec.name)' had an input (\(input.input)) which was not found in the manifest.",
                                   at: input.rows.location, sourceLine: input.rows.sourceLine)
                }
                if input.rows.source == nil, nodes[index].resourceType == .seed {
                    content = .rows(try UnitTestRows.seedRows(nodes[index]))
                }
                let sql = try fixtureSQL(content, relation: nodes[index].relation, name: nodes[index].name, fixtures: fixtures)
                replace(&nodes[index], with: sql)
                given.insert(nodes[index].uniqueID)
            case .source(let sourceName, let table):
                guard let index = sources.firstIndex(where: { $0.sourceName == sourceName && $0.name == table }) else {
                    throw DBTError(.project, "Unit test '\(spec.name)' had an input (\(input.input)) which was not found in the manifest.",
                                   at: input.rows.location, sourceLine: input.rows.sourceLine)
                }
                let sql = try fixtureSQL(content, relation: sources[index].relation, name: table, fixtures: fixtures)
                ctes.append(contentsOf: replace(&sources[index], with: sql))
                given.insert(sources[index].uniqueID)
            }
        }
        // dbt compiles the model against the given inputs only: a direct input the test does not give is not found.
        for parent in tested.dependsOn where !given.contains(parent) {
            let missing = manifest.node(parent).map { "a node named '\($0.name)'" }
                ?? manifest.source(parent).map { "a source named '\($0.sourceName).\($0.name)'" } ?? "'\(parent)'"
            throw DBTError(.compilation, "Unit_Test '\(node.uniqueID)' (\(node.originalFilePath)) depends on \(missing) which was not found")
        }
        if let index = nodes.firstIndex(where: { $0.uniqueID == tested.uniqueID }) { nodes[index] = testedCopy }
        let testManifest = Manifest(projectName: manifest.projectName, nodes: nodes, sources: sources, macros: manifest.macros,
                                    disabled: [], docs: manifest.docs, exposures: [], groups: manifest.groups)
        let incremental = spec.overrides["macros"]?["is_incremental"]?.boolValue ?? false
        var macroOverrides: [String: ConfigValue] = [:]
        if case .dict(let pairs)? = spec.overrides["macros"] { for (name, value) in pairs { macroOverrides[name] = value } }
        let compiler = Compiler(session: overriddenSession(spec.overrides), manifest: testManifest, runtime: runtime, flags: flags,
                                macroOverrides: macroOverrides, isIncremental: { _ in incremental })
        let actual = EphemeralInjection.inject(into: try compiler.compile(testedCopy, on: connection), ctes: ctes)
        let columns = try executing(spec.name) { try resultColumns(of: actual, name: node.name) }
        let expectedContent = try UnitTestRows.content(of: spec.expect, fixtureFolders: unitTest.fixtureFolders)
        let expectedSQL: String
        var names = columns.map { $0.name.lowercased() }
        switch expectedContent {
        case .sql(let sql):
            expectedSQL = sql
        case .rows(let rows):
            expectedSQL = try fixtures.expected(rows, columns: columns)
            if let first = rows.first { names = first.map { $0.key.lowercased() } }
        }
        let sql = fixtures.comparison(actual: actual, expected: expectedSQL, columns: names)
        let result = try executing(spec.name) { try connection.query(sql, limit: nil) }
        let difference = UnitTestDiff(columns: names, rows: result.rows).rendered
        return Outcome(sql: actual, difference: difference)
    }

    /// `body`, a database error in it worded as dbt words one of a unit test's query.
    private func executing<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DBTError where error.kind == .execution {
            throw DBTError(.project, "An error occurred during execution of unit test '\(name)'. There may be an error in the "
                           + "unit test definition: check the data types.\n Database Error\n  \(error.message)")
        }
    }

    /// A node of the test's manifest, made an ephemeral model whose SQL is `sql`.
    private func replace(_ node: inout ProjectNode, with sql: String) {
        node.template = nil
        node.rawCode = sql
        node.config.set("materialized", .string("ephemeral"))
        node.relation = nil
    }

    /// A source of the test's manifest read from a CTE: the CTE to add.
    private func replace(_ source: inout SourceTable, with sql: String) -> [(name: String, sql: String)] {
        let name = "__dbt__cte__" + source.name
        source.relation = RelationName(database: nil, schema: nil, identifier: name)
        source.quoting = QuotingConfig()
        return [(session.dialect.render(source.relation), sql)]
    }

    /// The model, seed or snapshot a given `ref` names, as the tested model's own ref would find it.
    private func refIndex(_ reference: ProjectNode.Reference, from tested: ProjectNode) -> Int? {
        let candidates = manifest.nodes.indices.filter { index in
            let node = manifest.nodes[index]
            return [.model, .seed, .snapshot].contains(node.resourceType) && node.name == reference.name
                && (reference.package == nil || node.packageName == reference.package)
        }
        let versioned = candidates.filter { ModelVersion.resolves(reference.version, to: manifest.nodes[$0].version) }
        return versioned.first(where: { manifest.nodes[$0].packageName == tested.packageName }) ?? versioned.first
    }

    /// An input's fixture query: `sql` as written, or rows over the columns of the relation it stands for.
    private func fixtureSQL(_ content: UnitTestRows.Content, relation: RelationName?, name: String,
                            fixtures: UnitTestFixtureSQL) throws -> String {
        switch content {
        case .sql(let sql):
            return sql
        case .rows(let rows):
            let columns = try relation.map { try connection.columns(of: $0) } ?? []
            guard !columns.isEmpty else {
                let shown = relation.map(session.dialect.render) ?? "None"
                throw DBTError(.compilation, "Not able to get columns for unit test '\(name)' from relation \(shown) "
                               + "because the relation doesn't exist")
            }
            return "-- Fixture for \(name)\n" + (try fixtures.input(rows, columns: columns, owner: "'\(name)'"))
        }
    }

    /// The column names and types of a query's result, read from an empty temporary table made from it.
    private func resultColumns(of sql: String, name: String) throws -> [DatabaseColumn] {
        let dialect = session.dialect
        let temporary = RelationName(database: nil, schema: nil, identifier: name + "__dbt_unit_tmp")
        try connection.execute("create temporary table \(dialect.render(temporary)) as select * from (\n\(sql)\n) as dbt_unit_sub limit 0")
        defer { try? connection.execute("drop table if exists \(dialect.render(temporary))") }
        var located = temporary
        if case .text(let schema)? = try connection.query(dialect.temporarySchemaQuery, limit: 1).rows.first?.first {
            located.schema = schema
        }
        return try connection.columns(of: located)
    }

    /// An `env_vars` value as the environment holds it.
    private static func text(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "True" : "False"
        case .null: return "None"
        case .list, .dict: return String(describing: value)
        }
    }

    /// The session with the test's `vars` over every other and its `env_vars` over the environment.
    private func overriddenSession(_ overrides: ConfigValue) -> CompileSession {
        var environment = session.environmentVariables
        if case .dict(let pairs)? = overrides["env_vars"] {
            for (name, value) in pairs { environment[name] = UnitTestExecutor.text(value) }
        }
        var vars = session.cliVars
        if case .dict(let pairs)? = overrides["vars"] { vars += pairs }
        return CompileSession(project: session.project, packageRoots: session.packageRoots, target: session.target,
                              dialect: session.dialect, macros: session.macros, templates: session.templates, cliVars: vars,
                              projectVars: session.projectVars, packageVars: session.packageVars, invocationID: session.invocationID,
                              runStartedAt: session.runStartedAt, environmentVariables: environment, log: session.log)
    }
}
