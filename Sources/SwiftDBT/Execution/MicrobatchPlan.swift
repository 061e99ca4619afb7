import Foundation

/// The batches a `microbatch` incremental model builds in one run, from its `event_time`, `batch_size`,
/// `begin` and `lookback` configs and `--event-time-start`/`--event-time-end`, as dbt computes them:
/// the end is `--event-time-end` or now, rounded up to a batch; the start is `--event-time-start`, else
/// `begin` on a first run or a full refresh, else `lookback` batches (default 1) before the end's batch.
struct MicrobatchPlan {
    let size: MicrobatchSize
    /// The model's `event_time`: the column of its own rows a batch replaces.
    let eventTime: String
    let windows: [MicrobatchWindow]

    /// Whether `node` is built batch by batch.
    static func applies(to node: ProjectNode) -> Bool {
        node.config.materialized == "incremental" && node.config["incremental_strategy"]?.stringValue == "microbatch"
    }

    init(_ node: ProjectNode, incremental: Bool, eventTimeStart: Date?, eventTimeEnd: Date?, now: Date) throws {
        let sizes = MicrobatchSize.allCases.map(\.rawValue)
        guard let sizeName = node.config["batch_size"]?.stringValue else {
            throw DBTError(.execution, "Microbatch model '\(node.name)' does not have a 'batch_size' config (one of \(sizes)) specified.",
                           at: node.definedAt)
        }
        guard let size = MicrobatchSize(rawValue: sizeName) else {
            throw DBTError(.execution, "Microbatch model '\(node.name)' has batch_size '\(sizeName)', not one of \(sizes)", at: node.definedAt)
        }
        guard let eventTime = node.config["event_time"]?.stringValue else {
            throw DBTError(.execution, "Microbatch model '\(node.name)' must have an 'event_time' config", at: node.definedAt)
        }
        self.size = size
        self.eventTime = eventTime
        let end = size.ceiling(eventTimeEnd ?? now)
        let start: Date
        if let eventTimeStart {
            start = size.truncate(eventTimeStart)
        } else if !incremental {
            guard let text = node.config["begin"]?.stringValue else {
                throw DBTError(.execution, "Microbatch model '\(node.name)' requires a 'begin' configuration.", at: node.definedAt)
            }
            guard let begin = MicrobatchPlan.timestamp(text) else {
                throw DBTError(.execution, "Microbatch model '\(node.name)' has begin '\(text)', not a date or timestamp", at: node.definedAt)
            }
            start = size.truncate(begin)
        } else {
            // An end on a batch boundary closes the batch before it: look back one more.
            var lookback = 1
            if case .int(let configured)? = node.config["lookback"] { lookback = configured }
            if size.truncate(end) == end { lookback += 1 }
            start = size.offset(end, by: -lookback)
        }
        windows = start < end ? size.windows(from: start, to: end) : []
    }

    /// A UTC timestamp written `2024-01-02`, `2024-01-02 03:04:05` or `2024-01-02T03:04:05` (as `begin` and the
    /// `--event-time-*` flags take them), or with an offset as `run_results.json` records batches; nil if none of those.
    static func timestamp(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = MicrobatchSize.calendar.timeZone
        for format in ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm",
                       "yyyy-MM-dd'T'HH:mm:ssZZZZZ"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}
