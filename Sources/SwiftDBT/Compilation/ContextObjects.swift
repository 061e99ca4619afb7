import Foundation
import Jinja

/// `exceptions.raise_compiler_error(msg)`, `exceptions.warn(msg)` and the contract errors (`ContractMismatch`).
final class ExceptionsObject: HostObject {
    let session: CompileSession
    init(session: CompileSession) { self.session = session }
    var typeName: String { "Exceptions" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "raise_compiler_error", "raise_database_error", "raise_not_implemented":
            return .function(name) { arguments, _ in
                throw TemplateError(.raised, arguments.positional.first?.str ?? "compilation error")
            }
        case "raise_contract_error":
            return .function(name) { arguments, _ in
                let bound = try arguments.bind(name, ["yaml_columns", "sql_columns"])
                throw TemplateError(.raised, ContractMismatch.message(yaml: ContractMismatch.items(bound[0]), sql: ContractMismatch.items(bound[1])))
            }
        case "column_type_missing":
            return .function(name) { arguments, _ in
                throw TemplateError(.raised, ContractMismatch.missingTypes(try arguments.bind(name, ["column_names"])[0]))
            }
        case "warn":
            return .function(name) { [session] arguments, _ in
                session.log("Warning: " + (arguments.positional.first?.str ?? ""))
                return .string("")
            }
        default: return nil
        }
    }
}

/// `adapter`: dispatch and quoting; the database methods are in `AdapterObject+Database.swift`.
final class AdapterObject: HostObject {
    unowned let state: RenderState
    init(state: RenderState) { self.state = state }
    var typeName: String { "Adapter" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        let session = state.session
        switch name {
        case "dispatch":
            return .function("dispatch") { [state] arguments, _ in
                guard let macroName = arguments.value(0, "macro_name")?.str else {
                    throw TemplateError(.invalidArgument, "adapter.dispatch() needs a macro name")
                }
                let namespace = arguments.value(1, "macro_namespace").flatMap { $0.isTruthy ? $0.str : nil }
                guard let macro = state.session.macros.dispatch(macroName, namespace: namespace) else {
                    let searched = state.session.macros.dispatchSearchOrder(namespace).joined(separator: ", ")
                    throw TemplateError(.raised, "no implementation of '\(macroName)' for adapter '\(state.session.dialect.type)' "
                                        + "(looked for \(state.session.dialect.type)__\(macroName) and default__\(macroName) in \(searched))")
                }
                return .macro(macro.definition, globals: state.scope(for: macro.packageName))
            }
        case "quote":
            return .function("quote") { arguments, _ in .string(session.dialect.quote(arguments.positional.first?.str ?? "")) }
        case "type":
            return .function("type") { _, _ in .string(session.dialect.type) }
        case "get_hard_deletes_behavior":
            // A snapshot's `hard_deletes` (or `invalidate_hard_deletes`), read as dbt-adapters reads it; the project
            // loader has refused the settings it refuses.
            return .function(name) { [state] _, _ in
                .string((try? SnapshotConfig(state.node.config))?.hardDeletes.rawValue ?? SnapshotConfig.HardDeletes.ignore.rawValue)
            }
        default:
            return databaseAttribute(name)
        }
    }
}
