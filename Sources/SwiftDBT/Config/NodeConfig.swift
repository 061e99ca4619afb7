/// A node's resolved config: every key from every level, merged with dbt's rules.
///
/// Later levels override earlier ones, except `tags`, `pre_hook` and `post_hook`, which
/// accumulate, and `meta`, `grants`, `column_types`, `docs`, `quoting` and `contract`, which merge key by key.
public struct NodeConfig: Sendable {
    public private(set) var entries: [(key: String, value: ConfigValue)] = []

    public init(_ entries: [(key: String, value: ConfigValue)] = []) {
        for (key, value) in entries { set(key, value) }
    }

    /// Keys that accumulate over levels instead of being replaced.
    static let appendingKeys: Set<String> = ["tags", "pre_hook", "post_hook"]
    /// Keys whose dict values merge key by key.
    static let mergingKeys: Set<String> = ["meta", "grants", "column_types", "docs", "quoting", "persist_docs", "freshness",
                                             "contract"]

    /// The canonical spelling of a config key (`pre-hook` and `+pre-hook` are `pre_hook`).
    public static func canonicalKey(_ key: String) -> String {
        var key = key
        if key.hasPrefix("+") { key.removeFirst() }
        switch key {
        case "pre-hook": return "pre_hook"
        case "post-hook": return "post_hook"
        default: return key
        }
    }

    public subscript(key: String) -> ConfigValue? {
        entries.last(where: { $0.key == key })?.value
    }

    /// Applies one level's value for `key` on top of what is there.
    public mutating func set(_ rawKey: String, _ value: ConfigValue) {
        let key = NodeConfig.canonicalKey(rawKey)
        let index = entries.firstIndex(where: { $0.key == key })
        guard let index else {
            entries.append((key, NodeConfig.appendingKeys.contains(key) ? .list(NodeConfig.listItems(value)) : value))
            return
        }
        let existing = entries[index].value
        if NodeConfig.appendingKeys.contains(key) {
            var items = NodeConfig.listItems(existing)
            for item in NodeConfig.listItems(value) where key != "tags" || !items.contains(item) { items.append(item) }
            entries[index].value = .list(items)
        } else if NodeConfig.mergingKeys.contains(key), case .dict(var merged) = existing, case .dict(let update) = value {
            for (k, v) in update {
                if let i = merged.firstIndex(where: { $0.key == k }) { merged[i].value = v } else { merged.append((k, v)) }
            }
            entries[index].value = .dict(merged)
        } else {
            entries[index].value = value
        }
    }

    /// Applies every key of `other` on top of this config.
    public mutating func apply(_ other: [(key: String, value: ConfigValue)]) {
        for (key, value) in other { set(key, value) }
    }

    private static func listItems(_ value: ConfigValue) -> [ConfigValue] {
        switch value {
        case .list(let items): return items
        case .null: return []
        default: return [value]
        }
    }

    // MARK: Typed access

    public var materialized: String { self["materialized"]?.stringValue ?? "view" }
    public var enabled: Bool { self["enabled"]?.boolValue ?? true }
    public var tags: [String] { self["tags"]?.stringList ?? [] }
    public var schema: String? { self["schema"]?.scalarString }
    public var database: String? { self["database"]?.scalarString }
    public var alias: String? { self["alias"]?.scalarString }
    public var group: String? { self["group"]?.scalarString }
    /// A model's `access`: `protected` when unset, nil when set to something dbt does not know.
    public var access: ModelAccess? { self["access"].map { $0.stringValue.flatMap(ModelAccess.init) } ?? .protected }
}
