/// One lexical token of a template.
///
/// Tokens are plain values (no references): names, strings and text live in the lexer's
/// string table and tokens carry their index, so the parser copies tokens for free.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Literal template text between tags (index into the string table).
        case text(Int)
        case variableBegin, variableEnd
        case blockBegin, blockEnd
        /// A name or keyword (index into the string table).
        case name(Int)
        /// A string literal, escapes decoded (index into the string table).
        case string(Int)
        case integer(Int)
        /// An integer literal too large for `Int`: its decimal digits (index into the string table).
        case bigInteger(Int)
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

/// The lexer's output: tokens plus the strings they refer to.
struct TokenStream: Sendable {
    var tokens: [Token] = []
    var strings: [String] = []
}

extension Token.Kind {
    /// How the token reads in an error message.
    func display(_ strings: [String]) -> String {
        switch self {
        case .text: return "template data"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let n): return "'\(strings[n])'"
        case .string: return "string"
        case .integer, .bigInteger: return "integer"
        case .float: return "float"
        case .punct(let p): return "'\(p.rawValue)'"
        case .eof: return "end of template"
        }
    }
}
