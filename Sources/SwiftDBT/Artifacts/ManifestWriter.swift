import Foundation

/// Writes `target/manifest.json` in dbt's shape (`nodes`, `sources`, `macros`, `parent_map`, `child_map`).
public enum ManifestWriter {
    /// The manifest's top-level entries before and after `nodes` (serialized separately: it is by far the
    /// largest); `parent_map` and `child_map` come last, written by `graphMaps`.
    static func sections(_ loaded: LoadedProject) -> (before: [(key: String, value: ConfigValue)], after: [(key: String, value: ConfigValue)]) {
        let manifest = loaded.manifest
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
        ]
        return ([("metadata", metadata)], after)
    }

    /// `"parent_map": {...}, "child_map": {...}`: every node and source with the sorted unique IDs it
    /// depends on, and of its dependents (children also list dependencies that are neither).
    static func graphMaps(_ manifest: Manifest, into out: inout [UInt8]) {
        var parents: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        parents.reserveCapacity(manifest.nodes.count + manifest.sources.count)
        children.reserveCapacity(manifest.nodes.count + manifest.sources.count)
        for index in manifest.nodes.indices {
            parents[manifest.nodes[index].uniqueID] = []
            children[manifest.nodes[index].uniqueID] = []
        }
        for source in manifest.sources {
            parents[source.uniqueID] = []
            children[source.uniqueID] = []
        }
        for index in manifest.nodes.indices {
            let id = manifest.nodes[index].uniqueID
            let dependsOn = manifest.nodes[index].dependsOn
            parents[id] = dependsOn.sorted()
            for parent in dependsOn { children[parent, default: []].append(id) }
        }
        let parentKeys = parents.keys.sorted()
        // Children hold every parent key, and maybe more.
        let childKeys = children.count == parents.count ? parentKeys : children.keys.sorted()
        func write(_ name: String, _ map: [String: [String]], _ keys: [String]) {
            JSONWriter.writeString(name, into: &out)
            JSONWriter.append(": {", to: &out)
            for (position, key) in keys.enumerated() {
                if position > 0 { JSONWriter.append(", ", to: &out) }
                JSONWriter.writeString(key, into: &out)
                JSONWriter.append(": [", to: &out)
                for (itemPosition, item) in (map[key] ?? []).sorted().enumerated() {
                    if itemPosition > 0 { JSONWriter.append(", ", to: &out) }
                    JSONWriter.writeString(item, into: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
        write("parent_map", parents, parentKeys)
        JSONWriter.append(", ", to: &out)
        write("child_map", children, childKeys)
    }

    /// The manifest as JSON text; `compiled` adds `compiled_code` to the nodes it names.
    public static func json(_ loaded: LoadedProject, compiled: [String: String] = [:]) -> String {
        String(decoding: chunks(loaded, compiled: compiled).joined(), as: UTF8.self)
    }

    /// The manifest as UTF-8 pieces in order (node entries serialized in parallel, 256 to a piece).
    static func chunks(_ loaded: LoadedProject, compiled: [String: String]) -> [[UInt8]] {
        let nodes = loaded.manifest.nodes
        let nodeChunks = ParallelMap.map(Array(stride(from: 0, to: nodes.count, by: 256))) { start -> [UInt8] in
            var chunk: [UInt8] = []
            chunk.reserveCapacity(256 * 2048)
            for index in start..<min(nodes.count, start + 256) {
                if index > 0 { JSONWriter.append(", ", to: &chunk) }
                JSONWriter.writeString(nodes[index].uniqueID, into: &chunk)
                JSONWriter.append(": ", to: &chunk)
                NodeJSON.write(nodes[index], compiledCode: compiled.isEmpty ? nil : compiled[nodes[index].uniqueID], into: &chunk)
            }
            return chunk
        }
        let (before, after) = sections(loaded)
        var head: [UInt8] = [UInt8(ascii: "{")]
        for (key, value) in before {
            JSONWriter.writeString(key, into: &head)
            JSONWriter.append(": ", to: &head)
            JSONWriter.write(value, into: &head, indent: nil, sortKeys: false)
            JSONWriter.append(", ", to: &head)
        }
        JSONWriter.append("\"nodes\": {", to: &head)
        var tail: [UInt8] = [UInt8(ascii: "}")]
        for (key, value) in after {
            JSONWriter.append(", ", to: &tail)
            JSONWriter.writeString(key, into: &tail)
            JSONWriter.append(": ", to: &tail)
            JSONWriter.write(value, into: &tail, indent: nil, sortKeys: false)
        }
        JSONWriter.append(", ", to: &tail)
        graphMaps(loaded.manifest, into: &tail)
        tail.append(UInt8(ascii: "}"))
        return [head] + nodeChunks + [tail]
    }

    /// Writes the manifest under the project's target path.
    public static func write(_ loaded: LoadedProject, compiled: [String: String] = [:]) throws {
        PhaseTimer.mark("before manifest")
        let pieces = chunks(loaded, compiled: compiled)
        PhaseTimer.mark("manifest json")
        try TargetPaths.write(pieces, to: TargetPaths(loaded.session.project).file("manifest.json"))
        PhaseTimer.mark("manifest write")
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
        var text = text
        var file = try OutputFile(path)
        do {
            try text.withUTF8 { try file.write($0) }
        } catch {
            try? file.finish()
            throw error
        }
        try file.finish()
    }

    /// Writes `pieces` one after the other into the file at `path`, creating folders.
    static func write(_ pieces: [[UInt8]], to path: String) throws {
        var file = try OutputFile(path)
        do {
            for piece in pieces { try piece.withUnsafeBufferPointer { try file.write($0) } }
        } catch {
            try? file.finish()
            throw error
        }
        try file.finish()
    }
}

/// A file written in place, as dbt writes its artifacts (no temporary file, no fsync). An existing
/// file is overwritten and then cut to the new length, not truncated to zero first: ext4 flushes a
/// file truncated to zero and rewritten when it is closed, which made writing thousands of compiled
/// files wait on the disk. Folders are created only when opening fails for want of one.
private struct OutputFile {
    let path: String
    let descriptor: Int32
    /// The file's size before writing.
    let previousSize: Int
    private(set) var written = 0

    init(_ path: String) throws {
        self.path = path
        var descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw DBTError(.project, "cannot write \(path): \(error.localizedDescription)")
            }
            descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw DBTError(.project, "cannot write \(path): \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        var status = stat()
        previousSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw DBTError(.project, "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
        written += bytes.count
    }

    /// Cuts what is left of a longer previous file, and closes.
    func finish() throws {
        defer { _ = Foundation.close(descriptor) }
        if previousSize > written, ftruncate(descriptor, off_t(written)) != 0 {
            throw DBTError(.project, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
