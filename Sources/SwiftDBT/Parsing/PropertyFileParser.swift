/// Reads property YAML files (`models:`, `seeds:`, `snapshots:`, `sources:`, `unit_tests:`, the semantic layer's), keeping every entry's location.
enum PropertyFileParser {
    /// Test arguments that are really test configs when written among the arguments.
    static let testConfigKeys: Set<String> = ["severity", "where", "limit", "warn_if", "error_if", "store_failures",
                                              "store_failures_as", "enabled", "tags", "meta", "fail_calc", "alias",
                                              "schema", "database"]

    /// The top-level keys of dbt 1.10's property files.
    private static let knownKeys: Set<String> = ["version", "models", "seeds", "sources", "snapshots", "analyses", "macros",
                                                 "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests",
                                                 "groups", "data_tests"]
    /// Keys dbt reads that swiftdbt does not yet: a warning, so that nothing is dropped silently.
    private static let unreadKeys: Set<String> = ["analyses", "data_tests"]

    static func parse(_ text: String, path: String, shownAs file: String) throws -> PropertyFile {
        do {
            return try parseFile(text, shownAs: file)
        } catch let error as DBTError {
            throw error.quotingLine(of: text, path: file)
        }
    }

    private static func parseFile(_ text: String, shownAs file: String) throws -> PropertyFile {
        var result = PropertyFile()
        guard let root = try YAMLNode.parse(text, path: file, warnings: &result.warnings) else { return result }
        guard case .mapping = root.kind else {
            throw DBTError(.project, "a property file must be a mapping (with `version: 2`)", at: root.location)
        }
        if let version = root["version"], version.value != .int(2), version.value != .string("2") {
            throw DBTError(.project, "'version' must be 2, not \(version.value.kindDescription)", at: version.location)
        }
        for key in ["models", "seeds", "sources", "snapshots", "analyses", "macros", "exposures", "metrics",
                    "semantic_models", "saved_queries", "unit_tests", "groups"] {
            for entry in try list(root, key) where !entry.isMapping {
                throw DBTError(.project, "each entry of '\(key)' must be a mapping, not \(entry.value.kindDescription)",
                               at: entry.location)
            }
        }
        for (key, value) in root.entries {
            if !knownKeys.contains(key) {
                result.warnings.append("[WARNING]: \(value.location): '\(key)' is not a key of dbt's property files: ignored")
            } else if unreadKeys.contains(key), value.isSequence, !value.items.isEmpty {
                result.warnings.append("[WARNING]: \(value.location): swiftdbt does not read '\(key)' yet: ignored")
            }
        }
        for entry in try list(root, "groups") { result.groups.append(try group(entry, file: file)) }
        for entry in try list(root, "models") { result.models.append(try resource(entry, file: file)) }
        for entry in try list(root, "seeds") { result.seeds.append(try resource(entry, file: file)) }
        for entry in try list(root, "snapshots") {
            var patch = try resource(entry, file: file)
            patch.relation = try optionalText(entry, "relation")
            patch.relationAt = entry["relation"]?.location
            result.snapshots.append(patch)
        }
        for entry in try list(root, "sources") { result.sources += try sources(entry, file: file) }
        for entry in try list(root, "macros") { result.macros.append(try macro(entry, file: file)) }
        for entry in try list(root, "exposures") { result.exposures.append(try exposure(entry, file: file)) }
        result.semanticModels = try list(root, "semantic_models").map { try semanticModel($0, file: file) }
        result.metrics = try list(root, "metrics").map { try metric($0, file: file) }
        result.savedQueries = try list(root, "saved_queries").map { try savedQuery($0, file: file) }
        result.unitTests = try unitTests(root, text: text, file: file)
        return result
    }

    /// The items of the list under `key` of `node`: none when the key is absent or empty, an error when it is not a list.
    static func list(_ node: YAMLNode, _ key: String) throws -> [YAMLNode] {
        guard let value = node[key], !value.isNull else { return [] }
        guard value.isSequence else {
            throw DBTError(.project, "'\(key)' must be a list, not \(value.value.kindDescription)", at: value.location)
        }
        return value.items
    }

    /// The text under `key` of `node` ("" when absent or empty); a list or mapping is an error.
    private static func text(_ node: YAMLNode, _ key: String) throws -> String {
        try optionalText(node, key) ?? ""
    }

