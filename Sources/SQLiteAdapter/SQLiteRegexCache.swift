import Foundation

/// The compiled patterns of one connection's `regexp()` calls, so a pattern read from a column is compiled once
/// rather than once per row.
final class SQLiteRegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var patterns: [String: NSRegularExpression] = [:]

    /// The compiled `pattern`; throws when it is not a valid regular expression.
    func expression(_ pattern: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let cached = patterns[pattern] { return cached }
        let compiled = try NSRegularExpression(pattern: pattern)
        if patterns.count >= 1_024 { patterns.removeAll() }
        patterns[pattern] = compiled
        return compiled
    }
}
