import Foundation

/// What `state:` and `result:` select: the project's nodes compared with an earlier invocation's
/// artifacts (`StateManifest`) by dbt's rules, so that `state:modified` means what it means in dbt.
public struct StateComparison: Sendable {
    /// What changed about a node (`state:modified.<part>`).
    public enum Change: String, Sendable, CaseIterable {
        case body, configs, relation
        case persistedDescriptions = "persisted_descriptions"
        case macros, contract
    }

    /// Nodes, sources and unit tests the earlier manifest does not have.
    public let new: Set<String>
    /// Nodes and sources whose part changed.
    public let changed: [Change: Set<String>]
    /// Nodes whose fully qualified name changed (modified, though no `state:modified.<part>` names it).
    let movedFQN: Set<String>
    /// Exposures, metrics, semantic models and saved queries, which dbt compares by their own rules.
    let semanticLayer: Set<String>
    /// Those of them that are not the same as in the state (`same_contents`).
    let semanticLayerModified: Set<String>
    /// Statuses in the earlier run results.
    public let results: [String: String]
    /// `source_status:fresher`'s sources: loaded more recently by the target's `sources.json` than by the state's;
    /// nil when either has none (``requireSourceStatus()`` says which).
    let fresherSources: Set<String>?
    private let sourcesMissing: String?

    /// Compares `loaded`'s nodes and sources, as the manifest writes them, with `state`.
    public init(_ loaded: LoadedProject, state: StateManifest) throws {
        guard let current = try? JSONSerialization.jsonObject(with: Data(ManifestWriter.chunks(loaded, compiled: []).joined()))
            as? [String: Any] else {
            throw DBTError(.project, "cannot compare with --state: the project's own manifest does not read back as JSON")
        }
        var entries: [String: [String: Any]] = [:]
        for section in ["nodes", "sources", "unit_tests"] + Self.semanticLayerSections {
            for case let (key, value as [String: Any]) in current[section] as? [String: Any] ?? [:] { entries[key] = value }
        }
        let semanticLayer = Set(Self.semanticLayerSections.flatMap { (current[$0] as? [String: Any] ?? [:]).keys })
        var semanticLayerModified: Set<String> = []
        var macroSQL: [String: String] = [:]
        var macroDependencies: [String: [String]] = [:]
        for case let (key, value as [String: Any]) in current["macros"] as? [String: Any] ?? [:] {
            macroSQL[key] = value["macro_sql"] as? String ?? ""
            macroDependencies[key] = (value["depends_on"] as? [String: Any])?["macros"] as? [String] ?? []
        }
        let changedMacros = Set(macroSQL.keys.filter { state.macroSQL[$0] != macroSQL[$0] })
            .union(state.macroSQL.keys.filter { macroSQL[$0] == nil })
        var new: Set<String> = []
        var movedFQN: Set<String> = []
        var changed: [Change: Set<String>] = [:]
        for (id, entry) in entries {
            guard let old = state.entries[id] else {
                new.insert(id)
                continue
            }
            if semanticLayer.contains(id) {
                if !Self.sameSemanticContents(entry, old) { semanticLayerModified.insert(id) }
                if !Self.sameSemanticConfig(entry, old) { changed[.configs, default: []].insert(id) }
                continue
            }
            if !Self.same(entry["fqn"], old["fqn"]) { movedFQN.insert(id) }
            for change in Change.allCases {
                let differs: Bool
                switch change {
                case .body: differs = !Self.sameBody(entry, old)
                case .configs: differs = !Self.sameConfigs(entry, old)
                case .relation: differs = !Self.sameRelation(entry, old)
                case .persistedDescriptions: differs = !Self.samePersistedDescriptions(entry, old)
                case .macros: differs = Self.callsChanged(entry, changedMacros, macroDependencies)
                case .contract: differs = !Self.sameContract(entry, old)
                }
                if differs { changed[change, default: []].insert(id) }
            }
        }
        self.new = new
        self.movedFQN = movedFQN
        self.semanticLayer = semanticLayer
        self.semanticLayerModified = semanticLayerModified
        self.changed = changed
        results = state.results
        let currentSources = try SourceFreshnessState.read(TargetPaths(loaded.session.project).file("sources.json"))
        if let previous = state.sources, let currentSources {
            fresherSources = currentSources.fresher(than: previous)
            sourcesMissing = nil
        } else {
            fresherSources = nil
            sourcesMissing = state.sources == nil ? "previous" : "current"
        }
    }

    /// Fails as dbt fails `source_status:` selection without both sources.json files (the state's and the target's).
    public func requireSourceStatus() throws {
        if let sourcesMissing {
            throw DBTError(.usage, "No \(sourcesMissing) state comparison freshness results in sources.json")
        }
    }

