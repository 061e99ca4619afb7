import Foundation

/// Writes `target/manifest.json` in dbt's shape (`nodes`, `sources`, `macros`, `parent_map`, `child_map`).
public enum ManifestWriter {
    /// The manifest's top-level entries before `nodes`.
    static func sectionsBeforeNodes(_ loaded: LoadedProject) -> [(key: String, value: ConfigValue)] {
        let session = loaded.session
        let metadata = ConfigValue.dict(ArtifactMetadata.entries(schema: "manifest/v12", session: session) + [
            ("project_name", .string(loaded.manifest.projectName)),
            ("project_id", .string(HexDigest.md5(loaded.manifest.projectName))),
            ("user_id", .null),
            ("send_anonymous_usage_stats", .bool(false)),
            ("adapter_type", .string(session.target.type)),
            ("quoting", metadataQuoting(session)),
        ])
        return [("metadata", metadata)]
    }

    /// `metadata.quoting` as dbt writes it: the project's `quoting:` over the adapter's quote policy (`column`
    /// is never written). The relations swiftdbt writes quote every part the project does not set false.
    private static func metadataQuoting(_ session: CompileSession) -> ConfigValue {
        let quoting = session.project.quoting.over(session.dialect.dbtQuotePolicy)
        return .dict([("database", .bool(quoting.database ?? true)), ("schema", .bool(quoting.schema ?? true)),
                      ("identifier", .bool(quoting.identifier ?? true)), ("column", .null)])
    }

