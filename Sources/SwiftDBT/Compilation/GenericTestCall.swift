import Jinja

/// Renders a generic test: its test macro called with the model (filtered by `where`),
/// the column, and the test's arguments.
enum GenericTestCall {
    static func render(_ node: ProjectNode, _ test: TestMetadata, state: RenderState) throws -> String {
        let session = state.session
        let macroName = "test_" + test.name
        let scope = state.scope(for: node.packageName)
        let macro: MacroEntry?
        if let namespace = test.namespace {
            macro = session.macros.macro(macroName, in: namespace)
        } else {
            macro = session.macros.resolve(macroName, from: node.packageName)
        }
        guard let macro else {
            throw TemplateError(.raised, "generic test '\(test.name)' was not found: no `{% test \(test.name)(...) %}` block defines it")
        }
        var arguments = Arguments()
        arguments.keyword.append(("model", try model(test, state: state, scope: scope)))
        if let column = test.columnName { arguments.keyword.append(("column_name", .string(column))) }
        for (key, value) in test.kwargs {
            // dbt passes a `column_name` argument as it is written, unrendered.
            arguments.keyword.append((key, key == "column_name" ? value.jinjaValue : try argument(value, node: node, state: state, scope: scope)))
        }
        if macro.packageName == MacroRegistry.internalPackage, session.unchangedBuiltinTests.contains(test.name),
           let column = test.columnName,
           let sql = BuiltinGenericTests.sql(test.name, model: arguments.keyword[0].value, column: column, kwargs: test.kwargs,
                                             evaluated: Array(arguments.keyword.dropFirst(2)),
                                             storesFailures: node.config["store_failures"]?.boolValue ?? state.flags.storeFailures) {
            return sql
        }
        return try session.templates.call(macro.definition, arguments, globals: state.scope(for: macro.packageName)).str
    }

    /// The relation under test, through `get_where_subquery` so `where:` configs apply.
    private static func model(_ test: TestMetadata, state: RenderState, scope: RenderScope) throws -> Value {
        guard let attached = test.attachedNode else { return .none }
        let session = state.session
        let relation: Value
        if attached.hasPrefix("source."), let source = sourceParts(attached, state) {
            relation = try direct(state, names: [source.0, source.1]) { resolver in
                try References.compiledSource(ProjectNode.SourceReference(source: source.0, table: source.1, location: nil),
                                              resolver: resolver, state: state)
            } ?? session.templates.evaluate("{{ source('\(source.0)', '\(source.1)') }}", [:], globals: scope)
        } else {
            let version = test.attachedVersion
            let suffix = version.map { ".v\($0)" } ?? ""
            let name = String(ASCIIText.split(attached, ".").dropFirst(2).joined(separator: ".").dropLast(suffix.count))
            relation = try direct(state, names: [name] + (version.map { [$0] } ?? [])) { resolver in
                try References.compiledRef(ProjectNode.Reference(package: nil, name: name, version: version, location: nil),
                                           resolver: resolver, state: state)
            } ?? session.templates.evaluate("{{ ref('\(name)'\(version.map { ", version='\($0)'" } ?? "")) }}", [:], globals: scope)
        }
        guard let whereMacro = session.macros.resolve("get_where_subquery", from: state.node.packageName) else { return relation }
        if usesDefaultWhere(whereMacro, state) { return relation }
        return try session.templates.call(whereMacro.definition, Arguments([relation]),
                                          globals: state.scope(for: whereMacro.packageName))
    }

    /// What `{{ ref('x') }}` or `{{ source('a', 'b') }}` evaluates to while compiling, resolved without
    /// the template engine; nil (evaluate it, to fail with the engine's error) when it does not resolve.
    private static func direct(_ state: RenderState, names: [String], _ resolve: (ReferenceResolver) throws -> Value) -> Value? {
        // Names that would not survive as a quoted template literal go through the engine, as they always did.
        guard case .compile(let resolver) = state.phase,
              !names.contains(where: { $0.utf8.contains(UInt8(ascii: "'")) || $0.utf8.contains(UInt8(ascii: "\\")) }) else { return nil }
        let ephemeralRefs = state.ephemeralRefs
        do {
            return try resolve(resolver)
        } catch {
            state.ephemeralRefs = ephemeralRefs
            return nil
        }
    }

    /// Whether `get_where_subquery(relation)` is dbt's own and returns the relation as it is: the
    /// built-in macro dispatching to the built-in `default__` one, and no `where` config.
    private static func usesDefaultWhere(_ whereMacro: MacroEntry, _ state: RenderState) -> Bool {
        guard whereMacro.packageName == MacroRegistry.internalPackage, state.session.dispatchesBuiltinWhereSubquery else {
            return false
        }
        return !(state.node.config["where"]?.jinjaValue.isTruthy ?? false)
    }

    private static func sourceParts(_ uniqueID: String, _ state: RenderState) -> (String, String)? {
        let parts = ASCIIText.split(uniqueID, ".")
        guard parts.count >= 4 else { return nil }
        return (parts[2], parts[3...].joined(separator: "."))
    }
}
