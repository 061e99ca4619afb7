/// A node's manifest entry written straight to JSON bytes: exactly what
/// `JSONWriter.write(NodeValues.describe(node, compiledCode:))` writes, without building the
/// `ConfigValue` tree first (the manifest of a large project is mostly these entries).
/// `NodeJSONTests` holds the two to the same output.
enum NodeJSON {
    /// Member layout: on one line.
    private static let members = JSONMembers(first: "\"", next: ", \"", indent: nil)

    /// What is the same in every node's entry, written once per manifest.
    struct Shared: Sendable {
        /// `created_at` (the run's start time) as JSON.
        let createdAt: [UInt8]
        /// `docs` of a node with no `docs` config.
        let defaultDocs: [UInt8]
        /// `contract` of a node whose contract is not enforced, then of one whose contract is.
        let contracts: (off: [UInt8], on: [UInt8])

        init(_ session: CompileSession) {
            createdAt = Shared.json(.double(NodeValues.createdAt(session)))
            defaultDocs = Shared.json(NodeValues.docs(configured: nil))
            contracts = (Shared.json(NodeValues.contract(enforced: false)), Shared.json(NodeValues.contract(enforced: true)))
        }

        private static func json(_ value: ConfigValue) -> [UInt8] {
            var out = ByteBuffer()
            JSONWriter.write(value, into: &out, indent: nil, sortKeys: false)
            return out.array
        }
    }

