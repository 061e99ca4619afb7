/// Reads property YAML files (`models:`, `seeds:`, `sources:`), keeping every entry's location.
enum PropertyFileParser {
    /// Test arguments that are really test configs when written among the arguments.
    static let testConfigKeys: Set<String> = ["severity", "where", "limit", "warn_if", "error_if", "store_failures",
                                              "store_failures_as", "enabled", "tags", "meta", "fail_calc", "alias",
                                              "schema", "database"]

    static func parse(_ text: String, path: String, shownAs file: String) throws -> PropertyFile {
        var result = PropertyFile()
        guard let root = try YAMLNode.parse(text, path: file, warnings: &result.warnings) else { return result }
        guard case .mapping = root.kind else {
            throw DBTError(.project, "a property file must be a mapping (with `version: 2`)", at: root.location)
        }
        for entry in root["models"]?.items ?? [] { result.models.append(try resource(entry, file: file)) }
        for entry in root["seeds"]?.items ?? [] { result.seeds.append(try resource(entry, file: file)) }
        for entry in root["sources"]?.items ?? [] { result.sources += try sources(entry, file: file) }
        return result
    }

    private static func name(of entry: YAMLNode, _ what: String) throws -> String {
        guard let name = entry["name"]?.scalarText, !name.isEmpty else {
            throw DBTError(.project, "every \(what) entry needs a 'name'", at: entry.location)
        }
        return name
    }

    private static func resource(_ entry: YAMLNode, file: String) throws -> PropertyFile.ResourcePatch {
        PropertyFile.ResourcePatch(
            name: try name(of: entry, "model or seed"),
            description: entry["description"]?.scalarText ?? "",
            config: try config(entry["config"]),
            columns: try columns(entry["columns"]),
            tests: try tests(entry),
            location: entry.location, file: file)
    }

    private static func config(_ node: YAMLNode?) throws -> [(key: String, value: ConfigValue)] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let pairs) = node.kind else {
            throw DBTError(.project, "'config' must be a mapping", at: node.location)
        }
        return pairs.map { (NodeConfig.canonicalKey($0.key), $0.value.value) }
    }

    private static func columns(_ node: YAMLNode?) throws -> [PropertyFile.ColumnPatch] {
        try (node?.items ?? []).map { column in
            PropertyFile.ColumnPatch(name: try name(of: column, "column"),
                                     description: column["description"]?.scalarText ?? "",
                                     dataType: column["data_type"]?.scalarText,
                                     meta: column["meta"]?.value ?? .dict([]),
                                     tests: try tests(column))
        }
    }

    /// The tests under `data_tests:` and `tests:` of an entry.
    private static func tests(_ entry: YAMLNode) throws -> [PropertyFile.TestSpec] {
        try ((entry["data_tests"]?.items ?? []) + (entry["tests"]?.items ?? [])).map(test)
    }

    private static func test(_ node: YAMLNode) throws -> PropertyFile.TestSpec {
        if let name = node.scalarText {
            return PropertyFile.TestSpec(name: name, arguments: [], config: [], customName: nil, location: node.location)
        }
        guard case .mapping(let pairs) = node.kind, pairs.count == 1 || node["test_name"] != nil else {
            throw DBTError(.project, "a test must be a name or a mapping of one test name to its arguments", at: node.location)
        }
        let (name, body): (String, YAMLNode?) = node["test_name"].flatMap { testName in
            testName.scalarText.map { ($0, node) }
        } ?? (pairs[0].key, pairs[0].value)
        var spec = PropertyFile.TestSpec(name: name, arguments: [], config: [], customName: nil, location: node.location)
        for (key, value) in body?.entries ?? [] {
            switch key {
            case "config": spec.config += try config(value)
            case "arguments": spec.arguments += value.entries.map { ($0.key, $0.value.value) }
            case "name":
                spec.customName = value.scalarText
            case "test_name", "description": break
            default:
                if testConfigKeys.contains(key) {
                    spec.config.append((key, value.value))
                } else {
                    spec.arguments.append((key, value.value))
                }
            }
        }
        return spec
    }

    private static func sources(_ entry: YAMLNode, file: String) throws -> [PropertyFile.SourceTablePatch] {
        let sourceName = try name(of: entry, "source")
        let sourceConfig = try config(entry["config"])
        return try entry["tables"]?.items.map { table in
            let tableName = try name(of: table, "source table")
            return PropertyFile.SourceTablePatch(
                sourceName: sourceName, name: tableName,
                identifier: table["identifier"]?.scalarText ?? tableName,
                schema: entry["schema"]?.scalarText ?? sourceName,
                database: entry["database"]?.scalarText ?? entry["catalog"]?.scalarText,
                loader: entry["loader"]?.scalarText ?? "",
                description: table["description"]?.scalarText ?? "",
                config: sourceConfig + (try config(table["config"])),
                columns: try columns(table["columns"]),
                tests: try tests(table),
                location: table.location, file: file)
        } ?? []
    }
}
