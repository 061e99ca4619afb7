import Foundation
import Synchronization

/// Each Spark Connect call on standard error when `SWIFTDBT_TIMINGS` is set, for benchmarks: the method, the
/// first words of its statement, how long the client was busy elsewhere since its previous call (`idle`), and
/// the milliseconds until the server's first response and until the call ended.
///
///     [spark] ExecutePlan create or replace view `fan`.`v002` as: idle 1.2 ms, first response 291.5 ms, end 292.2 ms
final class SparkTrace: Sendable {
    static let enabled = ProcessInfo.processInfo.environment["SWIFTDBT_TIMINGS"] != nil
    /// When this connection's previous call ended.
    private let lastEnd = Mutex<ContinuousClock.Instant?>(nil)

    /// The start of a call; `nil` when tracing is off.
    func start() -> ContinuousClock.Instant? { SparkTrace.enabled ? .now : nil }

    /// Prints one call that started at `started` (from `start()`) and had its first response at `first`.
    func end(_ method: String, _ statement: String?, started: ContinuousClock.Instant?, first: ContinuousClock.Instant?) {
        guard let started else { return }
        let ended = ContinuousClock.now
        let previous = lastEnd.withLock { last in
            defer { last = ended }
            return last
        }
        let idle = previous.map { SparkTrace.milliseconds(started - $0) } ?? 0
        let label = statement.map { " " + SparkTrace.firstWords($0) } ?? ""
        let firstText = first.map { String(format: ", first response %.1f ms", SparkTrace.milliseconds($0 - started)) } ?? ""
        let line = String(format: "[spark] %@%@: idle %.1f ms%@, end %.1f ms\n", method, label, idle, firstText,
                          SparkTrace.milliseconds(ended - started))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The statement's first six words after its leading `/* ... */` comment (the query comment), at most 80
    /// characters.
    private static func firstWords(_ sql: String) -> String {
        var text = Substring(sql.drop(while: { $0.isWhitespace }))
        if text.hasPrefix("/*"), let close = text.range(of: "*/") { text = text[close.upperBound...] }
        let words = text.split(whereSeparator: { $0.isWhitespace }).prefix(6).joined(separator: " ")
        return words.count > 80 ? String(words.prefix(80)) + "…" : words
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }
}
