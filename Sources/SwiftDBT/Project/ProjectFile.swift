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
    public var targetPath: String
    public var cleanTargets: [String]
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
    /// The file's path relative to the invocation, for messages.
    public var path: String
    /// Warnings from reading the file (keys written twice), printed when the project loads.
    public var warnings: [String] = []

    /// Reads and validates `dbt_project.yml` in `root`. `cliVars` are visible to `var()` inside it.
    public static func load(root: String, environment: Environment, context: [String: Value]) throws -> ProjectFile {
        let path = (root as NSString).appendingPathComponent("dbt_project.yml")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DBTError(.project, "no dbt_project.yml found in \(root)")
        }
        var warnings: [String] = []
        guard let node = try YAMLNode.parse(text, path: path, warnings: &warnings), case .mapping = node.kind else {
            throw DBTError(.project, "dbt_project.yml must be a mapping", at: FileLocation(path: path, line: 1, column: 1))
        }
        let rendered = try ProjectFile.render(node, environment, context)
        func strings(_ key: String, _ fallback: [String]) throws -> [String] {
            guard let value = rendered[key] else { return fallback }
            let list = value.stringList
            guard !list.isEmpty || value == .list([]) else {
                throw DBTError(.project, "'\(key)' must be a list of paths", at: node[key]?.location)
            }
            return list
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
                            ("data_tests", .test), ("sources", .source), ("snapshots", .snapshot)] {
            if let tree = node[key] { trees[type] = tree }
        }
        return ProjectFile(
            root: root, name: name, version: rendered["version"].flatMap(\.scalarString),
            profile: rendered["profile"]?.stringValue,
            modelPaths: try strings("model-paths", ["models"]),
            seedPaths: try strings("seed-paths", ["seeds"]),
            macroPaths: try strings("macro-paths", ["macros"]),
            testPaths: try strings("test-paths", ["tests"]),
            analysisPaths: try strings("analysis-paths", ["analyses"]),
            snapshotPaths: try strings("snapshot-paths", ["snapshots"]),
            targetPath: rendered["target-path"]?.stringValue ?? "target",
            cleanTargets: try strings("clean-targets", ["target", "dbt_packages"]),
            packagesInstallPath: rendered["packages-install-path"]?.stringValue ?? "dbt_packages",
            vars: node["vars"],
            dispatch: try dispatchEntries(node["dispatch"]),
            configTrees: trees,
            onRunStart: node["on-run-start"].map(hookList) ?? [],
            onRunEnd: node["on-run-end"].map(hookList) ?? [],
            requiredDBTVersion: try RequiredDBTVersion.parse(node["require-dbt-version"], text: text),
            queryComment: try QueryComment.parse(node["query-comment"]),
            indirectSelection: try indirectSelection(rendered["flags"], at: node["flags"]?["indirect_selection"]?.location),
            path: path, warnings: warnings)
    }

    /// Renders the top-level settings as dbt does when it loads the project. Not rendered here: `vars:`,
    /// `on-run-start`/`on-run-end` and `query-comment` (dbt renders them later, in the calling node's context),
    /// and the config trees, rendered per node (their hooks are kept as written).
    private static func render(_ node: YAMLNode, _ environment: Environment, _ context: [String: Value]) throws -> ConfigValue {
        let deferred: Set<String> = ["models", "seeds", "tests", "data_tests", "sources", "snapshots", "vars",
                                     "on-run-start", "on-run-end", "query-comment", "dispatch"]
        return .dict(try node.entries.map { key, value in
            (key, deferred.contains(key) ? .null : try value.rendered(environment, context))
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

    private static func dispatchEntries(_ node: YAMLNode?) throws -> [(macroNamespace: String, searchOrder: [String])] {
        guard let node else { return [] }
        return try node.items.map { entry in
            guard let namespace = entry["macro_namespace"]?.scalarText,
                  let order = entry["search_order"]?.value.stringList, !order.isEmpty else {
                throw DBTError(.project, "each dispatch entry needs 'macro_namespace' and a 'search_order' list",
                               at: entry.location)
            }
            return (namespace, order)
        }
    }

    private static func hookList(_ node: YAMLNode) -> [String] {
        node.items.isEmpty ? (node.scalarText.map { [$0] } ?? []) : node.items.compactMap(\.scalarText)
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
