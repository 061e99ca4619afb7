/// Tags: `{% if %}`, `{% for %}`, `{% set %}`, `{% macro %}`, ..., and dbt's own blocks.
extension Parser {
    /// Parses statements until one of `endTags` opens a block tag (consuming only `{%` and the tag name).
    mutating func subparse(until endTags: [String], opener: Token? = nil) throws -> ([Stmt], String?) {
        try enterNesting()
        defer { nesting -= 1 }
        var body: [Stmt] = []
        while true {
            let token = current
            switch token.kind {
            case .text(let id):
                _ = advance()
                body.append(Stmt(kind: .text(strings[id]), span: token.span))
            case .variableBegin:
                _ = advance()
                let expr = try parseTuple()
                guard case .variableEnd = current.kind else { throw unexpected(expected: "end of print statement") }
                _ = advance()
                body.append(Stmt(kind: .output(expr), span: token.span))
            case .blockBegin:
                if let name = nextName, endTags.contains(name) {
                    _ = advance()
                    _ = advance()
                    return (body, name)
                }
                _ = advance()
                if let statement = try parseStatement(endTags: endTags) { body.append(statement) }
            case .eof:
                guard endTags.isEmpty else {
                    let expected = endTags.map { "'\($0)'" }.joined(separator: " or ")
                    throw fail("unexpected end of template; the tag opened here was never closed (expected \(expected))",
                               at: opener)
                }
                return (body, nil)
            default:
                throw fail("unexpected \(token.kind.display(strings))")
            }
        }
    }

    /// Parses one tag after `{%`; returns nil for tags that produce no statement.
    private mutating func parseStatement(endTags: [String]) throws -> Stmt? {
        let token = current
        guard let tag = currentName else { throw unexpected(expected: "a tag name") }
        _ = advance()
        let span = token.span
        switch tag {
        case "if": return Stmt(kind: try parseIf(opener: token), span: span)
        case "for": return Stmt(kind: try parseFor(opener: token), span: span)
        case "set": return Stmt(kind: try parseSet(opener: token), span: span)
        case "macro":
            let definition = try parseMacro(opener: token, endTag: "endmacro")
            if macroDepth == 0 && loopDepth == 0 { macros.append(definition) }
            return Stmt(kind: .macro(definition), span: span)
        case "call": return Stmt(kind: try parseCallBlock(opener: token), span: span)
        case "filter":
            let filters = try parseFilterChain()
            try expectBlockEnd()
            let (body, _) = try subparse(until: ["endfilter"], opener: token)
            try expectBlockEnd()
            return Stmt(kind: .filterBlock(filters: filters, body: body), span: span)
        case "do":
            let expr = try parseTuple()
            try expectBlockEnd()
            return Stmt(kind: .do(expr), span: span)
        case "with": return Stmt(kind: try parseWith(opener: token), span: span)
        case "break", "continue":
            guard loopDepth > 0 else { throw fail("'\(tag)' outside of a loop", at: token) }
            try expectBlockEnd()
            return Stmt(kind: tag == "break" ? .break : .continue, span: span)
        case "test", "docs", "materialization", "snapshot":
            try parseBlockDefinition(tag, opener: token)
            return Stmt(kind: .definition, span: span)
        case "include", "import", "from", "extends", "block":
            throw fail("the '\(tag)' tag is not supported", at: token)
        default:
            var message = "unknown tag '\(tag)'"
            if !endTags.isEmpty { message += "; expected " + endTags.map { "'\($0)'" }.joined(separator: " or ") }
            throw fail(message, at: token)
        }
    }

    private mutating func parseIf(opener: Token) throws -> StmtKind {
        var branches: [(condition: Expr, body: [Stmt])] = []
        var condition = try parseTuple(withCondition: false)
        while true {
            try expectBlockEnd()
            let (body, end) = try subparse(until: ["elif", "else", "endif"], opener: opener)
            branches.append((condition, body))
            switch end {
            case "elif":
                condition = try parseTuple(withCondition: false)
            case "else":
                try expectBlockEnd()
                let (otherwise, _) = try subparse(until: ["endif"], opener: opener)
                try expectBlockEnd()
                return .if(branches: branches, otherwise: otherwise)
            default:
                try expectBlockEnd()
                return .if(branches: branches, otherwise: [])
            }
        }
    }

