import Jinja

/// `ref()` and `source()`: recorded while parsing, resolved to relations while compiling.
enum References {
    static func ref(_ arguments: Arguments, state: RenderState, context: CallContext) throws -> Value {
        let names = arguments.positional.map(\.str)
        guard (1...2).contains(names.count) else {
            throw TemplateError(.invalidArgument, "ref() takes a model name, or a package name and a model name")
        }
        let version = (arguments.named("v") ?? arguments.named("version")).map(\.str)
        let reference = ProjectNode.Reference(package: names.count == 2 ? names[0] : nil, name: names[names.count - 1],
                                              version: version, location: location(context))
        switch state.phase {
        case .parse:
            state.refs.append(reference)
            return .object(RelationObject(RelationName(database: nil, schema: nil, identifier: reference.name),
                                          dialect: state.session.dialect, texts: state.session.relationTexts))
        case .compile(let resolver):
            return try compiledRef(reference, resolver: resolver, state: state)
        }
    }

    /// What `ref()` returns while compiling: the relation, or the CTE of an ephemeral model.
    static func compiledRef(_ reference: ProjectNode.Reference, resolver: ReferenceResolver, state: RenderState) throws -> Value {
        switch try resolver.resolveRef(reference, state.node.packageName) {
        case .relation(let name):
            // As in dbt, a reference's relation has no type until the database is asked.
            return .object(RelationObject(name, dialect: state.session.dialect, quotes: state.session.quoting,
                                          readsNothing: state.empty, eventTimeFilter: batchFilter(name, resolver: resolver, state: state),
                                          texts: state.session.relationTexts))
        case .ephemeral(let uniqueID, let name):
            if !state.ephemeralRefs.contains(uniqueID) { state.ephemeralRefs.append(uniqueID) }
            return .object(RelationObject(RelationName(database: nil, schema: nil, identifier: name),
                                          dialect: state.session.dialect, cteName: EphemeralInjection.cteName(name, state.session.dialect),
                                          texts: state.session.relationTexts))
        }
    }

    /// What `source()` returns while compiling: quoted as the source's `quoting:` says over the adapter's default
    /// (as in dbt, the project's `quoting:` does not apply).
    static func compiledSource(_ reference: ProjectNode.SourceReference, resolver: ReferenceResolver, state: RenderState) throws -> Value {
        let source = try resolver.resolveSource(reference)
        let name = source.relation
        return .object(RelationObject(name, dialect: state.session.dialect,
                                      quotes: source.quoting == QuotingConfig() ? nil : source.quoting.applied(to: .all),
                                      readsNothing: state.empty,
                                      eventTimeFilter: batchFilter(name, resolver: resolver, state: state),
                                      texts: state.session.relationTexts))
    }

    /// Inside a microbatch model's batch, the window condition on a relation whose node has an `event_time`.
    private static func batchFilter(_ name: RelationName, resolver: ReferenceResolver, state: RenderState) -> String? {
        guard let batch = state.batch, let column = resolver.eventTimes[name] else { return nil }
        return batch.filter(column)
    }

    static func source(_ arguments: Arguments, state: RenderState, context: CallContext) throws -> Value {
        let names = arguments.positional.map(\.str)
        guard names.count == 2 else {
            throw TemplateError(.invalidArgument, "source() takes a source name and a table name")
        }
        let reference = ProjectNode.SourceReference(source: names[0], table: names[1], location: location(context))
        switch state.phase {
        case .parse:
            state.sources.append(reference)
            return .object(RelationObject(RelationName(database: nil, schema: names[0], identifier: names[1]),
                                          dialect: state.session.dialect, texts: state.session.relationTexts))
        case .compile(let resolver):
            return try compiledSource(reference, resolver: resolver, state: state)
        }
    }
}

private func location(_ context: CallContext) -> FileLocation? {
    context.callSite.map { FileLocation(path: $0.template, line: $0.location.line, column: $0.location.column) }
}

/// `config`: called as `config(materialized='table')`, read as `config.get('key', default)`.
final class ConfigObject: HostObject {
    unowned let state: RenderState

    init(state: RenderState) { self.state = state }

    var typeName: String { "Config" }

    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        guard recordsCalls else { return .string("") }
        if let first = arguments.positional.first {
            guard case .dict(let storage) = first else {
                throw TemplateError(.invalidArgument, "config() takes keyword arguments or one dict")
            }
            for (key, value) in storage.entries { try add(key.str, ConfigValue(value)) }
        }
        for (key, value) in arguments.keyword { try add(key, ConfigValue(value)) }
        return .string("")
    }

    /// Whether `config()` records settings: while parsing, and while compiling a generic test, whose
    /// macro is first rendered then (dbt renders it when parsing, and applies its `config()` calls).
    private var recordsCalls: Bool {
        if case .parse = state.phase { return true }
        return state.node.test != nil
    }

    /// Records one config of the node, refusing a value of the wrong kind.
    private func add(_ key: String, _ value: ConfigValue) throws {
        if let problem = NodeConfig.kindProblem(key, value) { throw TemplateError(.invalidArgument, problem) }
        state.config.append((key, value))
    }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "get":
            return .function("get") { [self] arguments, _ in
                guard let key = arguments.value(0, "name")?.str else {
                    throw TemplateError(.invalidArgument, "config.get() needs a key")
                }
                // As dbt's, `contract` always has a value (not enforced), so `config.get('contract').enforced` works.
                if NodeConfig.canonicalKey(key) == "contract", value(key) == nil { return NodeValues.contract(state.node).jinjaValue }
                return value(key) ?? arguments.value(1, "default") ?? .none
            }
        case "require":
            return .function("require") { [self] arguments, _ in
                let key = arguments.value(0, "name")?.str ?? ""
                guard let found = value(key) else {
                    throw TemplateError(.raised, "missing required config '\(key)' for \(state.node.name)")
                }
                return found
            }
        case "set":
            return .function("set") { [self] arguments, _ in
                if let key = arguments.value(0, "name")?.str, let value = arguments.value(1, "value"), recordsCalls {
                    try add(key, ConfigValue(value))
                }
                return .string("")
            }
        default:
            return nil
        }
    }

    /// The node's resolved config value, with what this render's `config()` calls set on top.
    private func value(_ key: String) -> Value? {
        let canonical = NodeConfig.canonicalKey(key)
        if let recorded = state.config.last(where: { NodeConfig.canonicalKey($0.key) == canonical }) {
            return recorded.value.jinjaValue
        }
        return state.node.config[canonical]?.jinjaValue
    }
}
