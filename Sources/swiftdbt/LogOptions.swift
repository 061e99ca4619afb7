import ArgumentParser
import Foundation
import SwiftDBT

/// dbt's logging flags: how much reaches standard output, and `dbt.log` (where, how much, in which format).
/// Each falls back on dbt's environment variable (`DBT_LOG_PATH`, `DBT_LOG_LEVEL`, `DBT_LOG_LEVEL_FILE`,
/// `DBT_LOG_FORMAT_FILE`, `DBT_LOG_FILE_MAX_BYTES`, `DBT_QUIET`, `DBT_DEBUG`), then on dbt's default.
struct LogOptions: ParsableArguments {
    /// A log level, or `none` for nothing.
    enum Threshold: String, ExpressibleByArgument, Sendable, CaseIterable {
        case debug, info, warn, error, none

        /// The lowest level shown; nil for none.
        var level: LogEvent.Level? {
            switch self {
            case .debug: .debug
            case .info: .info
            case .warn: .warn
            case .error: .error
            case .none: nil
            }
        }
    }

    @Option(name: .customLong("log-path"), help: "The folder of dbt.log (default: $DBT_LOG_PATH, or logs/ in the project).")
    var logPath: String?

    @Option(name: .customLong("log-level"), help: "debug, info (default), warn, error or none: what standard output shows.")
    var logLevel: Threshold?

    @Option(name: .customLong("log-level-file"), help: "debug (default), info, warn, error or none: what dbt.log keeps.")
    var logLevelFile: Threshold?

    @Option(name: .customLong("log-format-file"), help: "debug (default), text or json: the lines of dbt.log.")
    var logFormatFile: Console.Format?

    @Option(name: .customLong("log-file-max-bytes"),
            help: "dbt.log's size before it is rolled over to dbt.log.1 (up to .5); 0 for no limit (default 10 MiB, $DBT_LOG_FILE_MAX_BYTES).")
    var logFileMaxBytes: Int?

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Show only errors (and command output such as ls).")
    var quiet = false

    @Flag(name: [.customShort("d"), .customLong("debug")], help: "Show debug-level events too.")
    var debug = false

    /// The settings, with the environment's where no flag is given; a variable with a value dbt does not
    /// accept is a usage error naming it.
    func settings(projectDirectory: String, environment: [String: String]) throws -> Console.LogSettings {
        func threshold(_ flag: Threshold?, _ variable: String, _ fallback: Threshold) throws -> Threshold {
            if let flag { return flag }
            guard let text = environment[variable], !text.isEmpty else { return fallback }
            guard let value = Threshold(rawValue: text.lowercased()) else {
                throw DBTError(.usage, "\(variable)=\(text): expected debug, info, warn, error or none")
            }
            return value
        }
        let variables = FlagVariables(environment)
        var stdout = try threshold(logLevel, "DBT_LOG_LEVEL", .info)
        if try debug || variables.isSet("DBT_DEBUG") { stdout = .debug }
        if try quiet || variables.isSet("DBT_QUIET") { stdout = .error }
        var fileFormat = logFormatFile ?? .debug
        if logFormatFile == nil, let text = environment["DBT_LOG_FORMAT_FILE"], !text.isEmpty {
            guard let value = Console.Format(rawValue: text.lowercased()) else {
                throw DBTError(.usage, "DBT_LOG_FORMAT_FILE=\(text): expected debug, text, json or default")
            }
            fileFormat = value
        }
        let folder = logPath ?? environment["DBT_LOG_PATH"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (projectDirectory as NSString).appendingPathComponent("logs")
        var maxBytes = logFileMaxBytes ?? 10 * 1024 * 1024
        if logFileMaxBytes == nil, let text = environment["DBT_LOG_FILE_MAX_BYTES"], !text.isEmpty {
            guard let value = Int(text), value >= 0 else {
                throw DBTError(.usage, "DBT_LOG_FILE_MAX_BYTES=\(text): expected a number of bytes (0 for no limit)")
            }
            maxBytes = value
        }
        return Console.LogSettings(stdout: stdout.level, file: try threshold(logLevelFile, "DBT_LOG_LEVEL_FILE", .debug).level,
                                   fileFormat: fileFormat == .default ? .debug : fileFormat, folder: folder, maxBytes: maxBytes)
    }
}
