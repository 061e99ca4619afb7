/// A node's manifest entry written straight to JSON bytes: exactly what
/// `JSONWriter.write(NodeValues.describe(node, compiledCode:))` writes, without building the
/// `ConfigValue` tree first (the manifest of a large project is mostly these entries).
/// `NodeJSONTests` holds the two to the same output.
enum NodeJSON {
    static func write(_ node: ProjectNode, compiledCode: String?, into out: inout ByteBuffer) {
        out.append(UInt8(ascii: "{"))
        key("unique_id", first: true, &out)
        JSONWriter.writeString(node.uniqueID, into: &out)
        string("resource_type", node.resourceType.rawValue, &out)
        string("name", node.name, &out)
        string("package_name", node.packageName, &out)
        string("path", node.path, &out)
        string("original_file_path", node.originalFilePath, &out)
        strings("fqn", node.fqn, &out)
        string("alias", node.relation?.identifier ?? node.name, &out)
        optionalString("schema", node.relation?.schema, &out)
        optionalString("database", node.relation?.database, &out)
        strings("tags", node.config.tags, &out)
        string("description", node.description, &out)
        key("config", &out)
        JSONWriter.write(.dict(node.config.entries), into: &out, indent: nil, sortKeys: false)
        string("raw_code", node.rawCode, &out)
        string("language", "sql", &out)
        key("depends_on", &out)
        out.append(UInt8(ascii: "{"))
        key("macros", first: true, &out)
        list(node.macroCalls, &out) { JSONWriter.writeString($1, into: &$0) }
        strings("nodes", node.dependsOn, &out)
        out.append(UInt8(ascii: "}"))
        key("refs", &out)
        list(node.refs, &out) { out, ref in
            out.append(UInt8(ascii: "{"))
            key("name", first: true, &out)
            JSONWriter.writeString(ref.name, into: &out)
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
        key("columns", &out)
        out.append(UInt8(ascii: "{"))
        for (position, column) in node.columns.enumerated() {
            if position > 0 { out.append(", ") }
            JSONWriter.writeString(column.name, into: &out)
            out.append(": ")
            out.append(UInt8(ascii: "{"))
            key("name", first: true, &out)
            JSONWriter.writeString(column.name, into: &out)
            string("description", column.description, &out)
            optionalString("data_type", column.dataType, &out)
            key("meta", &out)
            JSONWriter.write(column.meta, into: &out, indent: nil, sortKeys: false)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
        if let compiledCode {
            key("compiled", &out)
            out.append("true")
            string("compiled_code", compiledCode, &out)
        }
        if let test = node.test {
            optionalString("column_name", test.columnName, &out)
            optionalString("attached_node", test.attachedNode, &out)
            key("test_metadata", &out)
            out.append(UInt8(ascii: "{"))
            key("name", first: true, &out)
            JSONWriter.writeString(test.name, into: &out)
            optionalString("namespace", test.namespace, &out)
            key("kwargs", &out)
            JSONWriter.write(.dict(test.kwargs), into: &out, indent: nil, sortKeys: false)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `"name": ` (after `, ` unless it is the object's first member); `name` needs no escaping.
    private static func key(_ name: StaticString, first: Bool = false, _ out: inout ByteBuffer) {
        if !first { out.append(", ") }
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append("\": ")
    }

    private static func string(_ name: StaticString, _ value: String, _ out: inout ByteBuffer) {
        key(name, &out)
        JSONWriter.writeString(value, into: &out)
    }

    private static func optionalString(_ name: StaticString, _ value: String?, _ out: inout ByteBuffer) {
        key(name, &out)
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append("null") }
    }

    private static func strings(_ name: StaticString, _ values: [String], _ out: inout ByteBuffer) {
        key(name, &out)
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
