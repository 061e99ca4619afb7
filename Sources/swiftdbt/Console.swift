import ArgumentParser
import Foundation
import SwiftDBT

/// Writes user-facing lines, timestamped like dbt's, and turns failures into exit codes.
/// Colours only on a terminal, and never with `NO_COLOR` set.
/// With `--log-format json`, every line is one of dbt's structured events (`LogEvent`) instead; with
/// `debug`, lines carry dbt's debug prefix (`06:27:03.338208 [info ] [MainThread]: `).
struct Console: Sendable {
    enum Color: String {
        case red = "31", green = "32", yellow = "33"
    }

    /// `--log-format`: dbt's plain lines (`text`, `default`), with the debug prefix, or one JSON object per event.
    enum Format: String, Sendable, CaseIterable {
        case text, debug, json
        case `default`
    }

    let format: Format
    let usesColor: Bool
    let log = Log()

    /// `format` `default` takes `DBT_LOG_FORMAT` when it is set.
    init(format: Format = .default) {
        let environment = ProcessInfo.processInfo.environment
        self.format = format == .default ? environment["DBT_LOG_FORMAT"].flatMap { Format(rawValue: $0.lowercased()) } ?? format : format
        usesColor = self.format != .json && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil
    }

    /// `text` in `color` when colours are on.
    func paint(_ text: String, _ color: Color?) -> String {
        guard usesColor, let color else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    /// Prints one informational line with dbt's `HH:MM:SS  ` prefix (dbt's `Formatting` event when blank,
    /// `Note` otherwise), or as `kind` with its fields.
    func info(_ line: String, _ kind: LogEvent.Kind? = nil, data: [(key: String, value: ConfigValue)]? = nil) {
        emit(LogEvent(kind ?? (line.isEmpty ? .formatting : .note), message: line, data: data ?? [("msg", .string(line))]))
    }

    /// Applies the log options (and `DBT_*` variables) and reports the version: the start of every invocation.
    func startLogging(_ logging: LogOptions, projectDirectory: String) throws -> LogSettings {
        let settings = try logging.settings(projectDirectory: projectDirectory, environment: ProcessInfo.processInfo.environment)
        log.apply(settings)
        reportVersion()
        return settings
    }

    /// dbt's `MainReportVersion` (`Running with dbt=1.10.23`), which starts an invocation's events: printed with
    /// `--log-format json`, kept in `dbt.log` whatever the format (the text formats do not print it).
    func reportVersion() {
        let version = SwiftDBTVersion.dbtCompatible
        let event = LogEvent(.mainReportVersion, message: "Running with dbt=\(version)",
                             data: [("log_version", .int(3)), ("version", .string("=" + version))])
        guard format == .json else { return log.record(event, at: Date()) }
        emit(event)
    }

    /// Prints a warning line.
    func warn(_ line: String) {
        emit(LogEvent(.note, level: .warn, message: "[WARNING]: " + line, data: [("msg", .string(line))]))
    }

    /// Prints one event as the format shows it, when its level is shown (`--log-level`, `--quiet`, `--debug`),
    /// and keeps it in `dbt.log`.
    func emit(_ event: LogEvent) {
        let now = Date()
        log.record(event, at: now)
        guard log.shows(event.level) else { return }
        write(Console.line(event, format: format, at: now, invocationID: log.id, colored: usesColor))
    }

    /// Prints a line with no prefix (command output such as `ls` results), whatever the log level; with
    /// `--log-format json`, as dbt's `PrintEvent`. Kept in `dbt.log` either way, as dbt keeps it.
    func output(_ line: String) {
        let event = LogEvent(.printEvent, message: line, data: [("msg", .string(line))])
        guard format == .json else {
            log.record(event, at: Date())
            return write(line)
        }
        output(event)
    }

    /// Prints a command's own output event (`PrintEvent`, `ShowNode`, `CompiledNode`) as JSON, whatever the log level.
    func output(_ event: LogEvent) {
        log.record(event, at: Date())
        write(event.jsonLine(invocationID: log.id))
    }

    /// Writes one line straight to standard output (unbuffered, so pipes and logs see progress as it happens),
    /// secrets masked: every line swiftdbt prints passes here or through `error`.
    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data(SecretMask.process.apply(line + "\n").utf8))
    }

    /// Prints errors to standard error, secrets masked.
    func error(_ text: String) {
        FileHandle.standardError.write(Data(SecretMask.process.apply(text + "\n").utf8))
    }

    /// Prints the error that stops the invocation: on standard error, or with `--log-format json` as dbt's
    /// `MainEncounteredError` on standard output (where dbt prints it), kept in `dbt.log` too.
    private func stopped(by text: String) {
        guard format == .json else { return error(text) }
        emit(LogEvent(.mainEncounteredError, level: .error, message: "Encountered an error:\n" + text, data: [("exc", .string(text))]))
    }

    static func timestamp() -> String {
        // The C library's local time: a DateFormatter per line cost more than printing the line.
        var time = time_t(Date().timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&time, &parts)
        return String(format: "%02d:%02d:%02d", Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Runs a command body, printing any failure and exiting with dbt's code (1 failed nodes, 2 unusable input).
    static func run(format: Format = .default, _ body: (Console) throws -> Void) -> Never {
        let console = Console(format: format)
        do {
            try body(console)
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as DBTErrors {
            console.stopped(by: error.errors.map(\.description).joined(separator: "\n\n"))
            exit(error.exitCode)
        } catch let error as DBTError {
            console.stopped(by: error.description)
            exit(error.exitCode)
        } catch {
            console.stopped(by: "\(error)")
            exit(2)
        }
    }
}
