import Jinja

/// A flag of `modules.re` (`re.IGNORECASE`): prints as Python's `RegexFlag` does, adds up to an integer.
final class RegexFlag: HostObject, Sendable {
    let value: Int

    init(value: Int) { self.value = value }

    private static let names: [(Int, String)] = [
        (PythonRegex.Flag.ignoreCase, "IGNORECASE"), (PythonRegex.Flag.locale, "LOCALE"), (PythonRegex.Flag.multiline, "MULTILINE"),
        (PythonRegex.Flag.dotAll, "DOTALL"), (PythonRegex.Flag.unicode, "UNICODE"), (PythonRegex.Flag.verbose, "VERBOSE"),
        (PythonRegex.Flag.ascii, "ASCII"),
    ]

    var typeName: String { "RegexFlag" }
    var display: String {
        let names = RegexFlag.names.filter { value & $0.0 != 0 }.map { "re." + $0.1 }
        return names.isEmpty ? "re.NOFLAG" : names.joined(separator: "|")
    }
    var isTruthy: Bool { value != 0 }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        let operand: Int
        switch other {
        case .int(let number): operand = number
        case .object(let flag as RegexFlag): operand = flag.value
        default: return nil
        }
        switch op {
        case .add: return .int(value + operand)
        case .subtract: return .int(reflected ? operand - value : value - operand)
        default: return nil
        }
    }

    func equals(_ other: Value) -> Bool? {
        switch other {
        case .int(let number): return number == value
        case .object(let flag as RegexFlag): return flag.value == value
        default: return false
        }
    }
}
