/// A node's manifest entry written straight to JSON bytes: exactly what
/// `JSONWriter.write(NodeValues.describe(node, compiledCode:))` writes, without building the
/// `ConfigValue` tree first (the manifest of a large project is mostly these entries).
/// `NodeJSONTests` holds the two to the same output.
enum NodeJSON {
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
        key("unique_id", first: true, &out)
        JSONWriter.writeString(node.uniqueID, into: &out)
        string("resource_type", node.resourceType.rawValue, &out)
        string("name", node.name, &out)
        string("package_name", node.packageName, &out)
        string("path", node.path, &out)
        string("original_file_path", node.originalFilePath, &out)
        strings("fqn", node.fqn, &out)
        string("alias", node.namedRelation?.identifier ?? node.name, &out)
        optionalString("schema", node.namedRelation?.schema, &out)
        optionalString("database", node.namedRelation?.database, &out)
        strings("tags", node.config.tags, &out)
        string("description", node.description, &out)
        value("config", .dict(node.config.manifestEntries), &out)
        value("unrendered_config", .dict(node.unrenderedConfig.entries), &out)
        key("checksum", &out)
        out.append(UInt8(ascii: "{"))
        string("name", node.checksum.name, first: true, &out)
        string("checksum", node.checksum.checksum, &out)
        out.append(UInt8(ascii: "}"))
        value("meta", NodeValues.meta(node), &out)
        value("group", NodeValues.group(node), &out)
        if let configured = node.config["docs"] {
            value("docs", NodeValues.docs(configured: configured), &out)
        } else {
            bytes("docs", shared.defaultDocs, &out)
        }
        optionalString("patch_path", NodeValues.patchPath(node), &out)
        key("build_path", &out)
        out.append("null")
        bytes("created_at", shared.createdAt, &out)
        optionalString("relation_name", NodeValues.relationName(node, session: session), &out)
        key("doc_blocks", &out)
        out.append("[]")
        string("raw_code", NodeValues.rawCode(node), &out)
        if node.resourceType == .seed {
            string("root_path", node.packageRoot, &out)
            key("depends_on", &out)
            out.append(UInt8(ascii: "{"))
            strings("macros", node.macroCalls, first: true, &out)
            out.append(UInt8(ascii: "}"))
        } else {
            string("language", node.language.rawValue, &out)
            key("refs", &out)
            list(node.refs, &out) { out, ref in
                out.append(UInt8(ascii: "{"))
                string("name", ref.name, first: true, &out)
                optionalString("package", ref.package, &out)
                optionalString("version", ref.version, &out)
                out.append(UInt8(ascii: "}"))
            }
            key("sources", &out)
            list(node.sources, &out) { out, source in
                out.append(UInt8(ascii: "["))
                JSONWriter.writeString(source.source, into: &out)
                out.append(", ")
                JSONWriter.writeString(source.table, into: &out)
                out.append(UInt8(ascii: "]"))
            }
            key("metrics", &out)
            out.append("[]")
            key("depends_on", &out)
            out.append(UInt8(ascii: "{"))
            strings("macros", node.macroCalls, first: true, &out)
            strings("nodes", node.dependsOn, &out)
            out.append(UInt8(ascii: "}"))
            optionalString("compiled_path", compiledCode.map { _ in NodeValues.compiledPath(node, session: session) }, &out)
            if node.config.contractAliasTypes {
                bytes("contract", node.config.contractEnforced ? shared.contracts.on : shared.contracts.off, &out)
            } else {
                value("contract", NodeValues.contract(node), &out)
            }
        }
        key("columns", &out)
        out.append(UInt8(ascii: "{"))
        for (position, column) in node.columns.enumerated() {
            if position > 0 { out.append(", ") }
            JSONWriter.writeString(column.name, into: &out)
            out.append(": ")
            out.append(UInt8(ascii: "{"))
            string("name", column.name, first: true, &out)
            string("description", column.description, &out)
            optionalString("data_type", column.dataType, &out)
            value("meta", column.meta, &out)
            value("constraints", .list(column.constraints.map(\.value)), &out)
            value("quote", column.quote.map(ConfigValue.bool) ?? .null, &out)
            out.append(", \"config\": {\"meta\": ")
            JSONWriter.write(column.meta, into: &out, indent: nil, sortKeys: false)
            out.append(", \"tags\": []}, \"tags\": []")
            optionalString("granularity", column.granularity, &out)
            out.append(", \"doc_blocks\": []}")
        }
        out.append(UInt8(ascii: "}"))
        if node.resourceType == .model {
            value("access", NodeValues.access(node), &out)
            value("constraints", .list(node.constraints.map(\.value)), &out)
            let versioned = NodeValues.versionFields(node)
            value("version", versioned.version, &out)
            value("latest_version", versioned.latest, &out)
            value("deprecation_date", versioned.deprecation, &out)
            value("time_spine", node.timeSpine ?? .null, &out)
        }
        if let compiledCode {
            key("compiled", &out)
            out.append("true")
            string("compiled_code", compiledCode, &out)
        }
        if let test = node.test {
            optionalString("column_name", test.columnName, &out)
            optionalString("attached_node", test.manifestAttachedNode, &out)
            key("test_metadata", &out)
            out.append(UInt8(ascii: "{"))
            string("name", test.name, first: true, &out)
            optionalString("namespace", test.namespace, &out)
            value("kwargs", .dict(test.manifestKwargs), &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func value(_ name: StaticString, _ value: ConfigValue, _ out: inout ByteBuffer) {
        key(name, &out)
        JSONWriter.write(value, into: &out, indent: nil, sortKeys: false)
    }

    /// `"name": ` then JSON written beforehand.
    private static func bytes(_ name: StaticString, _ json: [UInt8], _ out: inout ByteBuffer) {
        key(name, &out)
        json.withUnsafeBufferPointer { out.append($0) }
    }

    /// `"name": ` (after `, ` unless it is the object's first member); `name` needs no escaping.
    private static func key(_ name: StaticString, first: Bool = false, _ out: inout ByteBuffer) {
        if !first { out.append(", ") }
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append("\": ")
    }

    private static func string(_ name: StaticString, _ value: String, first: Bool = false, _ out: inout ByteBuffer) {
        key(name, first: first, &out)
        JSONWriter.writeString(value, into: &out)
    }

    private static func optionalString(_ name: StaticString, _ value: String?, _ out: inout ByteBuffer) {
        key(name, &out)
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append("null") }
    }

    private static func strings(_ name: StaticString, _ values: [String], first: Bool = false, _ out: inout ByteBuffer) {
        key(name, first: first, &out)
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