    static func write(_ node: ProjectNode, compiledCode: String?, session: CompileSession, shared: Shared,
                      into out: inout ByteBuffer) {
        out.append(UInt8(ascii: "{"))
        members.key("unique_id", first: true, &out)
        JSONWriter.writeString(node.uniqueID, into: &out)
        members.string("resource_type", node.resourceType.rawValue, &out)
        members.string("name", node.name, &out)
        members.string("package_name", node.packageName, &out)
        members.string("path", node.path, &out)
        members.string("original_file_path", node.originalFilePath, &out)
        strings("fqn", node.fqn, &out)
        members.string("alias", node.namedRelation?.identifier ?? node.name, &out)
        members.optionalString("schema", node.namedRelation?.schema, &out)
        members.optionalString("database", node.namedRelation?.database, &out)
        strings("tags", node.config.tags, &out)
        members.string("description", node.description, &out)
        members.value("config", .dict(node.config.manifestEntries), &out)
        members.value("unrendered_config", .dict(node.unrenderedConfig.entries), &out)
        members.key("checksum", &out)
        out.append(UInt8(ascii: "{"))
        members.string("name", node.checksum.name, first: true, &out)
        members.string("checksum", node.checksum.checksum, &out)
        out.append(UInt8(ascii: "}"))
        members.value("meta", NodeValues.meta(node), &out)
        members.value("group", NodeValues.group(node), &out)
        if let configured = node.config["docs"] {
            members.value("docs", NodeValues.docs(configured: configured), &out)
        } else {
            bytes("docs", shared.defaultDocs, &out)
        }
        members.optionalString("patch_path", NodeValues.patchPath(node), &out)
        members.key("build_path", &out)
        out.append("null")
        bytes("created_at", shared.createdAt, &out)
        members.optionalString("relation_name", NodeValues.relationName(node, session: session), &out)
        members.key("doc_blocks", &out)
        out.append("[]")
        members.string("raw_code", NodeValues.rawCode(node), &out)
        if node.resourceType == .seed {
            members.string("root_path", node.packageRoot, &out)
            members.key("depends_on", &out)
            out.append(UInt8(ascii: "{"))
            strings("macros", node.macroCalls, first: true, &out)
            out.append(UInt8(ascii: "}"))
        } else {
            members.string("language", node.language.rawValue, &out)
            members.key("refs", &out)
            list(node.refs, &out) { out, ref in
                out.append(UInt8(ascii: "{"))
                members.string("name", ref.name, first: true, &out)
                members.optionalString("package", ref.package, &out)
                members.optionalString("version", ref.version, &out)
                out.append(UInt8(ascii: "}"))
            }
            members.key("sources", &out)
            list(node.sources, &out) { out, source in
                out.append(UInt8(ascii: "["))
                JSONWriter.writeString(source.source, into: &out)
                out.append(", ")
                JSONWriter.writeString(source.table, into: &out)
                out.append(UInt8(ascii: "]"))
            }
            members.key("metrics", &out)
            out.append("[]")
            members.key("depends_on", &out)
            out.append(UInt8(ascii: "{"))
            strings("macros", node.macroCalls, first: true, &out)
            strings("nodes", node.dependsOn, &out)
            out.append(UInt8(ascii: "}"))
            members.optionalString("compiled_path", compiledCode.map { _ in NodeValues.compiledPath(node, session: session) }, &out)
            if node.config.contractAliasTypes {
                bytes("contract", node.config.contractEnforced ? shared.contracts.on : shared.contracts.off, &out)
            } else {
                members.value("contract", NodeValues.contract(node), &out)
            }
        }
        members.key("columns", &out)
        out.append(UInt8(ascii: "{"))
        for (position, column) in node.columns.enumerated() {
            if position > 0 { out.append(", ") }
            JSONWriter.writeString(column.name, into: &out)
            out.append(": ")
            out.append(UInt8(ascii: "{"))
            members.string("name", column.name, first: true, &out)
            members.string("description", column.description, &out)
            members.optionalString("data_type", column.dataType, &out)
            members.value("meta", column.meta, &out)
            members.value("constraints", .list(column.constraints.map(\.value)), &out)
            members.value("quote", column.quote.map(ConfigValue.bool) ?? .null, &out)
            out.append(", \"config\": {\"meta\": ")
            JSONWriter.write(column.meta, into: &out, indent: nil, sortKeys: false)
            out.append(", \"tags\": []}, \"tags\": []")
            members.optionalString("granularity", column.granularity, &out)
            out.append(", \"doc_blocks\": []}")
        }
        out.append(UInt8(ascii: "}"))
        if node.resourceType == .model {
            members.value("access", NodeValues.access(node), &out)
            members.value("constraints", .list(node.constraints.map(\.value)), &out)
            let versioned = NodeValues.versionFields(node)
            members.value("version", versioned.version, &out)
            members.value("latest_version", versioned.latest, &out)
            members.value("deprecation_date", versioned.deprecation, &out)
            members.value("time_spine", node.timeSpine ?? .null, &out)
        }
        if let compiledCode {
            members.key("compiled", &out)
            out.append("true")
            members.string("compiled_code", compiledCode, &out)
        }
        if let test = node.test {
            members.optionalString("column_name", test.columnName, &out)
            members.optionalString("attached_node", test.manifestAttachedNode, &out)
            members.key("test_metadata", &out)
            out.append(UInt8(ascii: "{"))
            members.string("name", test.name, first: true, &out)
            members.optionalString("namespace", test.namespace, &out)
            members.value("kwargs", .dict(test.manifestKwargs), &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `"name": ` then JSON written beforehand.
    private static func bytes(_ name: StaticString, _ json: [UInt8], _ out: inout ByteBuffer) {
        members.key(name, &out)
        json.withUnsafeBufferPointer { out.append($0) }
    }

    private static func strings(_ name: StaticString, _ values: [String], first: Bool = false, _ out: inout ByteBuffer) {
        members.key(name, first: first, &out)
        list(values, &out) { JSONWriter.writeString($1, into: &$0) }
    }

    private static func list<Item>(_ items: [Item], _ out: inout ByteBuffer, _ write: (inout ByteBuffer, Item) -> Void) {
        out.append(UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { out.append(", ") }
            write(&out, item)
        }
        out.append(UInt8(ascii: "]"))
    }
}