    private mutating func parseFor(opener: Token) throws -> StmtKind {
        let target = try parseAssignTarget(endWords: ["in"], allowAttribute: false)
        try expect("in")
        let iterable = try parseTuple(withCondition: false, endWords: ["recursive"])
        let condition = skip("if") ? try parseExpression() : nil
        let recursive = skip("recursive")
        try expectBlockEnd()
        loopDepth += 1
        let (body, end) = try subparse(until: ["endfor", "else"], opener: opener)
        loopDepth -= 1
        var otherwise: [Stmt] = []
        if end == "else" {
            try expectBlockEnd()
            (otherwise, _) = try subparse(until: ["endfor"], opener: opener)
        }
        try expectBlockEnd()
        return .for(ForLoop(target: target, iterable: iterable, condition: condition,
                            recursive: recursive, body: body, otherwise: otherwise))
    }

    private mutating func parseSet(opener: Token) throws -> StmtKind {
        let target = try parseAssignTarget(endWords: [], allowAttribute: true)
        if skip(.assign) {
            let value = try parseTuple()
            try expectBlockEnd()
            return .set(target, value)
        }
        let filters = at(.pipe) ? try parseFilterChain() : []
        try expectBlockEnd()
        let (body, _) = try subparse(until: ["endset"], opener: opener)
        try expectBlockEnd()
        return .setBlock(target, filters: filters, body: body)
    }

    private mutating func parseWith(opener: Token) throws -> StmtKind {
        var assignments: [(AssignTarget, Expr)] = []
        repeat {
            let target = try parseAssignTarget(endWords: [], allowAttribute: false)
            try expect(.assign)
            assignments.append((target, try parseExpression()))
        } while skip(.comma)
        try expectBlockEnd()
        let (body, _) = try subparse(until: ["endwith"], opener: opener)
        try expectBlockEnd()
        return .with(assignments: assignments, body: body)
    }

    /// `| upper | replace('a', 'b')` after `{% filter` or `{% set x |`.
    private mutating func parseFilterChain() throws -> [FilterCall] {
        var filters: [FilterCall] = []
        _ = skip(.pipe)
        repeat { filters.append(try parseFilterCall()) } while skip(.pipe)
        return filters
    }

    private mutating func parseAssignTarget(endWords: [String], allowAttribute: Bool) throws -> AssignTarget {
        var targets: [AssignTarget] = []
        var isTuple = false
        while true {
            let span = current.span
            if skip(.lparen) {
                targets.append(try parseAssignTarget(endWords: [], allowAttribute: false))
                try expect(.rparen)
            } else {
                let name = try expectName()
                if allowAttribute, skip(.dot) {
                    targets.append(.attribute(Expr(kind: .name(name), span: span), try expectName()))
                } else {
                    targets.append(.name(name))
                }
            }
            guard skip(.comma) else { break }
            isTuple = true
            guard at(.lparen) || currentName.map({ !endWords.contains($0) }) == true else { break }
        }
        return isTuple ? .tuple(targets) : targets[0]
    }

    // MARK: Macros

    /// Parses `name(params) %} body {% endTag %}` into a macro definition.
    mutating func parseMacro(opener: Token, endTag: String, name explicitName: String? = nil) throws -> MacroDefinition {
        let name = try explicitName ?? expectName()
        let parameters = at(.lparen) ? try parseSignature() : []
        try expectBlockEnd()
        return try parseMacroBody(name: name, parameters: parameters, opener: opener, endTag: endTag)
    }

