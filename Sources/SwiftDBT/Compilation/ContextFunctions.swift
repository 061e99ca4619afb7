import Foundation
import Jinja
import Yams

/// dbt's stateless context functions: JSON and YAML, hashing, `zip`, `set`, `var`, `env_var`,
/// and the hook wrappers `before_begin` / `after_commit`.
enum ContextFunctions {
    typealias Function = @Sendable (Arguments, CallContext) throws -> Value

    static let all: [String: Function] = [
        "fromjson": { arguments, _ in
            guard let text = arguments.value(0, "string")?.stringValue else { return arguments.value(1, "default") ?? .none }
            return (try? Value.parseJSON(text)) ?? arguments.value(1, "default") ?? .none
        },
        "tojson": { arguments, _ in
            let value = try ConfigValue(arguments.value(0, "value") ?? .none)
            return .string(JSONWriter.string(value, sortKeys: arguments.value(1, "sort_keys")?.isTruthy ?? false))
        },
        "fromyaml": { arguments, _ in
            guard let text = arguments.value(0, "value")?.stringValue else { return arguments.value(1, "default") ?? .none }
            let node: YAMLNode?
            do {
                node = try YAMLNode.parse(text, path: "<fromyaml>")
            } catch let error as DBTError where error.isYAMLLimit {
                let place = error.location.map { " (line \($0.line), column \($0.column) of the YAML text)" } ?? ""
                throw TemplateError(.limitExceeded, "fromyaml: " + error.message + place)
            } catch {
                // Like dbt: text that is not YAML gives the default.
                return arguments.value(1, "default") ?? .none
            }
            guard let node else { return arguments.value(1, "default") ?? .none }
            return node.value.jinjaValue
        },
        "toyaml": { arguments, _ in
            let value = try ConfigValue(arguments.value(0, "value") ?? .none)
            return .string((try? Yams.serialize(node: value.yamlNode)) ?? "")
        },
        "local_md5": { arguments, _ in .string(MD5.hex(arguments.positional.first?.str ?? "")) },
        "zip": { arguments, context in
            let sequences = try arguments.positional.map { try context.iterate($0) }
            let count = sequences.map(\.count).min() ?? 0
            return .list((0..<count).map { i in .tuple(sequences.map { $0[i] }) })
        },
        // A hook that runs outside the model's transaction: `post_hook=after_commit("vacuum {{ this }}")`.
        "before_begin": { arguments, _ in outsideTransaction(arguments) },
        "after_commit": { arguments, _ in outsideTransaction(arguments) },
        // dbt's `set(value, default=None)`: a Python set, or `default` when `value` cannot make one.
        "set": { arguments, context in
            let fallback = arguments.value(1, "default") ?? .none
            guard let items = try? context.iterate(arguments.value(0, "value") ?? .none) else { return fallback }
            return SetObject(items).map(Value.object) ?? fallback
        },
    ]

    private static func outsideTransaction(_ arguments: Arguments) -> Value {
        .dict([("sql", arguments.value(0, "sql") ?? .string("")), ("transaction", .bool(false))])
    }

    /// `var(name, default)`.
    static func variable(_ arguments: Arguments, session: CompileSession, package: String) throws -> Value {
        guard let name = arguments.value(0, "name")?.str else {
            throw TemplateError(.invalidArgument, "var() needs a variable name")
        }
        if let value = session.variable(name, package: package) {
            if case .string(let text) = value, YAMLNode.isTemplated(text) {
                return try session.templates.evaluate(text, [:], name: "vars.\(name)")
            }
            return value.jinjaValue
        }
        if let fallback = arguments.value(1, "default") { return fallback }
        throw TemplateError(.raised, "required var '\(name)' not found in config: set it in dbt_project.yml `vars:` or with --vars")
    }

    /// `env_var(name, default)` of `environment`. A `DBT_ENV_SECRET*` variable is an error, set or not,
    /// unless `allowsSecrets` (dbt reads secrets only in profiles and `packages.yml`).
    static func environmentVariable(_ arguments: Arguments, environment: [String: String], allowsSecrets: Bool = false) throws -> Value {
        guard let name = arguments.value(0, "var")?.str else {
            throw TemplateError(.invalidArgument, "env_var() needs a variable name")
        }
        if !allowsSecrets, name.hasPrefix(SecretMask.prefix) {
            throw TemplateError(.raised, "Secret env vars are allowed only in profiles.yml or packages.yml. "
                                + "Found '\(name)' referenced elsewhere.")
        }
        if let value = environment[name] { return .string(value) }
        if let fallback = arguments.value(1, "default") { return .string(fallback.str) }
        throw TemplateError(.raised, "env var required but not provided: '\(name)'")
    }
}

extension ConfigValue {
    /// The value as a Yams node, for `toyaml`.
    var yamlNode: Node {
        switch self {
        case .null: return Node("null", Tag(.null))
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .int(let i): return Node(String(i), Tag(.int))
        case .double(let d): return Node(String(d), Tag(.float))
        case .string(let s): return Node(s)
        case .list(let items): return Node(items.map(\.yamlNode))
        case .dict(let pairs): return Node(pairs.map { (Node($0.key), $0.value.yamlNode) })
        }
    }
}
