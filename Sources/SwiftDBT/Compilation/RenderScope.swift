import Foundation
import Jinja

/// The names a template sees while a node renders: dbt's context (`ref`, `config`, `this`,
/// `var`, `target`, `adapter`, ...) and the macros visible from one package. Resolved lazily,
/// so a render pays only for the names it uses.
final class RenderScope: GlobalResolver {
    unowned let state: RenderState
    /// The package whose macros unqualified names reach first.
    let package: String

    init(state: RenderState, package: String) {
        self.state = state
        self.package = package
    }

    private var session: CompileSession { state.session }

    func resolve(_ name: String) -> Value? {
        if !state.macroOverrides.isEmpty, let value = state.macroOverrides[name] ?? state.macroOverrides["dbt." + name] {
            return .function(name) { _, _ in value.jinjaValue }
        }
        if let value = contextValue(name) ?? state.materializationContext[name] { return value }
        if let macro = session.macros.resolve(name, from: package) {
            return .macro(macro.definition, globals: state.scope(for: macro.packageName))
        }
        if session.macros.packageNames.contains(name) || session.packageRoots[name] != nil {
            return .object(MacroNamespace(package: name, state: state))
        }
        return nil
    }

    /// dbt's context members (not macros).
    func contextValue(_ name: String) -> Value? {
        switch name {
        case "ref": return .function("ref") { [state] arguments, context in try References.ref(arguments, state: state, context: context) }
        case "source": return .function("source") { [state] arguments, context in
            try References.source(arguments, state: state, context: context)
        }
        case "config": return .object(ConfigObject(state: state))
        case "this": return state.this
        case "model": return NodeValues.model(state.node, session: session, batch: state.batch)
        // dbt's node context gives the node's database and schema; run-operation and hooks, the target's.
        case "database": return .string(state.node.namedRelation?.database ?? session.target.database)
        case "schema": return .string(state.node.namedRelation?.schema ?? session.target.schema)
        case "var": return .function("var") { [state, package] arguments, _ in
            try ContextFunctions.variable(arguments, state: state, scope: state.scope(for: package))
        }
        case "env_var": return .function("env_var") { [session] arguments, _ in
            try ContextFunctions.environmentVariable(arguments, environment: session.environmentVariables)
        }
        case "target": return .dict(session.target.publicFields.map { ($0.key, $0.value.jinjaValue) })
        case "execute": return .bool(state.isExecuting)
        case "is_incremental": return .function("is_incremental") { [state] _, _ in .bool(state.incremental) }
        case "return": return .function("return") { arguments, _ in throw ReturnSignal(arguments.positional.first ?? .none) }
        case "log": return .function("log") { [session] arguments, _ in
            if arguments.value(1, "info")?.isTruthy == true { session.log(arguments.positional.first?.str ?? "") }
            return .string("")
        }
        case "print": return .function("print") { [session] arguments, _ in
            session.log(arguments.positional.map(\.str).joined(separator: " "))
            return .string("")
        }
        case "exceptions": return .object(ExceptionsObject(session: session))
        case "adapter": return .object(AdapterObject(state: state))
        case "api": return .object(APIObject(dialect: session.dialect))
        case "store_result", "store_raw_result", "load_result": return StatementResults.function(name, state: state)
        case "project_name": return .string(session.project.name)
        case "invocation_id": return .string(session.invocationID)
        case "run_started_at": return .object(DateTimeObject(session.runStartedAt))
        case "dbt_version": return .string(SwiftDBTVersion.dbtCompatible)
        case "modules": return .object(ModulesObject())
        case "graph": return NodeValues.graph(state)
        case "flags": return state.flags.value
        case "selected_resources": return .list(state.flags.selectedResources.map(Value.string))
        case "context": return .object(ContextMapping(scope: self, includesMacros: true))
        case "builtins": return .object(ContextMapping(scope: self, includesMacros: false))
        case "try_or_compiler_error": return .function(name) { arguments, context in
            try ContextFunctions.tryOrCompilerError(arguments, context)
        }
        default: return ContextFunctions.all[name].map { .function(name, $0) }
        }
    }
}

/// A package's macros as `package.macro(...)` (`dbt.concat(...)`, `dbt_utils.star(...)`).
final class MacroNamespace: HostObject {
    let package: String
    unowned let state: RenderState

    init(package: String, state: RenderState) {
        self.package = package
        self.state = state
    }

    /// dbt's namespace is a dict: a missing macro reads "'dict object' has no attribute ...".
    var typeName: String { "dict" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        // A unit test's override of `package.name` (and, for dbt's own macros, of the bare name).
        if !state.macroOverrides.isEmpty,
           let value = state.macroOverrides[package + "." + name] ?? (package == "dbt" ? state.macroOverrides[name] : nil) {
            return .function(name) { _, _ in value.jinjaValue }
        }
        guard let macro = state.session.macros.macro(name, in: package) else { return nil }
        return .macro(macro.definition, globals: state.scope(for: package))
    }
}
