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
    enum Format: String, Sendable {
        case text, json, debug
        case `default`
    }

    /// The invocation the events belong to, known once the project is loaded.
    final class Invocation: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        var id: String {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    let format: Format
    let usesColor: Bool
    let invocation = Invocation()

    init(format: Format = .text) {
        self.format = format
        usesColor = format != .json && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
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

    /// Prints a warning line.
    func warn(_ line: String) {
        emit(LogEvent(.note, level: .warn, message: "[WARNING]: " + line, data: [("msg", .string(line))]))
    }

    /// Prints one event as the format shows it; debug-level events only in the `debug` format.
    func emit(_ event: LogEvent) {
        guard event.level > .debug || format == .debug else { return }
        switch format {
        case .text, .default:
            write(Console.timestamp() + "  " + event.message)
        case .debug:
            let level = event.level.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
            let time = String(LogEvent.timestamp(Date()).split(separator: "T").last ?? "")
            // dbt's debug format: the level padded to 5, the thread name cut or padded to 10 (`Thread-1 (`).
            let thread = String(event.thread.prefix(10)).padding(toLength: 10, withPad: " ", startingAt: 0)
            write("\(time) [\(level)] [\(thread)]: \(event.message)")
        case .json:
            write(event.jsonLine(invocationID: invocation.id))
        }
    }

    /// Prints a line with no prefix (command output such as `ls` results).
    func output(_ line: String) {
        write(line)
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

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// Runs a command body, printing any failure and exiting with dbt's code (1 failed nodes, 2 unusable input).
    static func run(format: Format = .text, _ body: (Console) throws -> Void) -> Never {
        let console = Console(format: format)
        do {
            try body(console)
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as DBTErrors {
            console.error(error.errors.map(\.description).joined(separator: "\n\n"))
            exit(error.exitCode)
        } catch let error as DBTError {
            console.error(error.description)
            exit(error.exitCode)
        } catch {
            console.error("\(error)")
            exit(2)
        }
    }
}