    /// `state:new`, `state:modified`, `state:modified.<part>`, `state:unmodified`, `state:old`.
    func matches(_ id: String, _ value: String) -> Bool {
        switch value {
        case "new": return new.contains(id)
        case "old": return !new.contains(id)
        case "modified": return isModified(id)
        case "unmodified": return !isModified(id)
        default:
            guard value.hasPrefix("modified."), let change = Change(rawValue: String(value.dropFirst("modified.".count))) else { return false }
            if semanticLayer.contains(id), change != .configs { return false }
            return new.contains(id) || changed[change]?.contains(id) == true
        }
    }

    private func isModified(_ id: String) -> Bool {
        if semanticLayer.contains(id) { return semanticLayerModified.contains(id) }
        return new.contains(id) || movedFQN.contains(id) || changed.values.contains { $0.contains(id) }
    }

    /// The values `state:` accepts.
    static let values: Set<String> = Set(["new", "old", "modified", "unmodified"] + Change.allCases.map { "modified." + $0.rawValue })

    // MARK: dbt's comparisons

    /// Seeds and unit tests compare checksums; other nodes their code as written; sources their definition.
    private static func sameBody(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        switch entry["resource_type"] as? String {
        case "seed", "unit_test": return same(entry["checksum"], old["checksum"])
        case "source":
            return ["database", "schema", "identifier", "loader", "config", "quoting", "freshness", "loaded_at_field"]
                .allSatisfy { same(entry[$0], old[$0]) }
        default: return same(entry["raw_code"], old["raw_code"])
        }
    }

    /// The configs the project wrote, except those `relation` compares and those dbt leaves out.
    private static func sameConfigs(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        let ignored: Set<String> = ["alias", "schema", "database", "tags", "group"]
        func written(_ entry: [String: Any]) -> [String: Any] {
            (entry["unrendered_config"] as? [String: Any] ?? [:]).filter { !ignored.contains($0.key) }
        }
        return same(written(entry), written(old))
    }

    /// The database, schema and alias the project wrote (not what the target makes of them).
    private static func sameRelation(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        let mine = entry["unrendered_config"] as? [String: Any] ?? [:], theirs = old["unrendered_config"] as? [String: Any] ?? [:]
        return ["database", "schema", "alias"].allSatisfy { same(mine[$0], theirs[$0]) }
    }

    /// Descriptions that `persist_docs` writes to the database.
    private static func samePersistedDescriptions(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        let persist = (entry["config"] as? [String: Any])?["persist_docs"] as? [String: Any] ?? [:]
        if persist["relation"] as? Bool == true, !same(entry["description"], old["description"]) { return false }
        if persist["columns"] as? Bool == true {
            func descriptions(_ entry: [String: Any]) -> [String: Any] {
                (entry["columns"] as? [String: Any] ?? [:]).mapValues { ($0 as? [String: Any])?["description"] ?? "" }
            }
            return same(descriptions(entry), descriptions(old))
        }
        return true
    }

    /// Whether an enforced contract changed (its enforcement, or its columns' names and types).
    private static func sameContract(_ entry: [String: Any], _ old: [String: Any]) -> Bool {
        func enforced(_ entry: [String: Any]) -> Bool { (entry["contract"] as? [String: Any])?["enforced"] as? Bool ?? false }
        guard enforced(entry) || enforced(old) else { return true }
        func columns(_ entry: [String: Any]) -> [String: Any] {
            (entry["columns"] as? [String: Any] ?? [:]).mapValues { ($0 as? [String: Any])?["data_type"] ?? NSNull() }
        }
        return enforced(entry) == enforced(old) && same(columns(entry), columns(old))
    }

    /// Whether a macro the node calls, directly or through other macros, changed (or is new or gone).
    private static func callsChanged(_ entry: [String: Any], _ changedMacros: Set<String>, _ dependencies: [String: [String]]) -> Bool {
        guard !changedMacros.isEmpty else { return false }
        var pending = (entry["depends_on"] as? [String: Any])?["macros"] as? [String] ?? []
        var seen: Set<String> = []
        while let macro = pending.popLast() {
            guard seen.insert(macro).inserted else { continue }
            if changedMacros.contains(macro) { return true }
            pending += dependencies[macro] ?? []
        }
        return false
    }

    /// JSON values compared as JSON (object key order aside).
    static func same(_ a: Any?, _ b: Any?) -> Bool {
        canonical(a) == canonical(b)
    }

    private static func canonical(_ value: Any?) -> Data {
        guard let value, !(value is NSNull) else { return Data("null".utf8) }
        return (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
    }
}
