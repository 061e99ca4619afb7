import ArgumentParser
import Foundation
import SwiftDBT

/// Writes user-facing lines, timestamped like dbt's, and turns failures into exit codes.
/// Colours only on a terminal, and never with `NO_COLOR` set.
/// With `--log-format json`, every line is one JSON object instead.
struct Console: Sendable {
    enum Color: String {
        case red = "31", green = "32", yellow = "33"
    }

    /// `--log-format`: dbt's plain lines, or one JSON object per event.
    enum Format: String, Sendable {
        case text, json
    }

    let format: Format
    let usesColor: Bool

    init(format: Format = .text) {
        self.format = format
        usesColor = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// `text` in `color` when colours are on.
    func paint(_ text: String, _ color: Color?) -> String {
        guard usesColor, let color else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    /// Prints one informational line with dbt's `HH:MM:SS  ` prefix.
    func info(_ line: String) {
        event(line, level: "info")
    }

    /// Prints a warning line.
    func warn(_ line: String) {
        event("[WARNING]: " + line, level: "warn")
    }

    private func event(_ line: String, level: String) {
        switch format {
        case .text:
            write(Console.timestamp() + "  " + line)
        case .json:
            let fields: ConfigValue = .dict([("info", .dict([
                ("level", .string(level)), ("msg", .string(line)),
                ("ts", .string(ISO8601DateFormatter().string(from: Date()))),
            ]))])
            write(JSONWriter.string(fields))
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