    private mutating func parseMacroBody(name: String, parameters: [MacroDefinition.Parameter],
                                         opener: Token, endTag: String) throws -> MacroDefinition {
        nameUses.append([])
        macroDepth += 1
        let savedLoopDepth = loopDepth
        loopDepth = 0
        let (body, _) = try subparse(until: [endTag], opener: opener)
        loopDepth = savedLoopDepth
        macroDepth -= 1
        let used = nameUses.removeLast()
        if !nameUses.isEmpty { nameUses[nameUses.count - 1].formUnion(used) }
        if case .name = current.kind { _ = advance() }
        let closing = current
        try expectBlockEnd()
        return MacroDefinition(name: name, parameters: parameters, body: body, source: source,
                               span: opener.span, textEnd: closing.span.end, freeNames: used)
    }

    private mutating func parseSignature() throws -> [MacroDefinition.Parameter] {
        try expect(.lparen)
        var parameters: [MacroDefinition.Parameter] = []
        while !at(.rparen) {
            if !parameters.isEmpty { try expect(.comma) }
            if at(.rparen) { break }
            let token = current
            let name = try expectName()
            var defaultValue: Expr?
            if skip(.assign) {
                defaultValue = try parseExpression()
            } else if parameters.last?.defaultValue != nil {
                throw fail("non-default argument follows default argument", at: token)
            }
            parameters.append(.init(name: name, defaultValue: defaultValue))
        }
        try expect(.rparen)
        return parameters
    }

    private mutating func parseCallBlock(opener: Token) throws -> StmtKind {
        let parameters = at(.lparen) ? try parseSignature() : []
        let call = try parseExpression()
        guard case .call = call.kind else { throw fail("expected a call after 'call'", at: opener) }
        try expectBlockEnd()
        let caller = try parseMacroBody(name: "caller", parameters: parameters, opener: opener, endTag: "endcall")
        return .callBlock(call: call, caller: caller)
    }

    // MARK: dbt blocks

    private mutating func parseBlockDefinition(_ tag: String, opener: Token) throws {
        guard let kind = BlockDefinition.Kind(rawValue: tag) else { return }
        let name = try expectName()
        var adapters: [String] = []
        var parameters: [MacroDefinition.Parameter] = []
        switch kind {
        case .test:
            parameters = at(.lparen) ? try parseSignature() : []
        case .materialization:
            while skip(.comma) {
                let optionToken = current
                let option = try expectName()
                if option == "default" { continue }
                try expect(.assign)
                let value = try parseExpression()
                switch (option, value.kind) {
                case ("adapter", .literal(.string(let text))):
                    adapters = [text]
                case ("adapter", .list(let items)):
                    // One materialization for each adapter named (beyond dbt-core 1.10, which refuses a list).
                    adapters = try items.map { item in
                        guard case .literal(.string(let text)) = item.kind else {
                            throw fail("materialization '\(name)': adapter=[...] must list adapter names as strings", at: optionToken)
                        }
                        return text
                    }
                case ("adapter", _):
                    throw fail("materialization '\(name)': adapter= must be an adapter name or a list of them", at: optionToken)
                case ("supported_languages", _):
                    continue
                default:
                    throw fail("materialization '\(name)' got an unexpected argument '\(option)'", at: optionToken)
                }
            }
        case .docs, .snapshot:
            break
        }
        try expectBlockEnd()
        let bodyStart = current.span.start
        let macroName: String
        switch kind {
        case .test: macroName = "test_" + name
        case .materialization: macroName = "materialization_\(name)_\(adapters.first ?? "default")"
        case .docs, .snapshot: macroName = name
        }
        let bodyEndToken = index
        let definition = try parseMacroBody(name: macroName, parameters: parameters, opener: opener, endTag: "end" + tag)
        let rawBody = text(from: bodyStart, to: endTagStart(after: bodyEndToken))
        blocks.append(BlockDefinition(kind: kind, name: name, adapters: adapters, macro: definition, rawBody: rawBody))
    }

    /// The offset of the `{%` that opened the tag just closed (searching back from the current token).
    private func endTagStart(after floor: Int) -> Int {
        var i = index - 1
        while i > floor {
            if case .blockBegin = tokenKind(at: i) { return tokenStart(at: i) }
            i -= 1
        }
        return tokenStart(at: index)
    }
}
