/// A criterion's method and value compiled once into a test of one node, following dbt's selector methods:
/// which kinds of node each method looks at, and how it compares.
struct NodeMatcher: Sendable {
    /// Reads the node at a position of the graph's nodes in place: a `GraphNode` handed to a closure is copied whole
    /// (a retain of each of its fields), which made matching every node of a 10,000-model project cost ~70 ms.
    private let test: @Sendable ([GraphNode], Int) -> Bool

    /// `rootProject` is what `package:this` means; `state` answers `state:`, `result:` and `source_status:` (nothing
    /// matches them without it: callers require `--state` first).
    init(_ criterion: SelectionCriterion, rootProject: String?, state: StateComparison? = nil) {
        let value = criterion.value
        switch criterion.method {
        case .fqn:
            let pattern = QualifiedNamePattern(value)
            test = { nodes, index in nodes[index].resourceType != .source && pattern.matches(nodes[index].fqn) }
        case .tag:
            let pattern = WildcardPattern(value)
            test = { nodes, index in nodes[index].tags.contains(where: pattern.matches) }
        case .source:
            let names = Self.dottedPatterns(value, parts: 3)
            test = { nodes, index in
                nodes[index].resourceType == .source && names[0].matches(nodes[index].packageName)
                    && names[1].matches(nodes[index].sourceName ?? "") && names[2].matches(nodes[index].name)
            }
        case .exposure, .metric, .semanticModel, .savedQuery, .unitTest:
            let type = ResourceType(rawValue: criterion.method.rawValue) ?? .exposure
            let names = Self.dottedPatterns(value, parts: 2)
            test = { nodes, index in
                nodes[index].resourceType == type && names[0].matches(nodes[index].packageName) && names[1].matches(nodes[index].name)
            }
        case .path:
            let pattern = PathPattern(value)
            test = { nodes, index in pattern.contains(nodes[index].originalFilePath) }
        case .file:
            let pattern = WildcardPattern(value)
            test = { nodes, index in
                let name = nodes[index].originalFilePath.split(separator: "/").last.map(String.init) ?? ""
                return pattern.matches(name) || pattern.matches(Self.stem(of: name))
            }
        case .package:
            let pattern = WildcardPattern(value == "this" ? rootProject ?? value : value)
            test = { nodes, index in pattern.matches(nodes[index].packageName) }
        case .config:
            let keys = criterion.methodArguments
            let caseInsensitive = keys == ["severity"]
            test = { nodes, index in
                guard nodes[index].isManifestNode || nodes[index].resourceType == .source,
                      let config = Self.lookUp(keys, in: nodes[index]) else { return false }
                return Self.config(config, matches: value, caseInsensitive: caseInsensitive)
            }
        case .testName:
            let pattern = WildcardPattern(value)
            test = { nodes, index in nodes[index].resourceType == .test && nodes[index].testName.map(pattern.matches) == true }
        case .testType:
            let filter = TestTypeFilter(value)
            test = { nodes, index in filter?.matches(nodes[index].resourceType, nodes[index].testKind) == true }
        case .resourceType:
            let type = ResourceType(rawValue: value)
            test = { nodes, index in nodes[index].resourceType == type }
        case .version:
            test = { nodes, index in
                guard nodes[index].resourceType == .model else { return false }
                return (nodes[index].version?.standing.rawValue ?? "none") == value
            }
        case .state:
            test = { nodes, index in state?.matches(nodes[index].uniqueID, value) == true }
        case .result:
            test = { nodes, index in state?.results[nodes[index].uniqueID] == value }
        case .sourceStatus:
            let fresher = value == "fresher" ? state?.fresherSources ?? [] : []
            test = { nodes, index in fresher.contains(nodes[index].uniqueID) }
        }
    }

    /// Whether the node at `index` of `nodes` matches.
    func matches(_ nodes: [GraphNode], at index: Int) -> Bool {
        test(nodes, index)
    }

    /// The `count` patterns of a dotted value whose leading package part is optional (`pkg.src.table`,
    /// `src.table`, `src` for sources; `pkg.name`, `name` otherwise); a missing part matches anything.
    private static func dottedPatterns(_ value: String, parts count: Int) -> [WildcardPattern] {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let written = parts.count == count ? parts : ["*"] + parts
        return (written + Array(repeating: "*", count: max(0, count - written.count))).map(WildcardPattern.init)
    }

    /// A file name without its last extension, as Python's `Path.stem`.
    private static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The config value at a key path (`meta.contains_pii`), or nil when any key is missing.
    private static func lookUp(_ keys: [String], in node: GraphNode) -> ConfigValue? {
        guard let first = keys.first, var value = node.configValue(first) else { return nil }
        for key in keys.dropFirst() {
            guard let inner = value[key] else { return nil }
            value = inner
        }
        return value
    }

    /// dbt's comparison: a string equals the value, `true`/`false` (any case) match booleans, and a list
    /// matches when any of its items does.
    private static func config(_ config: ConfigValue, matches value: String, caseInsensitive: Bool) -> Bool {
        let flag = value.uppercased()
        func itemMatches(_ item: ConfigValue) -> Bool {
            switch item {
            case .string(let text): return caseInsensitive ? text.uppercased() == flag : text == value
            case .bool(let bool): return flag == (bool ? "TRUE" : "FALSE")
            default: return false
            }
        }
        if case .list(let items) = config { return items.contains(where: itemMatches) }
        return itemMatches(config)
    }
}

private extension GraphNode {
    /// What dbt keeps in `manifest.nodes` (models, seeds, snapshots, tests, analyses), as opposed to sources,
    /// exposures and the semantic layer.
    var isManifestNode: Bool {
        switch resourceType {
        case .source, .exposure, .metric, .semanticModel, .savedQuery: return false
        default: return true
        }
    }
}
