/// Python's `pprint.pformat(value)` (width 80, one space per level, dicts sorted by key):
/// the repr on one line when it fits, else containers one item per line and long strings
/// split into implicitly concatenated pieces.
struct PrettyPrinter {
    private let width = 80

    func format(_ value: Value) throws -> String {
        var out = ""
        try format(value, indent: 0, allowance: 0, level: 0, into: &out)
        return out
    }

    private func format(_ value: Value, indent: Int, allowance: Int, level: Int, into out: inout String) throws {
        let rep = try repr(value, depth: 0)
        guard rep.unicodeScalars.count > width - indent - allowance, level < ValueNesting.maxDepth else {
            out += rep
            return
        }
        switch value {
        case .dict(let storage):
            out += "{"
            let order = keyOrder(storage)
            for (index, position) in order.enumerated() {
                let last = index == order.count - 1
                let keyRep = try repr(storage.keys[position], depth: 0)
                out += keyRep + ": "
                try format(storage.values[position], indent: indent + 1 + keyRep.unicodeScalars.count + 2,
                           allowance: last ? allowance + 1 : 1, level: level + 1, into: &out)
                if !last { out += ",\n" + String(repeating: " ", count: indent + 1) }
            }
            out += "}"
        case .list(let storage):
            out += "["
            try formatItems(storage.items, indent: indent, allowance: allowance + 1, level: level, into: &out)
            out += "]"
        case .tuple(let items):
            let end = items.count == 1 ? ",)" : ")"
            out += "("
            try formatItems(items, indent: indent, allowance: allowance + end.count, level: level, into: &out)
            out += end
        case .string(let s):
            formatString(s, rep: rep, indent: indent, allowance: allowance, level: level + 1, into: &out)
        default:
            out += rep
        }
    }

    private func formatItems(_ items: [Value], indent: Int, allowance: Int, level: Int, into out: inout String) throws {
        for (index, item) in items.enumerated() {
            if index > 0 { out += ",\n" + String(repeating: " ", count: indent + 1) }
            try format(item, indent: indent + 1, allowance: index == items.count - 1 ? allowance : 1, level: level + 1, into: &out)
        }
    }

    /// `_pprint_str`: each line, and each too-long line at word boundaries, as its own literal.
    private func formatString(_ s: String, rep: String, indent: Int, allowance: Int, level: Int, into out: inout String) {
        let (indent, allowance) = level == 1 ? (indent + 1, allowance + 1) : (indent, allowance)
        let lines = linesKeepingEnds(s)
        var chunks: [String] = []
        for (i, line) in lines.enumerated() {
            let isLastLine = i == lines.count - 1
            let lineRep = Value.string(line).repr
            if lineRep.unicodeScalars.count <= width - indent - (isLastLine ? allowance : 0) {
                chunks.append(lineRep)
                continue
            }
            let parts = wordsWithSpaces(line)
            var current = ""
            for (j, part) in parts.enumerated() {
                let candidate = current + part
                let limit = width - indent - (j == parts.count - 1 && isLastLine ? allowance : 0)
                if Value.string(candidate).repr.unicodeScalars.count > limit {
                    if !current.isEmpty { chunks.append(Value.string(current).repr) }
                    current = part
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(Value.string(current).repr) }
        }
        guard chunks.count > 1 else { out += rep; return }
        if level == 1 { out += "(" }
        out += chunks.joined(separator: "\n" + String(repeating: " ", count: indent))
        if level == 1 { out += ")" }
    }

    /// `str.splitlines(True)`.
    private func linesKeepingEnds(_ s: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if current.last == "\r" && scalar != "\n" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
            switch scalar.value {
            case 0x0A...0x0C, 0x1C...0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default: break
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// `re.findall(r'\S*\s*', line)` without the final empty match: words with their trailing spaces.
    private func wordsWithSpaces(_ line: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var inSpace = false
        for scalar in line.unicodeScalars {
            let space = PythonString.isWhitespace(scalar)
            if inSpace && !space {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            }
            inSpace = space
            current.append(scalar)
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }

    /// `_safe_repr`: the repr with dict keys sorted and undefined values shown as `Undefined`.
    private func repr(_ value: Value, depth: Int) throws -> String {
        guard !ValueNesting.exceeded(depth) else { throw ValueNesting.error }
        switch value {
        case .undefined: return "Undefined"
        case .list(let storage): return "[" + (try storage.items.map { try repr($0, depth: depth + 1) }).joined(separator: ", ") + "]"
        case .tuple(let items):
            let inner = try items.map { try repr($0, depth: depth + 1) }.joined(separator: ", ")
            return "(" + inner + (items.count == 1 ? ",)" : ")")
        case .dict(let storage):
            let entries = try keyOrder(storage).map { position in
                try repr(storage.keys[position], depth: depth + 1) + ": " + repr(storage.values[position], depth: depth + 1)
            }
            return "{" + entries.joined(separator: ", ") + "}"
        default: return value.repr
        }
    }

    /// `sorted(items, key=_safe_tuple)`: by key, keys Python cannot order falling back to their type names.
    private func keyOrder(_ storage: DictStorage) -> [Int] {
        var order = Array(storage.keys.indices)
        order.sort { a, b in
            let (x, y) = (storage.keys[a], storage.keys[b])
            if let comparison = try? Value.compare(x, y) { return comparison < 0 || (comparison == 0 && a < b) }
            let (p, q) = ("<class '\(x.typeName)'>", "<class '\(y.typeName)'>")
            return p == q ? a < b : p.unicodeScalars.lexicographicallyPrecedes(q.unicodeScalars)
        }
        return order
    }
}
