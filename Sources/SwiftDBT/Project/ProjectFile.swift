import Foundation
import Jinja

/// The contents of a `dbt_project.yml`: names, paths, vars, dispatch, hooks and config trees.
public struct ProjectFile: Sendable {
    /// The folder holding `dbt_project.yml`.
    public var root: String
    public var name: String
    public var version: String?
    /// The profile to use; dbt requires one, swiftdbt falls back to the embedded SQLite default.
    public var profile: String?
    public var modelPaths: [String]
    public var seedPaths: [String]
    public var macroPaths: [String]
    public var testPaths: [String]
    public var analysisPaths: [String]
    public var snapshotPaths: [String]
    /// `docs-paths`: where `{% docs %}` blocks are looked for in `.md` files; by default, as in dbt,
    /// every model, seed, snapshot, analysis, macro and test path.
    public var docsPaths: [String]
    public var targetPath: String
    /// `clean-targets`, each with the place it is written (the default's place is the file's start).
    public var cleanTargets: [(path: String, location: FileLocation)]
    public var packagesInstallPath: String
    /// `vars:` as written (values may be templates, rendered when used).
    public var vars: YAMLNode?
    /// `dispatch:` entries: a macro namespace and the packages to search, in order.
    public var dispatch: [(macroNamespace: String, searchOrder: [String])]
    /// The `models:`, `seeds:`, `data_tests:`/`tests:`, `sources:` and `snapshots:` config trees.
    public var configTrees: [ResourceType: YAMLNode]
    public var onRunStart: [String]
    public var onRunEnd: [String]
    /// `require-dbt-version` (checked unless `--no-version-check`).
    public var requiredDBTVersion: RequiredDBTVersion? = nil
    /// `query-comment:` (its template rendered for each node as it runs).
    public var queryComment: QueryComment
    /// `flags: indirect_selection:`, the project's default for `--indirect-selection` (dbt's project flag).
    public var indirectSelection: IndirectSelection? = nil
    /// `flags: require_explicit_package_overrides_for_builtin_materializations: false`: a package's
    /// materialization may replace a built-in one of the same name (dbt's default since 1.8: it may not).
    public var allowsPackageMaterializationOverrides = false
    /// `flags: require_yaml_configuration_for_mf_time_spines: true`: no deprecation warning for a
    /// `metricflow_time_spine` model without `time_spine:` (dbt's default: the warning).
    public var requiresYAMLTimeSpines = false
    /// `restrict-access: true`: the project's protected models may be referred to only from within it.
    public var restrictAccess = false
    /// `quoting:`, which parts of relation names are quoted (unset parts: the adapter's default).
    var quoting = QuotingConfig()
    /// The file's path relative to the invocation, for messages.
    public var path: String
    /// Warnings from reading the file (keys written twice), printed when the project loads.
    public var warnings: [String] = []

    /// The settings read before the profile, which dbt renders without a target: what names the profile and
    /// where the default SQLite database goes.
    static let profileKeys: Set<String> = ["name", "profile", "target-path"]

