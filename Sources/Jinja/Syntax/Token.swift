/// One lexical token of a template.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Literal template text between tags.
        case text(String)
        case variableBegin, variableEnd
        case blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        /// An integer literal too large for `Int`, as its decimal digits.
        case bigInteger(String)
        case float(Double)
        case punct(Punct)
        case eof
    }

    var kind: Kind
    var span: Span
}

/// Operators and punctuation inside `{{ }}` and `{% %}`.
enum Punct: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", pow = "**", mod = "%"
    case tilde = "~", pipe = "|", dot = ".", comma = ",", colon = ":", semicolon = ";"
    case assign = "=", eq = "==", ne = "!=", lt = "<", lteq = "<=", gt = ">", gteq = ">="
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
}

extension Token.Kind {
    /// How the token reads in an error message.
    var display: String {
        switch self {
        case .text: return "template data"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let n): return "'\(n)'"
        case .string: return "string"
        case .integer, .bigInteger: return "integer"
        case .float: return "float"
        case .punct(let p): return "'\(p.rawValue)'"
        case .eof: return "end of template"
        }
    }
}
