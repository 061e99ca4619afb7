import Foundation

/// The artifacts of an earlier invocation (`--state DIR`): its `manifest.json` (swiftdbt's or
/// dbt-core's) and, when there are, its `run_results.json` and `sources.json`.
public struct StateManifest {
    /// Node and source entries by unique ID, as JSON objects (immutable once read).
    let entries: [String: [String: Any]]
    /// `macro_sql` by macro unique ID.
    let macroSQL: [String: String]
    /// Each node's status in the run results (`success`, `error`, `fail`, `pass`, `warn`, `skipped`).
    public let results: [String: String]
    /// Its `sources.json` (a `source freshness` run), when it has one.
    let sources: SourceFreshnessState?

    /// Where the state built the node: models (not ephemeral), seeds and snapshots.
    public func relation(of uniqueID: String) -> RelationName? {
        guard let entry = entries[uniqueID], ["model", "seed", "snapshot"].contains(entry["resource_type"] as? String),
              (entry["config"] as? [String: Any])?["materialized"] as? String != "ephemeral",
              let identifier = entry["alias"] as? String else { return nil }
        return RelationName(database: entry["database"] as? String, schema: entry["schema"] as? String, identifier: identifier)
    }

    /// `relation(of:)`, refused when its schema is not a plain name: on SQLite a schema names a database
    /// file, so one read from a state file must not lead to another folder.
    public func checkedRelation(of uniqueID: String) throws -> RelationName? {
        guard let relation = relation(of: uniqueID) else { return nil }
        if let schema = relation.schema, schema == "." || schema == ".." || schema.contains(where: { "/\\\u{0}".contains($0) }) {
            throw DBTError(.usage, "--state: \(uniqueID) has schema '\(schema)', which is not a schema name")
        }
        return relation
    }

    /// Reads `manifest.json` (required), `run_results.json` and `sources.json` (optional) in `folder`.
    public static func read(_ folder: String) throws -> StateManifest {
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        guard let manifest = try object(at: manifestPath) else {
            throw DBTError(.usage, "--state \(folder): there is no manifest.json to compare with (write one with parse, compile or build)")
        }
        var entries: [String: [String: Any]] = [:]
        for section in ["nodes", "sources", "unit_tests"] + StateComparison.semanticLayerSections {
            for case let (key, value as [String: Any]) in manifest[section] as? [String: Any] ?? [:] { entries[key] = value }
        }
        var macroSQL: [String: String] = [:]
        for case let (key, value as [String: Any]) in manifest["macros"] as? [String: Any] ?? [:] {
            macroSQL[key] = value["macro_sql"] as? String ?? ""
        }
        var results: [String: String] = [:]
        let runResults = try object(at: (folder as NSString).appendingPathComponent("run_results.json"))
        for case let result as [String: Any] in runResults?["results"] as? [Any] ?? [] {
            if let id = result["unique_id"] as? String, let status = result["status"] as? String { results[id] = status }
        }
        let sources = try SourceFreshnessState.read((folder as NSString).appendingPathComponent("sources.json"))
        return StateManifest(entries: entries, macroSQL: macroSQL, results: results, sources: sources)
    }

    /// The JSON object in the file at `path`; nil when there is no file.
    private static func object(at path: String) throws -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DBTError(.usage, "--state: \(path) is not a JSON object", at: FileLocation(path: path, line: 1, column: 1))
        }
        return object
    }
}