    /// Reads and validates `dbt_project.yml` in `root`, its settings rendered with `context`; only `renderedKeys`
    /// when given (the others read as absent).
    public static func load(root: String, environment: Environment, context: [String: Value],
                            renderedKeys: Set<String>? = nil) throws -> ProjectFile {
        let path = (root as NSString).appendingPathComponent("dbt_project.yml")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DBTError(.project, "no dbt_project.yml found in \(root)")
        }
        var warnings: [String] = []
        guard let node = try YAMLNode.parse(text, path: path, warnings: &warnings), case .mapping = node.kind else {
            throw DBTError(.project, "dbt_project.yml must be a mapping", at: FileLocation(path: path, line: 1, column: 1))
        }
        do {
            return try read(node, source: text, warnings: warnings, root: root, path: path, environment: environment, context: context,
                            renderedKeys: renderedKeys)
        } catch let error as DBTError {
            throw error.quotingLine(of: text, path: path)
        }
    }

    private static func read(_ node: YAMLNode, source: String, warnings: [String], root: String, path: String,
                             environment: Environment, context: [String: Value], renderedKeys: Set<String>?) throws -> ProjectFile {
        let rendered = try ProjectFile.render(node, environment, context, only: renderedKeys)
        func strings(_ key: String, _ fallback: [String]) throws -> [String] {
            guard let value = rendered[key] else { return fallback }
            switch value {
            case .string(let path): return [path]
            case .list(let items) where items.allSatisfy({ $0.stringValue != nil }): return items.compactMap(\.stringValue)
            default: throw DBTError(.project, "'\(key)' must be a list of paths", at: node[key]?.location)
            }
        }
        func text(_ key: String) throws -> String? {
            guard let value = rendered[key], value != .null else { return nil }
            guard let text = value.stringValue else {
                throw DBTError(.project, "'\(key)' must be text, not \(value.kindDescription)", at: node[key]?.location)
            }
            return text
        }
        for key in ["vars", "models", "seeds", "tests", "data_tests", "sources", "snapshots", "unit_tests"] {
            if let value = node[key], !value.isNull, !value.isMapping {
                throw DBTError(.project, "'\(key)' must be a mapping, not \(value.value.kindDescription)", at: value.location)
            }
        }
        guard let name = rendered["name"]?.stringValue, !name.isEmpty else {
            throw DBTError(.project, "dbt_project.yml has no 'name'", at: node.location)
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw DBTError(.project, "project name '\(name)' must contain only letters, digits and underscores",
                           at: node["name"]?.location)
        }
        var trees: [ResourceType: YAMLNode] = [:]
        for (key, type) in [("models", ResourceType.model), ("seeds", .seed), ("tests", .test),
                            ("data_tests", .test), ("sources", .source), ("snapshots", .snapshot), ("unit_tests", .unitTest),
                            ("exposures", .exposure), ("metrics", .metric), ("semantic-models", .semanticModel),
                            ("saved-queries", .savedQuery)] {
            if let tree = node[key] { trees[type] = tree }
        }
        let modelPaths = try strings("model-paths", ["models"]), seedPaths = try strings("seed-paths", ["seeds"])
        let macroPaths = try strings("macro-paths", ["macros"]), testPaths = try strings("test-paths", ["tests"])
        let analysisPaths = try strings("analysis-paths", ["analyses"]), snapshotPaths = try strings("snapshot-paths", ["snapshots"])
        var sourcePaths: [String] = []
        for path in modelPaths + seedPaths + snapshotPaths + analysisPaths + macroPaths + testPaths {
            var path = path
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            if !sourcePaths.contains(path) { sourcePaths.append(path) }
        }
        return ProjectFile(
            root: root, name: name, version: try version(rendered["version"], at: node["version"]?.location),
            profile: try text("profile"),
            modelPaths: modelPaths, seedPaths: seedPaths, macroPaths: macroPaths, testPaths: testPaths,
            analysisPaths: analysisPaths, snapshotPaths: snapshotPaths,
            docsPaths: try strings("docs-paths", sourcePaths),
            targetPath: try text("target-path") ?? "target",
            cleanTargets: try strings("clean-targets", ["target", "dbt_packages"]).enumerated().map { index, target in
                let entries = node["clean-targets"]?.items ?? []
                return (target, entries.indices.contains(index) ? entries[index].location
                    : node["clean-targets"]?.location ?? FileLocation(path: path, line: 1, column: 1))
            },
            packagesInstallPath: try text("packages-install-path") ?? "dbt_packages",
            vars: node["vars"],
            dispatch: try dispatchEntries(node["dispatch"]),
            configTrees: trees,
            onRunStart: try hookList(node["on-run-start"], "on-run-start"),
            onRunEnd: try hookList(node["on-run-end"], "on-run-end"),
            requiredDBTVersion: try RequiredDBTVersion.parse(node["require-dbt-version"], text: source),
            queryComment: try QueryComment.parse(node["query-comment"]),
            indirectSelection: try indirectSelection(rendered["flags"], at: node["flags"]?["indirect_selection"]?.location),
            allowsPackageMaterializationOverrides: try !booleanFlag("require_explicit_package_overrides_for_builtin_materializations",
                                                                    default: true, rendered["flags"], node["flags"]),
            requiresYAMLTimeSpines: try booleanFlag("require_yaml_configuration_for_mf_time_spines", default: false,
                                                    rendered["flags"], node["flags"]),
            restrictAccess: try restrictAccess(rendered["restrict-access"], at: node["restrict-access"]?.location),
            quoting: try QuotingConfig.parse(rendered["quoting"], at: node["quoting"]?.location),
            path: path, warnings: warnings)
    }

    /// Renders the top-level settings as dbt does when it loads the project. Not rendered here: `vars:`,
    /// `on-run-start`/`on-run-end` and `query-comment` (dbt renders them later, in the calling node's context),
    /// and the config trees, rendered per node (their hooks are kept as written).
    private static func render(_ node: YAMLNode, _ environment: Environment, _ context: [String: Value],
                               only keys: Set<String>?) throws -> ConfigValue {
        let deferred: Set<String> = ["models", "seeds", "tests", "data_tests", "sources", "snapshots", "unit_tests", "vars",
                                     "on-run-start", "on-run-end", "query-comment", "dispatch"]
        return .dict(try node.entries.compactMap { key, value in
            if let keys, !keys.contains(key) { return nil }
            return (key, deferred.contains(key) ? .null : try value.rendered(environment, context))
        })
    }


    /// The mode under `flags: indirect_selection:`, nil when there is none.
    private static func indirectSelection(_ flags: ConfigValue?, at location: FileLocation?) throws -> IndirectSelection? {
        guard let value = flags?["indirect_selection"] else { return nil }
        guard let name = value.stringValue, let mode = IndirectSelection(rawValue: name) else {
            let valid = IndirectSelection.allCases.map(\.rawValue).joined(separator: ", ")
            throw DBTError(.project, "'flags: indirect_selection' must be one of: \(valid)", at: location)
        }
        return mode
    }

    /// A true-or-false setting under `flags:`, `defaultValue` when not set.
    private static func booleanFlag(_ key: String, default defaultValue: Bool, _ flags: ConfigValue?, _ node: YAMLNode?) throws -> Bool {
        guard let value = flags?[key], value != .null else { return defaultValue }
        guard let flag = value.boolValue else {
            throw DBTError(.project, "'flags: \(key)' must be true or false", at: node?[key]?.location)
        }
        return flag
    }

    /// `version:`, a text or a number (`1.0.0`, `1`), when there is one.
    private static func version(_ value: ConfigValue?, at location: FileLocation?) throws -> String? {
        guard let value, value != .null else { return nil }
        guard let version = value.scalarString else {
            throw DBTError(.project, "'version' must be text or a number, not \(value.kindDescription)", at: location)
        }
        return version
    }

    private static func dispatchEntries(_ node: YAMLNode?) throws -> [(macroNamespace: String, searchOrder: [String])] {
        guard let node, !node.isNull else { return [] }
        guard node.isSequence else {
            throw DBTError(.project, "'dispatch' must be a list, not \(node.value.kindDescription)", at: node.location)
        }
        return try node.items.map { entry in
            guard let namespace = entry["macro_namespace"]?.scalarText,
                  let order = entry["search_order"]?.value.stringList, !order.isEmpty else {
                throw DBTError(.project, "each dispatch entry needs 'macro_namespace' and a 'search_order' list",
                               at: entry.location)
            }
            return (namespace, order)
        }
    }

    /// `on-run-start`/`on-run-end`: one statement or a list of them.
    private static func hookList(_ node: YAMLNode?, _ key: String) throws -> [String] {
        guard let node, !node.isNull else { return [] }
        if let statement = node.scalarText { return [statement] }
        let statements = node.items.compactMap(\.scalarText)
        guard node.isSequence, statements.count == node.items.count else {
            throw DBTError(.project, "'\(key)' must be a statement or a list of statements", at: node.location)
        }
        return statements
    }
}

extension ConfigValue {
    /// A scalar as text (`1.0` stays `1.0`).
    public var scalarString: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }
}

extension ProjectFile {
    /// `restrict-access:`, a boolean (false when absent).
    fileprivate static func restrictAccess(_ value: ConfigValue?, at location: FileLocation?) throws -> Bool {
        guard let value, value != .null else { return false }
        guard case .bool(let restricted) = value else {
            throw DBTError(.project, "'restrict-access' must be true or false, not \(value.kindDescription)", at: location)
        }
        return restricted
    }
}
