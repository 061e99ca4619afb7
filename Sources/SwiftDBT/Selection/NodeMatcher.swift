/// A criterion's method and value compiled once into a test of one node, following dbt's selector methods:
/// which kinds of node each method looks at, and how it compares.
struct NodeMatcher: Sendable {
    private let test: @Sendable (GraphNode) -> Bool

    /// `rootProject` is what `package:this` means; `state` answers `state:` and `result:` (nothing
    /// matches them without it: callers require `--state` first).
    init(_ criterion: SelectionCriterion, rootProject: String?, state: StateComparison? = nil) {
        let value = criterion.value
        switch criterion.method {
        case .fqn:
            let pattern = QualifiedNamePattern(value)
            test = { $0.resourceType != .source && pattern.matches($0.fqn) }
        case .tag:
            let pattern = WildcardPattern(value)
            test = { $0.tags.contains(where: pattern.matches) }
        case .source:
            let names = Self.dottedPatterns(value, parts: 3)
            test = {
                $0.resourceType == .source && names[0].matches($0.packageName)
                    && names[1].matches($0.sourceName ?? "") && names[2].matches($0.name)
            }
        case .exposure, .metric, .semanticModel, .savedQuery, .unitTest:
            let type = ResourceType(rawValue: criterion.method.rawValue) ?? .exposure
            let names = Self.dottedPatterns(value, parts: 2)
            test = { $0.resourceType == type && names[0].matches($0.packageName) && names[1].matches($0.name) }
        case .path:
            let pattern = PathPattern(value)
            test = { pattern.contains($0.originalFilePath) }
        case .file:
            let pattern = WildcardPattern(value)
            test = { node in
                let name = node.originalFilePath.split(separator: "/").last.map(String.init) ?? ""
                return pattern.matches(name) || pattern.matches(Self.stem(of: name))
            }
        case .package:
            let pattern = WildcardPattern(value == "this" ? rootProject ?? value : value)
            test = { pattern.matches($0.packageName) }
        case .config:
            let keys = criterion.methodArguments
            let caseInsensitive = keys == ["severity"]
            test = { node in
                guard node.isManifestNode || node.resourceType == .source,
                      let config = Self.lookUp(keys, in: node) else { return false }
                return Self.config(config, matches: value, caseInsensitive: caseInsensitive)
            }
        case .testName:
            let pattern = WildcardPattern(value)
            test = { node in node.resourceType == .test && node.testName.map(pattern.matches) == true }
        case .testType:
            let filter = TestTypeFilter(value)
            test = { node in filter?.matches(node.resourceType, node.testKind) == true }
        case .resourceType:
            let type = ResourceType(rawValue: value)
            test = { $0.resourceType == type }
        case .version:
            test = { node in
                guard node.resourceType == .model else { return false }
                return (node.version?.standing.rawValue ?? "none") == value
            }
        case .state:
            test = { node in state?.matches(node.uniqueID, value) == true }
        case .result:
            test = { node in state?.results[node.uniqueID] == value }
        }
    }

    func matches(_ node: GraphNode) -> Bool {
        test(node)
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
