import ArgumentParser
import Foundation
import SwiftDBT

/// Writes user-facing lines, timestamped like dbt's, and turns failures into exit codes.
/// Colours only on a terminal, and never with `NO_COLOR` set.
struct Console: Sendable {
    enum Color: String {
        case red = "31", green = "32", yellow = "33"
    }

    let usesColor: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// `text` in `color` when colours are on.
    func paint(_ text: String, _ color: Color?) -> String {
        guard usesColor, let color else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    /// Prints one informational line with dbt's `HH:MM:SS  ` prefix.
    func info(_ line: String) {
        print(Console.timestamp() + "  " + line)
    }

    /// Prints a warning line.
    func warn(_ line: String) {
        info("[WARNING]: " + line)
    }

    /// Prints a line with no prefix (command output such as `ls` results).
    func output(_ line: String) {
        print(line)
    }

    /// Prints errors to standard error.
    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// Runs a command body, printing any failure and exiting with dbt's code (1 failed nodes, 2 unusable input).
    static func run(_ body: (Console) throws -> Void) -> Never {
        let console = Console()
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
