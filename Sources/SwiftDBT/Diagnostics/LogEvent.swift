import Foundation

/// One of dbt's structured log events (`--log-format json`): its name, code and level, the line it
/// prints, and its fields (`data`). The names and codes are dbt-core 1.10's (recorded by
/// `scripts/record-log-events.py`), so tools reading dbt's event stream read swiftdbt's.
public struct LogEvent: Sendable {
    /// An event type: dbt's name and code.
    public struct Kind: Sendable, Equatable {
        public let name: String
        public let code: String

        /// The first event of an invocation: `Running with dbt=<version>`.
        public static let mainReportVersion = Kind(name: "MainReportVersion", code: "A001")
        public static let formatting = Kind(name: "Formatting", code: "Z017")
        public static let note = Kind(name: "Note", code: "Z050")
        public static let foundStats = Kind(name: "FoundStats", code: "W006")
        public static let concurrencyLine = Kind(name: "ConcurrencyLine", code: "Q027")
        public static let logStartLine = Kind(name: "LogStartLine", code: "Q011")
        public static let logModelResult = Kind(name: "LogModelResult", code: "Q012")
        public static let logSeedResult = Kind(name: "LogSeedResult", code: "Q016")
        public static let logTestResult = Kind(name: "LogTestResult", code: "Q007")
        public static let skippingDetails = Kind(name: "SkippingDetails", code: "Q034")
        public static let logNodeNoOpResult = Kind(name: "LogNodeNoOpResult", code: "Q019")
        /// `source freshness`: a table's result, and the end of the run (`Done.`).
        public static let logFreshnessResult = Kind(name: "LogFreshnessResult", code: "Q018")
        public static let freshnessCheckComplete = Kind(name: "FreshnessCheckComplete", code: "Q003")
        /// A selection with nothing to run (a warning).
        public static let nothingToDo = Kind(name: "NothingToDo", code: "Q035")
        public static let nodeStart = Kind(name: "NodeStart", code: "Q024")
        public static let nodeFinished = Kind(name: "NodeFinished", code: "Q025")
        public static let finishedRunningStats = Kind(name: "FinishedRunningStats", code: "E047")
        public static let endOfRunSummary = Kind(name: "EndOfRunSummary", code: "Z030")
        public static let statsLine = Kind(name: "StatsLine", code: "Z023")
        public static let runResultError = Kind(name: "RunResultError", code: "Z024")
        public static let runResultFailure = Kind(name: "RunResultFailure", code: "Z022")
        public static let runResultWarning = Kind(name: "RunResultWarning", code: "Z021")
        public static let runResultWarningMessage = Kind(name: "RunResultWarningMessage", code: "Z046")
        public static let runResultErrorNoMessage = Kind(name: "RunResultErrorNoMessage", code: "Z025")
        public static let checkNodeTestFailure = Kind(name: "CheckNodeTestFailure", code: "Z027")
        /// A command's own output (`ls`'s nodes), shown whatever the log level.
        public static let printEvent = Kind(name: "PrintEvent", code: "Z052")
        public static let sqlCompiledPath = Kind(name: "SQLCompiledPath", code: "Z026")
        /// `show`'s preview and `compile --inline`'s SQL.
        public static let showNode = Kind(name: "ShowNode", code: "Q041")
        public static let compiledNode = Kind(name: "CompiledNode", code: "Q042")
        /// `clean`'s lines, which dbt never writes to `dbt.log` (the folder they clean may hold it).
        public static let confirmCleanPath = Kind(name: "ConfirmCleanPath", code: "Z013")
        /// The error that stops an invocation (a load or compile error), with the error as `exc`.
        public static let mainEncounteredError = Kind(name: "MainEncounteredError", code: "Z002")
    }

    /// `debug`, `info`, `warn` or `error`, as dbt names levels.
    public enum Level: String, Sendable, Comparable {
        case debug, info, warn, error

        private var rank: Int { [.debug: 0, .info: 1, .warn: 2, .error: 3][self] ?? 1 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    public var kind: Kind
    public var level: Level
    public var message: String
    public var data: [(key: String, value: ConfigValue)]
    /// The thread dbt would name: `MainThread`, or a worker's `Thread-1 (worker)`.
    public var thread: String

    public init(_ kind: Kind, level: Level = .info, message: String, data: [(key: String, value: ConfigValue)] = [],
                thread: String = WorkerThread.current) {
        self.kind = kind
        self.level = level
        self.message = message
        self.data = data
        self.thread = thread
    }

    /// The event as one line of dbt's JSON log: `{"data": {...}, "info": {"category", "code", "extra",
    /// "invocation_id", "level", "msg", "name", "pid", "thread", "ts"}}`.
    public func jsonLine(invocationID: String, at date: Date = Date()) -> String {
        let info: ConfigValue = .dict([
            ("category", .string("")), ("code", .string(kind.code)), ("extra", .dict([])),
            ("invocation_id", .string(invocationID)), ("level", .string(level.rawValue)), ("msg", .string(message)),
            ("name", .string(kind.name)), ("pid", .int(Int(ProcessInfo.processInfo.processIdentifier))),
            ("thread", .string(thread)), ("ts", .string(LogEvent.timestamp(date, zone: "Z"))),
        ])
        return JSONWriter.string(.dict([("data", .dict(data)), ("info", info)]))
    }

    /// `2026-12-04T06:27:32.127653` (UTC, microseconds), as dbt writes times in events; `zone` is appended.
    public static func timestamp(_ date: Date, zone: String = "") -> String {
        // The C library's UTC calendar: a Foundation Calendar per line cost more than writing the line.
        let seconds = date.timeIntervalSince1970.rounded(.down)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let micros = Int((date.timeIntervalSince1970 - seconds) * 1_000_000)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), micros) + zone
    }
}

/// The name of the thread running now, as dbt names its threads in results and events: workers of a run
/// are `Thread-<n> (worker)`, everything else `MainThread`.
public enum WorkerThread {
    private static let key = "swiftdbt.worker-thread"

    public static var current: String {
        Thread.current.threadDictionary[key] as? String ?? "MainThread"
    }

    /// Runs `body` with the current thread named `name`.
    static func named(_ name: String, _ body: () -> Void) {
        let previous = Thread.current.threadDictionary[key]
        Thread.current.threadDictionary[key] = name
        defer { Thread.current.threadDictionary[key] = previous }
        body()
    }
}
