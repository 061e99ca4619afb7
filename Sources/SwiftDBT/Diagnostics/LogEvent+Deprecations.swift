import Jinja

extension LogEvent.Kind {
    /// `source freshness --output`, deprecated in dbt-core 1.10.
    public static let customOutputPathInSourceFreshnessDeprecation = LogEvent.Kind(
        name: "CustomOutputPathInSourceFreshnessDeprecation", code: "D029")
    /// The end of an invocation that met deprecations: each one's count.
    public static let deprecationsSummary = LogEvent.Kind(name: "DeprecationsSummary", code: "D028")
}

/// dbt's deprecation warnings: the warning, when first met, and the summary of them all at the end.
extension LogEvent {
    /// dbt's warning for `source freshness --output <path>`.
    public static func customOutputPathDeprecation(_ path: String) -> LogEvent {
        let kind = Kind.customOutputPathInSourceFreshnessDeprecation
        let description = "Custom output path usage `--output \(path)` usage detected in `dbt source freshness` command."
        return LogEvent(kind, level: .warn, message: wrapped(["[WARNING][\(kind.name)]: Deprecated functionality", description]),
                        data: [("path", .string(path))])
    }

    /// dbt's summary of the deprecations `kinds` met, each counted once, as an event.
    public static func deprecationsSummary(_ kinds: [Kind]) -> LogEvent {
        let summaries = kinds.map { kind in
            ConfigValue.dict([("event_code", .string(kind.code)), ("event_name", .string(kind.name)), ("occurrences", .int(1))])
        }
        return LogEvent(.deprecationsSummary, level: .warn, message: deprecationsSummaryText(kinds.map(\.name)),
                        data: [("show_all_hint", .bool(true)), ("summaries", .list(summaries))])
    }

    /// dbt's summary of the deprecations it met (by event name), each counted once.
    static func deprecationsSummaryText(_ names: [String]) -> String {
        var seen: Set<String> = []
        let listed = names.filter { seen.insert($0).inserted }.map { "- \($0): 1 occurrence" }.joined(separator: "\n")
        return """
            [WARNING][DeprecationsSummary]: Deprecated functionality
            Summary of encountered deprecations:
            \(listed)
            To see all deprecation instances instead of just the first occurrence of each,
            run command again with the `--show-all-deprecations` flag. You may also need to
            run with `--no-partial-parse` as some deprecations are only encountered during
            parsing.
            """
    }

    /// The paragraphs each wrapped at 80 columns as Python's `textwrap.fill` wraps them, one line after another.
    private static func wrapped(_ paragraphs: [String]) -> String {
        let wrapper = TextWrapper(width: 80)
        return paragraphs.flatMap { (try? wrapper.wrap($0)) ?? [$0] }.joined(separator: "\n")
    }
}
