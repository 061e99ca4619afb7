/// Builds the statement tree of a template from its tokens, following Jinja2's grammar.
///
/// Expressions are parsed in `Parser+Expressions.swift`, tags in `Parser+Statements.swift`.
struct Parser {
    let source: TemplateSource
    private var tokens: [Token]
    /// Names, strings and text the tokens refer to.
    let strings: [String]
    private(set) var index = 0
    /// Top-level `{% macro %}` definitions, in source order.
    var macros: [MacroDefinition] = []
    /// dbt blocks (`test`, `docs`, `materialization`, `snapshot`), in source order.
    var blocks: [BlockDefinition] = []
    /// Names read inside each macro body being parsed (to learn whether it uses `varargs`, `kwargs`, `caller`).
    var nameUses: [Set<String>] = []
    /// Every name the template reads, in any branch and any macro body.
    var namesRead: Set<String> = []
    /// Every attribute read directly off a name (`dbt_utils.star` as "dbt_utils.star"), in any branch and macro body.
    var attributesRead: Set<String> = []
    /// How many `for` bodies enclose the current position (for `break`/`continue`).
    var loopDepth = 0
    /// How many macro-like bodies enclose the current position.
    var macroDepth = 0
    /// How deeply expressions and blocks nest here, each link of an operator, filter or
    /// attribute chain counting as a level (the tree nests that deep); bounded so hostile input
    /// cannot exhaust the stack, here or when the tree is rendered or freed.
    var nesting = 0
    static let maxNesting = 128
    /// This thread's stack, looked up once parsing nests at all.
    private lazy var stack = StackSpace()

    init(source: TemplateSource) throws {
        self.source = source
        let stream = try Lexer.tokenize(source)
        self.tokens = stream.tokens
        self.strings = stream.strings
    }

    /// Parses the whole template.
    mutating func parseTemplate() throws -> [Stmt] {
        let (body, _) = try subparse(until: [])
        return body
    }

    // MARK: Token stream

    var current: Token { tokens[index] }
    var next: Token { tokens[min(index + 1, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Whether the current token is the name `word` (keywords are plain names in Jinja).
    func at(_ word: String) -> Bool {
        if case .name(let id) = tokens[index].kind { return strings[id] == word }
        return false
    }

    /// The name at the current token, if it is one.
    var currentName: String? {
        if case .name(let id) = tokens[index].kind { return strings[id] }
        return nil
    }

    /// The name at the token after the current one, if it is one.
    var nextName: String? {
        if case .name(let id) = next.kind { return strings[id] }
        return nil
    }

    func at(_ punct: Punct) -> Bool {
        if case .punct(let p) = tokens[index].kind { return p == punct }
        return false
    }

    mutating func skip(_ word: String) -> Bool {
        guard at(word) else { return false }
        _ = advance()
        return true
    }

    mutating func skip(_ punct: Punct) -> Bool {
        guard at(punct) else { return false }
        _ = advance()
        return true
    }

    mutating func expect(_ punct: Punct) throws {
        guard skip(punct) else { throw unexpected(expected: "'\(punct.rawValue)'") }
    }

    mutating func expect(_ word: String) throws {
        guard skip(word) else { throw unexpected(expected: "'\(word)'") }
    }

    mutating func expectName() throws -> String {
        guard let name = currentName else { throw unexpected(expected: "a name") }
        _ = advance()
        return name
    }

    mutating func expectBlockEnd() throws {
        guard case .blockEnd = current.kind else { throw unexpected(expected: "end of statement block") }
        _ = advance()
    }

    /// Enters one level of nesting, failing past `maxNesting`; pair with `nesting -= 1`.
    mutating func enterNesting() throws {
        nesting += 1
        if nesting > Parser.maxNesting {
            throw fail("template nests deeper than \(Parser.maxNesting) levels")
        }
        if nesting >= 8 && stack.isLow {
            throw fail("template nests too deeply for the stack")
        }
    }

    // MARK: Errors

    func fail(_ message: String, at token: Token? = nil) -> TemplateError {
        TemplateError(.syntax, message).located((token ?? current).span.start, in: source)
    }

    func unexpected(expected: String) -> TemplateError {
        fail("expected \(expected), got \(current.kind.display(strings))")
    }

    /// The source text between two offsets.
    func text(from start: Int, to end: Int) -> String {
        guard start < end else { return "" }
        return String(decoding: source.bytes[start..<end], as: UTF8.self)
    }
}

extension Parser {
    func tokenKind(at position: Int) -> Token.Kind { tokens[position].kind }
    func tokenStart(at position: Int) -> Int { tokens[position].span.start }
}