    /// The text under `key` of `node`, nil when absent or empty; a list or mapping is an error.
    static func optionalText(_ node: YAMLNode, _ key: String) throws -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let text = value.scalarText else {
            throw DBTError(.project, "'\(key)' must be text, not \(value.value.kindDescription)", at: value.location)
        }
        return text
    }

    static func name(of entry: YAMLNode, _ what: String) throws -> String {
        guard let name = entry["name"]?.scalarText, !name.isEmpty else {
            throw DBTError(.project, "every \(what) entry needs a 'name'", at: entry.location)
        }
        return name
    }

    private static func resource(_ entry: YAMLNode, file: String) throws -> PropertyFile.ResourcePatch {
        var patch = PropertyFile.ResourcePatch(
            name: try name(of: entry, "model or seed"),
            description: try text(entry, "description"), descriptionAt: entry["description"]?.location,
            config: try config(entry["config"]) + access(entry),
            columns: try columns(entry),
            tests: try tests(entry),
            location: entry.location, file: file)
        patch.constraints = try list(entry, "constraints").map { try ModelConstraint.parse($0, modelLevel: true) }
        patch.versions = try list(entry, "versions").map(version)
        patch.latestVersion = try optionalText(entry, "latest_version")
        patch.timeSpine = try timeSpine(entry)
        var seen: Set<String> = []
        for version in patch.versions where !seen.insert(version.v).inserted {
            throw DBTError(.project, "Found duplicate version: '\(version.v)' in versions list of model '\(patch.name)'",
                           at: version.location)
        }
        if let latest = patch.latestVersion, !patch.versions.isEmpty,
           !patch.versions.contains(where: { ModelVersion.compare($0.v, latest) == .orderedSame }) {
            // dbt prints the versions as a Python list.
            let written = patch.versions.map { Double($0.v) == nil ? "'\($0.v)'" : $0.v }.joined(separator: ", ")
            throw DBTError(.project, "latest_version: \(latest) is not one of model '\(patch.name)' versions: [\(written)]",
                           at: (entry["latest_version"] ?? entry).location)
        }
        try checkTimeSpine(of: patch, at: (entry["time_spine"] ?? entry).location)
        return patch
    }

    /// A `groups:` entry: `name`, `owner` (a mapping with a `name` or an `email`), `description`, `config.meta`.
    private static func group(_ entry: YAMLNode, file: String) throws -> PropertyFile.GroupPatch {
        let name = try name(of: entry, "group")
        guard let owner = entry["owner"], owner.isMapping, owner["name"] != nil || owner["email"] != nil else {
            throw DBTError(.project, "group '\(name)' needs an 'owner' with a 'name' or an 'email'", at: (entry["owner"] ?? entry).location)
        }
        let meta = entry["config"]?["meta"]?.value ?? .dict([])
        // dbt's owner always has `email` and `name` (null when not written), then any other keys.
        let written = owner.entries.map { ($0.key, $0.value.value) }
        let ownerValue = ConfigValue.dict(["email", "name"].map { key in (key, written.first { $0.0 == key }?.1 ?? .null) }
                                          + written.filter { $0.0 != "email" && $0.0 != "name" })
        return PropertyFile.GroupPatch(name: name, owner: ownerValue, description: try optionalText(entry, "description"),
                                       meta: meta, location: entry.location, file: file)
    }

    /// One entry of a model's `versions:` list: `v`, `defined_in`, `columns` with `include`/`exclude`, `constraints`.
    private static func version(_ entry: YAMLNode) throws -> PropertyFile.VersionPatch {
        guard entry.isMapping else {
            throw DBTError(.project, "each entry of 'versions' must be a mapping, not \(entry.value.kindDescription)", at: entry.location)
        }
        guard let v = try optionalText(entry, "v") else {
            throw DBTError(.project, "every entry of 'versions' needs a 'v'", at: entry.location)
        }
        var patch = PropertyFile.VersionPatch(
            v: v, definedIn: try optionalText(entry, "defined_in"), description: try optionalText(entry, "description"),
            config: try config(entry["config"]) + access(entry), include: nil, exclude: [], columns: [],
            deprecationDate: try optionalText(entry, "deprecation_date").map(ModelVersion.deprecationDate),
            tests: entry["data_tests"] != nil || entry["tests"] != nil ? try tests(entry) : nil, location: entry.location)
        patch.constraints = try list(entry, "constraints").map { try ModelConstraint.parse($0, modelLevel: true) }
        var includesSeen = false
        for column in try list(entry, "columns") {
            guard let include = column["include"] else {
                patch.columns += try columnPatches([column])
                continue
            }
            if includesSeen {
                throw DBTError(.project, "version can have at most one include/exclude element", at: column.location)
            }
            includesSeen = true
            if let all = include.scalarText, all == "all" || all == "*" {
                patch.include = nil
            } else if include.isSequence {
                patch.include = Set(include.items.compactMap(\.scalarText))
            } else {
                throw DBTError(.project, "'include' must be 'all', '*' or a list of column names", at: include.location)
            }
            if let exclude = column["exclude"], !exclude.isNull {
                guard exclude.isSequence else {
                    throw DBTError(.project, "'exclude' must be a list of column names", at: exclude.location)
                }
                patch.exclude = Set(exclude.items.compactMap(\.scalarText))
            }
        }
        return patch
    }

    /// An entry's own `access:` (a model's or a version's), a config written after its `config:` (dbt's order).
    private static func access(_ entry: YAMLNode) -> [(key: String, value: ConfigValue)] {
        guard let access = entry["access"], !access.isNull else { return [] }
        return [("access", access.value)]
    }

    private static func macro(_ entry: YAMLNode, file: String) throws -> PropertyFile.MacroPatch {
        PropertyFile.MacroPatch(
            name: try name(of: entry, "macro"), description: try text(entry, "description"),
            descriptionAt: entry["description"]?.location,
            arguments: try list(entry, "arguments").map { argument in
                guard argument.isMapping else {
                    throw DBTError(.project, "each macro argument must be a mapping, not \(argument.value.kindDescription)",
                                   at: argument.location)
                }
                return MacroArgument(name: try name(of: argument, "macro argument"), type: try optionalText(argument, "type"),
                                     description: try text(argument, "description"), descriptionAt: argument["description"]?.location)
            },
            file: file)
    }

    /// The exposure types dbt accepts.
    private static let exposureTypes: Set<String> = ["dashboard", "notebook", "analysis", "ml", "application"]

    private static func exposure(_ entry: YAMLNode, file: String) throws -> PropertyFile.ExposurePatch {
        let name = try name(of: entry, "exposure")
        guard let typeNode = entry["type"], let type = typeNode.scalarText, exposureTypes.contains(type) else {
            throw DBTError(.project, "exposure '\(name)' needs a 'type': one of \(exposureTypes.sorted().joined(separator: ", "))",
                           at: entry["type"]?.location ?? entry.location)
        }
        guard let owner = entry["owner"], owner.isMapping, owner["name"] != nil || owner["email"] != nil else {
            throw DBTError(.project, "exposure '\(name)' needs an 'owner' with a 'name' or an 'email'", at: entry["owner"]?.location ?? entry.location)
        }
        return PropertyFile.ExposurePatch(
            name: name, type: type, label: try optionalText(entry, "label"),
            ownerName: try optionalText(owner, "name"), ownerEmail: try optionalText(owner, "email"),
            description: try text(entry, "description"), descriptionAt: entry["description"]?.location,
            dependsOn: try list(entry, "depends_on").map { item in
                guard let text = item.scalarText else {
                    throw DBTError(.project, "each 'depends_on' entry must be text such as \"ref('orders')\"", at: item.location)
                }
                return (text, item.location)
            },
            url: try optionalText(entry, "url"), maturity: try optionalText(entry, "maturity"),
            tags: try list(entry, "tags").compactMap(\.scalarText), meta: entry["meta"]?.value ?? .dict([]),
            config: try config(entry["config"]),
            location: entry.location, file: file)
    }

    static func config(_ node: YAMLNode?) throws -> [(key: String, value: ConfigValue)] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let pairs) = node.kind else {
            throw DBTError(.project, "'config' must be a mapping", at: node.location)
        }
        for (key, value) in pairs {
            // A template (`enabled: "{{ var('x') }}"`) is rendered later and checked as it is used.
            if case .scalar(.string(let text)) = value.kind, YAMLNode.isTemplated(text) { continue }
            if let problem = NodeConfig.kindProblem(key, value.value) {
                throw DBTError(.project, problem, at: value.location)
            }
        }
        return pairs.map { (NodeConfig.canonicalKey($0.key), $0.value.value) }
    }

    /// The entries under `columns:` of an entry.
    private static func columns(_ entry: YAMLNode) throws -> [PropertyFile.ColumnPatch] {
        try columnPatches(list(entry, "columns"))
    }

    /// Column entries.
    private static func columnPatches(_ entries: [YAMLNode]) throws -> [PropertyFile.ColumnPatch] {
        try entries.map { column in
            var patch = PropertyFile.ColumnPatch(name: try name(of: column, "column"),
                                                 description: try text(column, "description"), descriptionAt: column["description"]?.location,
                                                 dataType: try optionalText(column, "data_type"),
                                                 meta: column["meta"]?.value ?? .dict([]),
                                                 tests: inheriting(tags(of: column) + tags(of: column["config"]), try tests(column)))
            patch.constraints = try list(column, "constraints").map { try ModelConstraint.parse($0, modelLevel: false) }
            if let quote = column["quote"], !quote.isNull {
                guard let value = quote.value.boolValue else {
                    throw DBTError(.project, "a column's 'quote' must be true or false, not \(quote.value.kindDescription)", at: quote.location)
                }
                patch.quote = value
            }
            patch.granularity = try columnGranularity(column)
            return patch
        }
    }

    /// The `tags:` written directly in `entry` (one tag or a list).
    private static func tags(of entry: YAMLNode?) -> [String] {
        entry?["tags"]?.value.stringList ?? []
    }

    /// `specs` with `tags` added to the tags they inherit.
    private static func inheriting(_ tags: [String], _ specs: [PropertyFile.TestSpec]) -> [PropertyFile.TestSpec] {
        guard !tags.isEmpty else { return specs }
        return specs.map { spec in
            var spec = spec
            spec.inheritedTags = tags + spec.inheritedTags
            return spec
        }
    }

    /// The tests under `data_tests:` and `tests:` of an entry.
    private static func tests(_ entry: YAMLNode) throws -> [PropertyFile.TestSpec] {
        try (list(entry, "data_tests") + list(entry, "tests")).map(test)
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
                spec.customName = try testFileName(value)
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

    /// A test's own `name:`, which also names its compiled file under `target/`: one file name, so that
    /// nothing is written outside that folder (`name: ../../x` wrote `x.sql` beside the project).
    private static func testFileName(_ value: YAMLNode) throws -> String? {
        guard !value.isNull else { return nil }
        guard let name = value.scalarText else {
            throw DBTError(.project, "a test's 'name' must be text, not \(value.value.kindDescription)", at: value.location)
        }
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")), !name.utf8.contains(0) else {
            throw DBTError(.project, "a test's 'name' cannot be empty, '.', '..' or hold '/' or a NUL character: "
                           + "it names a file under target/", at: value.location)
        }
        return name
    }

    /// A source's or source table's `freshness:` (outside `config:`), a config entry as dbt makes it:
    /// a table's merges over its source's, and `null` switches it off.
    private static func freshness(_ entry: YAMLNode) -> [(key: String, value: ConfigValue)] {
        entry["freshness"].map { [("freshness", $0.value)] } ?? []
    }

    /// A source table's config entries: its source's, then its own, where `tags:`, `meta:`, `loaded_at_field:` and
    /// `loaded_at_query:` written beside `config:` count as written in it. As dbt, the tags of all four places become one sorted list without repeats.
    private static func sourceTableConfig(source: YAMLNode, table: YAMLNode) throws -> [(key: String, value: ConfigValue)] {
        var entries: [(key: String, value: ConfigValue)] = []
        for entry in [source, table] {
            entries += try config(keys: ["tags", "meta", "loaded_at_field", "loaded_at_query"], of: entry) + freshness(entry)
                + (try config(entry["config"]))
        }
        // As in dbt, a table's own `loaded_at_field` sets aside its source's `loaded_at_query`.
        let own = try config(keys: ["loaded_at_field", "loaded_at_query"], of: table) + (try config(table["config"]))
        if own.contains(where: { $0.key == "loaded_at_field" }), !own.contains(where: { $0.key == "loaded_at_query" }) {
            entries.append(("loaded_at_query", .null))
        }
        let tags = entries.filter { $0.key == "tags" }.flatMap(\.value.stringList)
        guard !tags.isEmpty else { return entries }
        return entries.filter { $0.key != "tags" } + [("tags", .list(Set(tags).sorted().map(ConfigValue.string)))]
    }

    /// The config keys among `keys` written directly in `entry` (beside `config:`), checked as in `config:`.
    private static func config(keys: [String], of entry: YAMLNode) throws -> [(key: String, value: ConfigValue)] {
        try keys.compactMap { key in
            guard let value = entry[key], !value.isNull else { return nil }
            if let problem = NodeConfig.kindProblem(key, value.value) {
                throw DBTError(.project, problem, at: value.location)
            }
            return (key, value.value)
        }
    }

    private static func sources(_ entry: YAMLNode, file: String) throws -> [PropertyFile.SourceTablePatch] {
        let sourceName = try name(of: entry, "source")
        let sourceQuoting = try QuotingConfig.parse(entry["quoting"]?.value, at: entry["quoting"]?.location)
        return try list(entry, "tables").map { table in
            let tableName = try name(of: table, "source table")
            return PropertyFile.SourceTablePatch(
                sourceName: sourceName, name: tableName,
                identifier: try optionalText(table, "identifier") ?? tableName,
                schema: try optionalText(entry, "schema") ?? sourceName,
                database: try optionalText(entry, "database") ?? optionalText(entry, "catalog"),
                loader: try text(entry, "loader"),
                sourceDescription: try text(entry, "description"),
                description: try text(table, "description"), descriptionAt: table["description"]?.location,
                config: try sourceTableConfig(source: entry, table: table),
                columns: try columns(table).map { column in
                    var column = column
                    column.tests = inheriting(tags(of: entry) + tags(of: table), column.tests)
                    return column
                },
                tests: inheriting(tags(of: entry) + tags(of: table), try tests(table)),
                location: table.location, file: file,
                quoting: try QuotingConfig.parse(table["quoting"]?.value, at: table["quoting"]?.location).over(sourceQuoting))
        }
    }
}
