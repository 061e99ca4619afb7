/// Python equality, ordering and membership for template values.
extension Value {
    /// Python `==`. Values nested deeper than `ValueNesting.maxDepth` (where Python raises a
    /// RecursionError, as for two different lists that contain themselves) compare unequal.
    public static func equals(_ a: Value, _ b: Value) -> Bool {
        equals(a, b, depth: 0)
    }

    private static func equals(_ a: Value, _ b: Value, depth: Int) -> Bool {
        if let x = Number(a), let y = Number(b) { return compareNumbers(x, y) == 0 }
        if case .object(let x) = a, let result = x.equals(b) { return result }
        if case .object(let y) = b, let result = y.equals(a) { return result }
        switch (a, b) {
        case (.none, .none): return true
        case (.undefined, .undefined): return true
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y || sequencesEqual(x.items, y.items, depth: depth + 1)
        case (.tuple(let x), .tuple(let y)): return sequencesEqual(x, y, depth: depth + 1)
        case (.dict(let x), .dict(let y)):
            if x === y { return true }
            guard x.count == y.count, !ValueNesting.exceeded(depth + 1) else { return false }
            for (key, value) in x.entries {
                guard let other = y[key], equals(value, other, depth: depth + 1) else { return false }
            }
            return true
        case (.callable(let x), .callable(let y)): return x === y
        case (.object(let x), .object(let y)): return x.isEqual(to: y)
        default: return false
        }
    }

    private static func sequencesEqual(_ x: [Value], _ y: [Value], depth: Int) -> Bool {
        x.count == y.count && !ValueNesting.exceeded(depth) && zip(x, y).allSatisfy { equals($0, $1, depth: depth) }
    }

    /// Python ordering: -1, 0 or 1; throws for types Python cannot order.
    public static func compare(_ a: Value, _ b: Value) throws -> Int {
        try compare(a, b, depth: 0)
    }

    private static func compare(_ a: Value, _ b: Value, depth: Int) throws -> Int {
        if let x = Number(a), let y = Number(b) { return compareNumbers(x, y) }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
        case (.list(let x), .list(let y)): return x === y ? 0 : try compareSequences(x.items, y.items, depth: depth + 1)
        case (.tuple(let x), .tuple(let y)): return try compareSequences(x, y, depth: depth + 1)
        default:
            if case .undefined(let message) = a { throw undefinedError(message) }
            if case .undefined(let message) = b { throw undefinedError(message) }
            if case .object(let x) = a, let order = try x.compare(to: b) { return order }
            if case .object(let y) = b, let order = try y.compare(to: a) { return -order }
            throw TemplateError(.invalidOperation,
                "'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    private static func compareSequences(_ x: [Value], _ y: [Value], depth: Int) throws -> Int {
        if ValueNesting.exceeded(depth) { throw ValueNesting.error }
        for (l, r) in zip(x, y) where !equals(l, r, depth: depth) { return try compare(l, r, depth: depth) }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    private static func compareNumbers(_ x: Number, _ y: Number) -> Int {
        switch (x, y) {
        case (.int(let a), .int(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.float, _), (_, .float):
            let a = x.double, b = y.double
            if a == b {
                // Doubles agree; an exact integer comparison settles values beyond 2^53.
                if let p = x.big, let q = y.big { return p == q ? 0 : (p < q ? -1 : 1) }
                if let p = x.big, let q = BigInteger(exactly: b) { return p == q ? 0 : (p < q ? -1 : 1) }
                if let q = y.big, let p = BigInteger(exactly: a) { return p == q ? 0 : (p < q ? -1 : 1) }
                return 0
            }
            return a < b ? -1 : 1
        default:
            guard let a = x.big, let b = y.big else { return 0 }
            return a == b ? 0 : (a < b ? -1 : 1)
        }
    }

    /// Python `item in container`.
    public static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let needle) = item else {
                throw TemplateError(.invalidOperation, "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return needle.isEmpty || s.contains(needle)
        case .list(let l): return l.items.contains { equals($0, item) }
        case .tuple(let t): return t.contains { equals($0, item) }
        case .dict(let d): return d[item] != nil
        case .undefined: return false
        case .object(let o):
            guard let items = try o.iterate() else { break }
            return items.contains { equals($0, item) }
        default: break
        }
        throw TemplateError(.invalidOperation, "argument of type '\(container.typeName)' is not iterable")
    }
}
