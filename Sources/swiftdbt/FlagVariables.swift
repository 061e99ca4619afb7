import Foundation
import SwiftDBT

/// The `DBT_*` environment variables that stand for flags, read as dbt 1.10's command line reads them: an empty
/// value is no value; a boolean is `1`/`0`, `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n` or `on`/`off` in any case;
/// a list is its words, separated by whitespace. A flag given on the command line wins over its variable.
struct FlagVariables {
    let environment: [String: String]

    init(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The variable's value, nil when unset or empty.
    func text(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The variable's words, empty when unset or empty.
    func list(_ name: String) -> [String] {
        (text(name) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The variable as a boolean, nil when unset or empty; a value that is no boolean is a usage error naming it.
    func bool(_ name: String) throws -> Bool? {
        guard let text = text(name) else { return nil }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "true", "t", "yes", "y", "on": return true
        case "0", "false", "f", "no", "n", "off", "": return false
        default:
            throw DBTError(.usage, "\(name)=\(text): not a boolean (1, 0, true, false, t, f, yes, no, y, n, on or off)")
        }
    }

    /// Whether the variable is a true boolean (see `bool`).
    func isSet(_ name: String) throws -> Bool {
        try bool(name) ?? false
    }
}
