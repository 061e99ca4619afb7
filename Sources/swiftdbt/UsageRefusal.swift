import Foundation

/// A command line swiftdbt cannot parse, told as dbt 1.10's click tells it (exit 2, not swift-argument-parser's
/// 64): `Usage: swiftdbt run [OPTIONS]`, `Try 'swiftdbt run --help' for help.`, an empty line and `Error: ...` in
/// click's words (`No such option '--bogus'.`, `Invalid value for '--threads': 'abc' is not a valid integer.`,
/// `... is not one of 'text', 'json'.`); like click, an option missing its value or a flag given one has the
/// `Error:` line alone. A message of swiftdbt's own validation passes unchanged.
struct UsageRefusal {
    /// The lines for standard error.
    let text: String

    /// The exit code dbt's command line gives a usage error.
    static let exitCode: Int32 = 2

    /// `message`: swift-argument-parser's message for the error; `command`: the words of the command it was
    /// parsing (`swiftdbt run`).
    init(message: String, command: String) {
        let (error, withUsage) = Self.clickWords(message, atRoot: !command.contains(" "))
        let usage = command.contains(" ") ? "Usage: \(command) [OPTIONS]" : "Usage: \(command) [OPTIONS] [COMMAND] [ARGS]..."
        text = (withUsage ? "\(usage)\nTry '\(command) --help' for help.\n\n" : "") + "Error: \(error)\n"
    }

    /// The command named by swift-argument-parser's full message (`See 'swiftdbt run --help' ...`), else `swiftdbt`.
    static func command(inFullMessage fullMessage: String) -> String {
        guard let match = fullMessage.firstMatch(of: /See '(.+?) --help'/) else { return "swiftdbt" }
        return String(match.output.1)
    }

    private static func clickWords(_ message: String, atRoot: Bool) -> (String, withUsage: Bool) {
        if let match = message.firstMatch(of: /^Unknown option '([^']+)'(?:\. (Did you mean '[^']+'\?))?/) {
            return ("No such option '\(match.output.1)'." + (match.output.2.map { " \($0)" } ?? ""), true)
        }
        if let match = message.firstMatch(of: /^The value '(.*)' is invalid for '([^' ]+)[^']*'(.*)$/.dotMatchesNewlines()) {
            let (value, option, choices) = (match.output.1, match.output.2, quotedChoices(String(match.output.3)))
            let reason = choices.isEmpty ? "is not a valid integer." : "is not one of \(choices.joined(separator: ", "))."
            return ("Invalid value for '\(option)': '\(value)' \(reason)", true)
        }
        if let match = message.firstMatch(of: /^Missing value for '([^' ]+)/) {
            return ("Option '\(match.output.1)' requires an argument.", false)
        }
        if let match = message.firstMatch(of: /^The option '([^']+)' does not take any value/) {
            return ("Option '\(match.output.1)' does not take a value.", false)
        }
        if atRoot, let match = message.firstMatch(of: /^Unexpected argument '([^']+)'$/) {
            return ("No such command '\(match.output.1)'.", true)
        }
        return (message, true)
    }

    /// The values swift-argument-parser offers after "Please provide one of", quoted (`'a', 'b' or 'c'`, or one
    /// `  - a` line each).
    private static func quotedChoices(_ tail: String) -> [String] {
        guard let offered = tail.range(of: "Please provide one of") else { return [] }
        let list = tail[offered.upperBound...]
        let bullets = list.matches(of: /\n  - (.+)/).map { "'\($0.output.1)'" }
        return bullets.isEmpty ? list.matches(of: /'[^']*'/).map { String($0.output) } : bullets
    }
}
