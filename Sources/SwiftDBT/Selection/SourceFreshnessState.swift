import Foundation

/// The newest load time of each source table a `sources.json` recorded, for `source_status:` selection.
struct SourceFreshnessState: Sendable {
    /// `max_loaded_at` by unique ID, in microseconds since 0001-01-01 (UTC).
    let maxLoadedAt: [String: Int64]
    /// Tables whose check failed (entries without `max_loaded_at`).
    let failed: Set<String>

    /// The `sources.json` at `path`; nil when there is none.
    static func read(_ path: String) throws -> SourceFreshnessState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DBTError(.usage, "\(path) is not a JSON object", at: FileLocation(path: path, line: 1, column: 1))
        }
        var maxLoadedAt: [String: Int64] = [:]
        var failed: Set<String> = []
        for case let result as [String: Any] in document["results"] as? [Any] ?? [] {
            guard let id = result["unique_id"] as? String else { continue }
            if let text = result["max_loaded_at"] as? String, let time = DateTimeObject.reading(text) {
                maxLoadedAt[id] = time.utcMicroseconds
            } else {
                failed.insert(id)
            }
        }
        return SourceFreshnessState(maxLoadedAt: maxLoadedAt, failed: failed)
    }

    /// dbt's `source_status:fresher`: the tables loaded more recently now than in `previous` (or not in it), except
    /// those whose check failed now. (dbt looks for failed checks of the previous run in the current results too.)
    func fresher(than previous: SourceFreshnessState) -> Set<String> {
        Set(maxLoadedAt.filter { id, loaded in previous.maxLoadedAt[id].map { loaded > $0 } ?? true }.keys).subtracting(failed)
    }
}
