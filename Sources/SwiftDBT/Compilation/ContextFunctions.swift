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
        "local_md5": { arguments, _ in .string(HexDigest.md5(arguments.positional.first?.str ?? "")) },
        // `zip` gives `default` (None) for something not iterable; `zip_strict` fails.
        "zip": { arguments, context in
            (try? zipped(arguments.positional, context)) ?? arguments.named("default") ?? .none
        },
        "zip_strict": { arguments, context in
            do {
                return try zipped(arguments.positional, context)
            } catch let error as TemplateError {
                throw TemplateError(.raised, "zip_strict(): \(error.message)")
            }
        },
        "diff_of_two_dicts": { arguments, context in
            try differenceOfDicts(arguments.value(0, "dict_a") ?? .none, arguments.value(1, "dict_b") ?? .none, context)
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
        // dbt's `set_strict(value)`: a Python set, or the error Python gives.
        "set_strict": { arguments, context in
            let items: [Value]
            do {
                items = try context.iterate(arguments.value(0, "value") ?? .none)
            } catch let error as TemplateError {
                throw TemplateError(.raised, "set_strict(): \(error.message)")
            }
            guard let set = SetObject(items) else {
                let unhashable = items.first { SetObject([$0]) == nil }
                throw TemplateError(.raised, "set_strict(): unhashable type: '\(unhashable?.typeName ?? "list")'")
            }
            return .object(set)
        },
    ]

    private static func zipped(_ sequences: [Value], _ context: CallContext) throws -> Value {
        let lists = try sequences.map { try context.iterate($0) }
        let count = lists.map(\.count).min() ?? 0
        return .list((0..<count).map { i in .tuple(lists.map { $0[i] }) })
    }

    /// `diff_of_two_dicts(a, b)`: for dicts of string lists, what `a` has that `b` lacks, keys and values compared
    /// case-insensitively, in `a`'s order and case.
    private static func differenceOfDicts(_ a: Value, _ b: Value, _ context: CallContext) throws -> Value {
        guard case .dict(let first) = a, case .dict(let second) = b else {
            throw TemplateError(.invalidArgument, "diff_of_two_dicts() takes two dicts of lists of strings")
        }
        var lowered: [String: Set<String>] = [:]
        for (key, values) in second.entries {
            lowered[key.str.lowercased()] = Set(try context.iterate(values).map { $0.str.lowercased() })
        }
        let result = DictStorage()
        for (key, values) in first.entries {
            guard let other = lowered[key.str.lowercased()] else {
                result[key] = values
                continue
            }
            let missing = try context.iterate(values).filter { !other.contains($0.str.lowercased()) }
            if !missing.isEmpty { result[key] = .list(missing) }
        }
        return .dict(result)
    }

    /// `try_or_compiler_error(message, function, *args, **kwargs)`: the function's result, or a compilation error
    /// with `message` when it fails.
    static func tryOrCompilerError(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        guard arguments.positional.count >= 2 else {
            throw TemplateError(.invalidArgument, "try_or_compiler_error() needs a message and a function")
        }
        let message = arguments.positional[0].str
        do {
            return try context.call(arguments.positional[1], Arguments(Array(arguments.positional.dropFirst(2)), keyword: arguments.keyword))
        } catch is TemplateError {
            throw TemplateError(.raised, message)
        }
    }

    private static func outsideTransaction(_ arguments: Arguments) -> Value {
        .dict([("sql", arguments.value(0, "sql") ?? .string("")), ("transaction", .bool(false))])
    }

    /// `var(name, default)`. A string value with Jinja in it is rendered now, as text, in the calling node's
    /// context (dbt renders `vars:` when they are read, so a var may hold `{{ ref('x') }}`). A var nobody set,
    /// with no default, is none while parsing and an error when compiling.
    static func variable(_ arguments: Arguments, state: RenderState, scope: RenderScope) throws -> Value {
        guard let name = arguments.value(0, "name")?.str else {
            throw TemplateError(.invalidArgument, "var() needs a variable name")
        }
        if let value = state.session.variable(name, package: scope.package) {
            guard case .string(let text) = value, YAMLNode.isTemplated(text) else { return value.jinjaValue }
            guard state.varsRendering.insert(name).inserted else {
                throw TemplateError(.raised, "var '\(name)' refers to itself")
            }
            defer { state.varsRendering.remove(name) }
            let template = try state.session.templates.parse(text, name: "vars.\(name)")
            return .string(try state.session.templates.render(template, [:], globals: scope))
        }
        if let fallback = arguments.value(1, "default") { return fallback }
        // As dbt's parse: a var nobody set reads as none, and fails when the node is compiled.
        if !state.isExecuting { return .none }
        throw TemplateError(.raised, "Required var '\(name)' not found in config: set it in dbt_project.yml `vars:` or with --vars")
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