    /// The manifest's top-level entries after `nodes` (serialized separately: it is by far the largest);
    /// `parent_map` and `child_map` come last, written by `graphMaps`.
    static func sectionsAfterNodes(_ loaded: LoadedProject) -> [(key: String, value: ConfigValue)] {
        let manifest = loaded.manifest
        let session = loaded.session
        let createdAt = ConfigValue.double(NodeValues.createdAt(session))
        return [
            ("sources", .dict(manifest.sources.map { ($0.uniqueID, NodeValues.describe($0, session: session)) })),
            ("macros", .dict(manifest.macros.map { macro in
                (macro.uniqueID, .dict([
                    ("name", .string(macro.name)), ("resource_type", .string("macro")),
                    ("package_name", .string(macro.packageName)), ("path", .string(macro.originalFilePath)),
                    ("original_file_path", .string(macro.originalFilePath)), ("unique_id", .string(macro.uniqueID)),
                    ("macro_sql", .string(macro.definition.text)), ("depends_on", .dict([("macros", .list(MacroDependencies.of(
                        macro.definition.namesRead, package: macro.packageName, macros: session.macros).map(ConfigValue.string)))])),
                    ("description", .string(macro.description)), ("meta", .dict([])),
                    ("docs", .dict([("show", .bool(true)), ("node_color", .null)])),
                    ("patch_path", macro.patchPath.map(ConfigValue.string) ?? .null),
                    // dbt lists arguments only where a `macros:` property file documents them.
                    ("arguments", .list(macro.arguments.map { argument in
                        .dict([("name", .string(argument.name)), ("type", argument.type.map(ConfigValue.string) ?? .null),
                               ("description", .string(argument.description))])
                    })), ("created_at", createdAt), ("supported_languages", .null),
                ]))
            })),
            ("exposures", .dict(manifest.exposures.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
            ("docs", .dict(manifest.docs.map { doc in
                (doc.uniqueID, .dict([("name", .string(doc.name)), ("resource_type", .string("doc")),
                                      ("package_name", .string(doc.packageName)), ("path", .string(doc.path)),
                                      ("original_file_path", .string(doc.originalFilePath)),
                                      ("unique_id", .string(doc.uniqueID)), ("block_contents", .string(doc.blockContents))]))
            })),
            ("metrics", .dict(manifest.metrics.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
            ("groups", .dict(manifest.groups.map { ($0.uniqueID, ResourceJSON.describe($0)) })),
            ("selectors", .dict([])),
            ("disabled", .dict(manifest.disabled.map { ($0.uniqueID, .list([NodeValues.describe($0, session: session)])) }
                               + manifest.disabledPropertyResources.map { ($0.key, .list([$0.value])) })),
            ("group_map", .dict(manifest.groups.map { group in
                (group.name, .list(manifest.nodes.filter { $0.config.group == group.name }.map { .string($0.uniqueID) }))
            })),
            ("saved_queries", .dict(manifest.savedQueries.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
            ("semantic_models", .dict(manifest.semanticModels.map { ($0.uniqueID, ResourceJSON.describe($0, session: session)) })),
            ("unit_tests", .dict(manifest.nodes.indices.compactMap { index in
                guard manifest.nodes[index].unitTest != nil else { return nil }
                return UnitTestJSON.describe(manifest.nodes[index], manifest: manifest, session: session).map { (manifest.nodes[index].uniqueID, $0) }
            })),
        ]
    }

    /// `"parent_map": {...}, "child_map": {...}`: every node, source, exposure, metric, semantic model and saved
    /// query with the sorted unique IDs it depends on, and of its dependents (children also list dependencies that are neither).
    /// Unique IDs are numbered once and sorted once; lists are sorted by those ranks.
    /// `operations` (the project hooks' unique IDs) depend on nothing and nothing depends on them.
    static func graphMaps(_ manifest: Manifest, operations: [String] = [], into out: inout ByteBuffer) {
        var number: [String: Int] = [:]
        number.reserveCapacity(manifest.nodes.count + manifest.sources.count)
        var ids: [String] = []
        func index(_ id: String) -> Int {
            if let found = number[id] { return found }
            number[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        let nodeIndices = manifest.nodes.indices.map { index(manifest.nodes[$0].uniqueID) }
        for source in manifest.sources { _ = index(source.uniqueID) }
        let resources = manifest.resourceGraphNodes
        let resourceIndices = resources.map { index($0.uniqueID) }
        for operation in operations { _ = index(operation) }
        /// Nodes, sources, exposures and the semantic layer are the parent map's keys; dependencies that are
        /// none of them only the child map's.
        let parentKeys = ids.count
        var parents = [[Int]](repeating: [], count: parentKeys)
        var children: [[Int]] = Array(repeating: [], count: parentKeys)
        let dependencies = manifest.nodes.indices.map { manifest.nodes[$0].dependsOn } + resources.map(\.dependsOn)
        for (position, node) in (nodeIndices + resourceIndices).enumerated() {
            let dependsOn = dependencies[position].map(index)
            if children.count < ids.count { children += Array(repeating: [], count: ids.count - children.count) }
            parents[node] = dependsOn
            for parent in dependsOn { children[parent].append(node) }
        }
        let order = ASCIIText.sortedIndices(ids)
        var rank = [Int](repeating: 0, count: ids.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        // Each ID is written many times (a key in both maps, an item of its parents' and children's lists): its JSON
        // string is made once, and copied from `quoted[ends[id]..<ends[id + 1]]`.
        var quotedBuffer = ByteBuffer(capacity: ids.count * 48)
        var ends = [0]
        ends.reserveCapacity(ids.count + 1)
        for id in ids {
            JSONWriter.writeString(id, into: &quotedBuffer)
            ends.append(quotedBuffer.count)
        }
        let quoted = quotedBuffer.array
        quoted.withUnsafeBufferPointer { quoted in
            func write(_ name: StaticString, _ lists: [[Int]], keys: Int, into out: inout ByteBuffer) {
                out.append(UInt8(ascii: "\""))
                out.append(name)
                out.append("\": {")
                var first = true
                for id in order where id < keys {
                    if !first { out.append(", ") }
                    first = false
                    out.append(UnsafeBufferPointer(rebasing: quoted[ends[id]..<ends[id + 1]]))
                    out.append(": [")
                    for (position, item) in lists[id].sorted(by: { rank[$0] < rank[$1] }).enumerated() {
                        if position > 0 { out.append(", ") }
                        out.append(UnsafeBufferPointer(rebasing: quoted[ends[item]..<ends[item + 1]]))
                    }
                    out.append(UInt8(ascii: "]"))
                }
                out.append(UInt8(ascii: "}"))
            }
            write("parent_map", parents, keys: parentKeys, into: &out)
            out.append(", ")
            write("child_map", children, keys: ids.count, into: &out)
        }
    }

    /// The manifest as UTF-8 pieces in order, made on every core.
    static func chunks(_ loaded: LoadedProject, compiled: [String?]) -> [[UInt8]] {
        let pieces = Pieces(loaded, compiled: compiled, tail: Tail(loaded))
        return ParallelMap.map(Array(0..<pieces.count)) { pieces.piece($0) }
    }

    /// What follows the node entries (`tail`), made on a thread of its own from the moment this is created: it is the
    /// longest single job of the manifest, and depends on nothing a command compiles, so `compile` starts it before
    /// selecting, while the other core would wait.
    public struct Tail: Sendable {
        fileprivate let bytes: BackgroundValue<[UInt8]>

        public init(_ loaded: LoadedProject) {
            let afterNodes = loaded.manifest.nodes.contains { $0.resourceType != .unitTest }
            bytes = BackgroundValue { ManifestWriter.tail(loaded, afterNodes: afterNodes) }
        }
    }

    /// The manifest in pieces: the entries before `nodes`, the node entries 256 to a piece, and the tail.
    private struct Pieces: Sendable {
        let loaded: LoadedProject
        /// Each node's compiled SQL by its position in the manifest; empty when nothing was compiled.
        let compiled: [String?]
        /// Positions of the nodes written (unit tests are not): each node is read where it is, not copied into a filtered array.
        let written: [Int]
        let shared: NodeJSON.Shared
        let tail: Tail

        init(_ loaded: LoadedProject, compiled: [String?], tail: Tail) {
            self.loaded = loaded
            self.compiled = compiled
            let nodes = loaded.manifest.nodes
            written = nodes.indices.filter { nodes[$0].resourceType != .unitTest }
            shared = NodeJSON.Shared(loaded.session)
            self.tail = tail
        }

        var count: Int { (written.count + 255) / 256 + 2 }

        func piece(_ index: Int) -> [UInt8] {
            guard index > 0 else { return head() }
            guard index < count - 1 else { return tail.bytes.value }
            let start = (index - 1) * 256
            let nodes = loaded.manifest.nodes
            var chunk = ByteBuffer(capacity: 256 * 2048)
            for position in start..<min(written.count, start + 256) {
                let node = written[position]
                if position > 0 { chunk.append(", ") }
                JSONWriter.writeString(nodes[node].uniqueID, into: &chunk)
                chunk.append(": ")
                NodeJSON.write(nodes[node], compiledCode: compiled.isEmpty ? nil : compiled[node],
                               session: loaded.session, shared: shared, into: &chunk)
            }
            return chunk.array
        }

        private func head() -> [UInt8] {
            var head = ByteBuffer()
            head.append(UInt8(ascii: "{"))
            for (key, value) in sectionsBeforeNodes(loaded) {
                JSONWriter.writeString(key, into: &head)
                head.append(": ")
                JSONWriter.write(value, into: &head, indent: nil, sortKeys: false)
                head.append(", ")
            }
            head.append("\"nodes\": {")
            return head.array
        }
    }

    /// What follows the node entries: the project hooks' operation nodes, the closing brace, the sections after
    /// `nodes`, and the graph maps.
    private static func tail(_ loaded: LoadedProject, afterNodes: Bool) -> [UInt8] {
        var tail = ByteBuffer(capacity: 1 << 16)
        let operations = HookOperationJSON.entries(loaded.session)
        for (position, (key, value)) in operations.enumerated() {
            if afterNodes || position > 0 { tail.append(", ") }
            JSONWriter.writeString(key, into: &tail)
            tail.append(": ")
            JSONWriter.write(value, into: &tail, indent: nil, sortKeys: false)
        }
        tail.append(UInt8(ascii: "}"))
        for (key, value) in sectionsAfterNodes(loaded) {
            tail.append(", ")
            JSONWriter.writeString(key, into: &tail)
            tail.append(": ")
            JSONWriter.write(value, into: &tail, indent: nil, sortKeys: false)
        }
        tail.append(", ")
        graphMaps(loaded.manifest, operations: operations.map(\.key), into: &tail)
        tail.append(UInt8(ascii: "}"))
        return tail.array
    }

    /// Writes the manifest under the project's target path, with each node's compiled SQL by its position in the
    /// manifest (`compiled`, empty for none); `tail`, when the caller started it earlier.
    public static func write(_ loaded: LoadedProject, compiled: [String?] = [], tail: Tail? = nil) throws {
        PhaseTimer.mark("before manifest")
        let pieces = Pieces(loaded, compiled: compiled, tail: tail ?? Tail(loaded))
        try TargetPaths.write(pieces: pieces.count, to: TargetPaths(loaded.session.project).file("manifest.json")) { pieces.piece($0) }
        PhaseTimer.mark("manifest json and write")
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
        PathText.appending(PathText.appending(root, folder), TargetPaths.compiledFile(node))
    }

    /// `<package>/<path>`: a node's file under `compiled/` or `run/`.
    static func compiledFile(_ node: ProjectNode) -> String {
        // A YAML snapshot's SQL goes beside its tests, in a folder named after its property file, as dbt's.
        let inPropertyFile = node.resourceType == .snapshot && node.path.hasSuffix(".sql") && !node.originalFilePath.hasSuffix(".sql")
        let relative = node.test != nil || node.resourceType == .unitTest ? PathText.appending(node.originalFilePath, node.path)
            : inPropertyFile ? PathText.appending(node.originalFilePath, FileDiscovery.lastPathComponent(node.path))
            : node.originalFilePath
        return PathText.appending(node.packageName, relative)
    }

    /// Writes `text`, creating folders; secrets are masked (`SecretMask`). A file that already holds exactly that
    /// text is left as it is (compiling an unchanged project of 10,000 models rewrote 40,000 identical files: ext4
    /// updates the times and journals each write).
    public static func write(_ text: String, to path: String) throws {
        var text = SecretMask.process.apply(text)
        var file = try OutputFile(path)
        do {
            try text.withUTF8 { bytes in
                if !file.alreadyHolds(bytes) { try file.write(bytes) }
            }
        } catch {
            try? file.finish()
            throw error
        }
        try file.finish()
    }

    /// Writes `count` pieces, made by `piece` on every core 16 at a time, in order into the file at `path`, creating
    /// folders; secrets are masked (then the pieces are joined first). Batches are made on a thread of their own while
    /// this one writes the batch before (writing 100 MB kept one core in the kernel while the other waited), at most
    /// two ahead: a large artifact held whole (the manifest of 10,000 models is 100 MB) touched that much fresh
    /// memory, a page fault for every 4 KB.
    static func write(pieces count: Int, to path: String, _ piece: @escaping @Sendable (Int) -> [UInt8]) throws {
        guard SecretMask.process.isEmpty else { return try write(ParallelMap.map(Array(0..<count), piece), to: path) }
        var file = try OutputFile(path)
        do {
            try BoundedHandoff<[[UInt8]]>.run(capacity: 2, produce: { handOver in
                for start in stride(from: 0, to: count, by: 16) {
                    try handOver(ParallelMap.map(Array(start..<min(count, start + 16)), piece))
                }
            }, consume: { batch in
                for bytes in batch { try bytes.withUnsafeBufferPointer { try file.write($0) } }
            })
        } catch {
            try? file.finish()
            throw error
        }
        try file.finish()
    }

    /// Writes `pieces` one after the other into the file at `path`, creating folders; secrets are masked.
    static func write(_ pieces: [[UInt8]], to path: String) throws {
        var file = try OutputFile(path)
        do {
            for piece in SecretMask.process.apply(pieces) { try piece.withUnsafeBufferPointer { try file.write($0) } }
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
/// files wait on the disk. Folders are created only when opening fails for want of one. A symbolic
/// link in the file's place is replaced by the file, never written through (a project could ship
/// `target/manifest.json` linked to a file of the user's).
private struct OutputFile {
    let path: String
    let descriptor: Int32
    private(set) var written = 0
    /// Whether the file may hold bytes past those written, which `finish` then cuts: unknown unless `alreadyHolds`
    /// read it (no `fstat`: compiling 10,000 models opens 40,000 files, each syscall counts).
    private var mayHoldMore = true

    init(_ path: String) throws {
        self.path = path
        let flags = O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, errno == ELOOP, unlink(path) == 0 {
            descriptor = open(path, flags, 0o644)
        }
        if descriptor < 0, errno == EACCES {
            // A file we may write but not read: written without the comparison `alreadyHolds` makes.
            descriptor = open(path, flags & ~O_RDWR | O_WRONLY, 0o644)
        }
        if descriptor < 0, errno == ENOENT {
            let folder = PathText.deletingLastComponent(path)
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw DBTError(.project, "cannot write \(path): \(error.localizedDescription)")
            }
            descriptor = open(path, flags, 0o644)
        }
        guard descriptor >= 0 else { throw DBTError(.project, "cannot write \(path): \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
    }

    /// Whether the file already holds exactly `bytes` (files up to 1 MiB are compared); then it counts as written.
    /// Reads one byte more than `bytes`, which also tells whether a file that differs is longer.
    mutating func alreadyHolds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard written == 0, bytes.count <= 1 << 20 else { return false }
        let wanted = bytes.count + 1
        let read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wanted) { buffer -> (count: Int, same: Bool)? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < wanted {
                let asked = wanted - offset
                let count = pread(descriptor, base + offset, asked, off_t(offset))
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { return nil }
                offset += count
                // A regular file reads short only at its end: no second call to find it.
                if count < asked { break }
            }
            return (offset, offset == bytes.count && (bytes.baseAddress.map { memcmp(base, $0, bytes.count) == 0 } ?? true))
        }
        // Unread (a file we may only write): whatever it holds is cut after writing.
        guard let read else { return false }
        mayHoldMore = read.count > bytes.count
        if read.same { written = bytes.count }
        return read.same
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
        if mayHoldMore, ftruncate(descriptor, off_t(written)) != 0 {
            throw DBTError(.project, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
