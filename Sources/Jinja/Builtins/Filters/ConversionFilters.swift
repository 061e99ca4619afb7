/// Filters that substitute or serialize a value: `default`/`d`, `tojson`, `pprint`.
extension BuiltinFilters {
    static let conversions: [String: Environment.Filter] = [
        "default": fallback,
        "d": fallback,
        "tojson": { value, arguments, context in
            let indent = try arguments.bind("tojson", ["indent"], defaults: ["indent": .none])[0]
            let indentation: String?
            switch indent {
            case .none: indentation = nil
            case .string(let s): indentation = s
            default: indentation = String(repeating: " ", count: max(0, try indent.asWidth(context)))
            }
            return .string(htmlSafe(try value.jsonText(indent: indentation)))
        },
        "pprint": unary("pprint") { value in .string(try PrettyPrinter().format(value)) },
    ]

    /// `default(default_value='', boolean=False)`: the fallback for an undefined value
    /// (or, with `boolean`, for any falsy one).
    private static func fallback(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        let bound = try arguments.bind("default", ["default_value", "boolean"],
                                       defaults: ["default_value": .string(""), "boolean": .bool(false)])
        return value.isUndefined || (bound[1].isTruthy && !value.isTruthy) ? bound[0] : value
    }

    /// Jinja2's `htmlsafe_json_dumps` escapes: `< > & '` as `\u003c` and so on.
    private static func htmlSafe(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x27 }) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "'": out += "\\u0027"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
