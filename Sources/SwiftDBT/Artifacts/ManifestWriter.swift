import Foundation

/// Writes `target/manifest.json` in dbt's shape (`nodes`, `sources`, `macros`, `parent_map`, `child_map`).
public enum ManifestWriter {
    /// The manifest's top-level entries; `nodes` is serialized separately (it is by far the largest).
    static func sections(_ loaded: LoadedProject) -> (before: [(key: String, value: ConfigValue)], after: [(key: String, value: ConfigValue)]) {
        let manifest = loaded.manifest
        var parents: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        for id in manifest.nodes.map(\.uniqueID) + manifest.sources.map(\.uniqueID) {
            parents[id] = []
            children[id] = []
        }
        for node in manifest.nodes {
            parents[node.uniqueID] = node.dependsOn.sorted()
            for parent in node.dependsOn { children[parent, default: []].append(node.uniqueID) }
        }
        func map(_ dictionary: [String: [String]]) -> ConfigValue {
            .dict(dictionary.keys.sorted().map { ($0, .list((dictionary[$0] ?? []).sorted().map(ConfigValue.string))) })
        }
        let metadata = ConfigValue.dict([
            ("dbt_schema_version", .string("https://schemas.getdbt.com/dbt/manifest/v12.json")),
            ("dbt_version", .string(SwiftDBTVersion.dbtCompatible)),
            ("generator", .string("swiftdbt \(SwiftDBTVersion.current)")),
            ("generated_at", .string(ISO8601DateFormatter().string(from: loaded.session.runStartedAt))),
            ("invocation_id", .string(loaded.session.invocationID)),
            ("project_name", .string(manifest.projectName)),
            ("adapter_type", .string(loaded.session.target.type)),
        ])
        let after: [(key: String, value: ConfigValue)] = [
            ("sources", .dict(manifest.sources.map { ($0.uniqueID, NodeValues.describe($0)) })),
            ("macros", .dict(manifest.macros.map { macro in
                (macro.uniqueID, .dict([("unique_id", .string(macro.uniqueID)), ("name", .string(macro.name)),
                                        ("package_name", .string(macro.packageName)),
                                        ("original_file_path", .string(macro.originalFilePath)),
                                        ("arguments", .list(macro.definition.parameterNames.map { .dict([("name", .string($0))]) }))]))
            })),
            ("disabled", .dict(manifest.disabled.map { ($0.uniqueID, .list([NodeValues.describe($0)])) })),
            ("parent_map", map(parents)),
            ("child_map", map(children)),
        ]
        return ([("metadata", metadata)], after)
    }

    /// The manifest as JSON text; `compiled` adds `compiled_code` to the nodes it names.
    /// Node entries are serialized in parallel.
    public static func json(_ loaded: LoadedProject, compiled: [String: String] = [:]) -> String {
        let nodes = loaded.manifest.nodes
        let chunks = ParallelMap.map(Array(stride(from: 0, to: nodes.count, by: 256))) { start -> String in
            var chunk = ""
            for node in nodes[start..<min(nodes.count, start + 256)] {
                if !chunk.isEmpty { chunk += ", " }
                JSONWriter.writeString(node.uniqueID, into: &chunk)
                chunk += ": "
                JSONWriter.write(NodeValues.describe(node, compiledCode: compiled[node.uniqueID]), into: &chunk, indent: nil, sortKeys: false)
            }
            return chunk
        }
        let (before, after) = sections(loaded)
        var text = "{"
        for (key, value) in before {
            JSONWriter.writeString(key, into: &text)
            text += ": " + JSONWriter.string(value) + ", "
        }
        text += "\"nodes\": {" + chunks.filter { !$0.isEmpty }.joined(separator: ", ") + "}"
        for (key, value) in after {
            text += ", "
            JSONWriter.writeString(key, into: &text)
            text += ": " + JSONWriter.string(value)
        }
        return text + "}"
    }

    /// Writes the manifest under the project's target path.
    public static func write(_ loaded: LoadedProject, compiled: [String: String] = [:]) throws {
        try TargetPaths.write(json(loaded, compiled: compiled), to: TargetPaths(loaded.session.project).file("manifest.json"))
    }
}

/// Paths under the project's `target-path`.
public struct TargetPaths: Sendable {
    public let root: String

    public init(_ project: ProjectFile) {
        root = (project.targetPath as NSString).isAbsolutePath
            ? project.targetPath : (project.root as NSString).appendingPathComponent(project.targetPath)
    }

    public func file(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// `target/compiled/<package>/<path>` (generic tests under their YAML file's path).
    public func compiled(_ node: ProjectNode, folder: String = "compiled") -> String {
        let relative = node.test != nil ? (node.originalFilePath as NSString).appendingPathComponent(node.path) : node.originalFilePath
        return ((root as NSString).appendingPathComponent(folder) as NSString)
            .appendingPathComponent((node.packageName as NSString).appendingPathComponent(relative))
    }

    /// Writes `text`, creating folders.
    public static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DBTError(.project, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
