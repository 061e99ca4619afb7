/// Expression grammar, from loosest to tightest binding, as in Jinja2's parser.
extension Parser {
    /// A comma-separated list becomes a tuple; a single expression stays itself.
    mutating func parseTuple(simplified: Bool = false, withCondition: Bool = true,
                             endWords: [String] = [], explicitParentheses: Bool = false) throws -> Expr {
        let start = current.span
        var items: [Expr] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expect(.comma) }
            if atTupleEnd(endWords) { break }
            if simplified {
                items.append(try parsePrimary())
            } else {
                items.append(try parseExpression(withCondition: withCondition))
            }
            if at(.comma) { isTuple = true } else { break }
        }
        if !isTuple {
            if let only = items.first { return only }
            if !explicitParentheses { throw unexpected(expected: "an expression") }
        }
        return Expr(kind: .tuple(items), span: start)
    }

    private func atTupleEnd(_ endWords: [String]) -> Bool {
        switch current.kind {
        case .variableEnd, .blockEnd, .eof, .punct(.rparen): return true
        case .name(let id): return endWords.contains(strings[id])
        default: return false
        }
    }

    mutating func parseExpression(withCondition: Bool = true) throws -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        return withCondition ? try parseConditional() : try parseOr()
    }

    private mutating func parseConditional() throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var expr = try parseOr()
        while at("if") {
            _ = advance()
            try enterNesting()
            let test = try parseOr()
            let otherwise = skip("else") ? try parseConditional() : nil
            expr = Expr(kind: .conditional(test: test, then: expr, otherwise: otherwise), span: from(expr))
        }
        return expr
    }

    private mutating func parseOr() throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var left = try parseAnd()
        while at("or") {
            _ = advance()
            try enterNesting()
            left = Expr(kind: .or(left, try parseAnd()), span: from(left))
        }
        return left
    }

    private mutating func parseAnd() throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var left = try parseNot()
        while at("and") {
            _ = advance()
            try enterNesting()
            left = Expr(kind: .and(left, try parseNot()), span: from(left))
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        if at("not") {
            let span = advance().span
            return Expr(kind: .not(try parseNot()), span: span)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expr {
        let left = try parseMath1()
        var ops: [(op: CompareOperator, right: Expr)] = []
        while true {
            let op: CompareOperator
            switch current.kind {
            case .punct(.eq): op = .eq
            case .punct(.ne): op = .ne
            case .punct(.lt): op = .lt
            case .punct(.lteq): op = .lteq
            case .punct(.gt): op = .gt
            case .punct(.gteq): op = .gteq
            case .name(let id) where strings[id] == "in": op = .in
            case .name(let id) where strings[id] == "not" && nextName == "in":
                _ = advance()
                op = .notIn
            default:
                return ops.isEmpty ? left : Expr(kind: .compare(left, ops), span: left.span)
            }
            _ = advance()
            ops.append((op, try parseMath1()))
        }
    }

    private mutating func parseMath1() throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var left = try parseConcat()
        while true {
            let op: BinaryOperator
            if at(.add) { op = .add } else if at(.sub) { op = .subtract } else { return left }
            _ = advance()
            try enterNesting()
            left = Expr(kind: .binary(op, left, try parseConcat()), span: from(left))
        }
    }

    private mutating func parseConcat() throws -> Expr {
        let first = try parseMath2()
        guard at(.tilde) else { return first }
        var parts = [first]
        while skip(.tilde) { parts.append(try parseMath2()) }
        return Expr(kind: .concat(parts), span: first.span)
    }

    private mutating func parseMath2() throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var left = try parsePow()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .punct(.mul): op = .multiply
            case .punct(.div): op = .divide
            case .punct(.floorDiv): op = .floorDivide
            case .punct(.mod): op = .modulo
            default: return left
            }
            _ = advance()
            try enterNesting()
            left = Expr(kind: .binary(op, left, try parsePow()), span: from(left))
        }
    }

    private mutating func parsePow() throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var left = try parseUnary()
        while at(.pow) {
            _ = advance()
            try enterNesting()
            left = Expr(kind: .binary(.power, left, try parseUnary()), span: from(left))
        }
        return left
    }

    private mutating func parseUnary(withFilter: Bool = true) throws -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        var node: Expr
        if at(.sub) {
            let span = advance().span
            node = Expr(kind: .negate(try parseUnary(withFilter: false)), span: span)
        } else if at(.add) {
            let span = advance().span
            node = Expr(kind: .plus(try parseUnary(withFilter: false)), span: span)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        return withFilter ? try parseFilterExpression(node) : node
    }

    mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case .name(let id):
            _ = advance()
            let name = strings[id]
            switch name {
            case "true", "True": return Expr(kind: .literal(.bool(true)), span: token.span)
            case "false", "False": return Expr(kind: .literal(.bool(false)), span: token.span)
            case "none", "None": return Expr(kind: .literal(.none), span: token.span)
            default:
                if !nameUses.isEmpty { nameUses[nameUses.count - 1].insert(name) }
                namesRead.insert(name)
                return Expr(kind: .name(name), span: token.span)
            }
        case .string(let id):
            _ = advance()
            var text = strings[id]
            while case .string(let more) = current.kind {
                text += strings[more]
                _ = advance()
            }
            return Expr(kind: .literal(.string(text)), span: token.span)
        case .integer(let value):
            _ = advance()
            return Expr(kind: .literal(.int(value)), span: token.span)
        case .bigInteger(let id):
            _ = advance()
            guard let value = BigInteger(strings[id]) else { throw fail("invalid integer literal", at: token) }
            return Expr(kind: .literal(.bigInt(value)), span: token.span)
        case .float(let value):
            _ = advance()
            return Expr(kind: .literal(.float(value)), span: token.span)
        case .punct(.lparen):
            _ = advance()
            let inner = try parseTuple(explicitParentheses: true)
            try expect(.rparen)
            return inner
        case .punct(.lbracket):
            _ = advance()
            var items: [Expr] = []
            while !at(.rbracket) {
                if !items.isEmpty { try expect(.comma) }
                if at(.rbracket) { break }
                items.append(try parseExpression())
            }
            try expect(.rbracket)
            return Expr(kind: .list(items), span: token.span)
        case .punct(.lbrace):
            _ = advance()
            var pairs: [(key: Expr, value: Expr)] = []
            while !at(.rbrace) {
                if !pairs.isEmpty { try expect(.comma) }
                if at(.rbrace) { break }
                let key = try parseExpression()
                try expect(.colon)
                pairs.append((key, try parseExpression()))
            }
            try expect(.rbrace)
            return Expr(kind: .dict(pairs), span: token.span)
        default:
            throw fail("unexpected \(token.kind.display(strings))")
        }
    }

    mutating func parsePostfix(_ start: Expr) throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var node = start
        while true {
            if at(.dot) || at(.lbracket) || at(.lparen) { try enterNesting() }
            if at(.dot) {
                _ = advance()
                let span = from(node)
                switch current.kind {
                case .name(let id):
                    _ = advance()
                    if case .name(let base) = node.kind { attributesRead.insert(base + "." + strings[id]) }
                    node = Expr(kind: .attribute(node, strings[id]), span: span)
                case .integer(let value):
                    _ = advance()
                    node = Expr(kind: .item(node, Expr(kind: .literal(.int(value)), span: span)), span: span)
                default:
                    throw unexpected(expected: "an attribute name")
                }
            } else if at(.lbracket) {
                node = try parseSubscript(node)
            } else if at(.lparen) {
                node = Expr(kind: .call(node, try parseCallArguments()), span: from(node))
            } else {
                return node
            }
        }
    }

    private mutating func parseSubscript(_ target: Expr) throws -> Expr {
        _ = advance()
        let span = from(target)
        var items: [Expr] = []
        while !at(.rbracket) {
            if !items.isEmpty { try expect(.comma) }
            if at(.rbracket) { break }
            if let slice = try parseSlice(target, span: span) {
                guard items.isEmpty, at(.rbracket) else { throw fail("unsupported subscript", at: current) }
                _ = advance()
                return slice
            }
            items.append(try parseExpression())
        }
        try expect(.rbracket)
        guard !items.isEmpty else { throw fail("expected a subscript", at: current) }
        let key = items.count == 1 ? items[0] : Expr(kind: .tuple(items), span: span)
        return Expr(kind: .item(target, key), span: span)
    }

    /// Parses `start:stop:step` if a colon follows; nil (consuming nothing) for a plain index.
    private mutating func parseSlice(_ target: Expr, span: Span) throws -> Expr? {
        let saved = self
        var start: Expr?
        if !at(.colon) {
            start = try parseExpression()
            guard at(.colon) else {
                self = saved
                return nil
            }
        }
        try expect(.colon)
        var stop: Expr?
        var step: Expr?
        if !at(.rbracket) && !at(.comma) && !at(.colon) { stop = try parseExpression() }
        if skip(.colon), !at(.rbracket) && !at(.comma) { step = try parseExpression() }
        return Expr(kind: .slice(target, start: start, stop: stop, step: step), span: span)
    }

    mutating func parseCallArguments() throws -> CallArguments {
        try expect(.lparen)
        var arguments = CallArguments()
        while !at(.rparen) {
            if !(arguments.positional.isEmpty && arguments.keyword.isEmpty && arguments.star == nil && arguments.doubleStar == nil) {
                try expect(.comma)
                if at(.rparen) { break }
            }
            if skip(.mul) {
                arguments.star = try parseExpression()
            } else if skip(.pow) {
                arguments.doubleStar = try parseExpression()
            } else if let name = currentName, case .punct(.assign) = next.kind {
                _ = advance()
                _ = advance()
                arguments.keyword.append((name, try parseExpression()))
            } else {
                if !arguments.keyword.isEmpty || arguments.doubleStar != nil {
                    throw fail("positional argument follows keyword argument")
                }
                arguments.positional.append(try parseExpression())
            }
        }
        try expect(.rparen)
        return arguments
    }

    /// Applies any `| filter`, `is test` and call suffixes to `start`.
    mutating func parseFilterExpression(_ start: Expr) throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var node = start
        while true {
            if at(.pipe) || at("is") || at(.lparen) { try enterNesting() }
            if at(.pipe) {
                node = try parseFilters(node)
            } else if at("is") {
                node = try parseTest(node)
            } else if at(.lparen) {
                node = Expr(kind: .call(node, try parseCallArguments()), span: from(node))
            } else {
                return node
            }
        }
    }

    private mutating func parseFilters(_ start: Expr) throws -> Expr {
        let outer = nesting
        defer { nesting = outer }
        var node = start
        while skip(.pipe) {
            try enterNesting()
            node = Expr(kind: .filter(node, try parseFilterCall()), span: node.span)
        }
        return node
    }

    /// Parses `name` or `name(args)` after a pipe (or at the start of a filter block).
    mutating func parseFilterCall() throws -> FilterCall {
        let span = current.span
        var name = try expectName()
        while skip(.dot) { name += "." + (try expectName()) }
        let arguments = at(.lparen) ? try parseCallArguments() : CallArguments()
        return FilterCall(name: name, arguments: arguments, span: span)
    }

    private mutating func parseTest(_ subject: Expr) throws -> Expr {
        _ = advance()
        let span = from(subject)
        let negated = skip("not")
        var name = try expectName()
        while skip(.dot) { name += "." + (try expectName()) }
        var arguments = CallArguments()
        if at(.lparen) {
            arguments = try parseCallArguments()
        } else if startsTestArgument {
            if at("is") { throw fail("you cannot chain multiple tests with is") }
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        return Expr(kind: .test(subject, name: name, arguments, negated: negated), span: span)
    }

    private var startsTestArgument: Bool {
        switch current.kind {
        case .name(let id): return !["else", "or", "and"].contains(strings[id])
        case .string, .integer, .bigInteger, .float, .punct(.lparen), .punct(.lbracket), .punct(.lbrace): return true
        default: return false
        }
    }

    /// A span from the start of `node` to the current position (for nodes built on a left operand).
    private func from(_ node: Expr) -> Span {
        Span(start: node.span.start, end: current.span.start)
    }
}
