/// Writing template values as JSON, as Python's `json.dumps` does (Jinja2's `tojson` uses
/// `sort_keys=True`): ASCII-only output, `NaN` and `Infinity` allowed, `", "` and `": "` separators.
extension Value {
    /// `json.dumps(self, sort_keys=sortKeys, indent=indent)`; `indent` is the text of one level.
    public func jsonText(sortKeys: Bool = true, indent: String? = nil) throws -> String {
        var writer = JSONWriter(sortKeys: sortKeys, indent: indent)
        try writer.write(self, level: 0)
        return writer.out
    }
}

private struct JSONWriter {
    let sortKeys: Bool
    let indent: String?
    var out = ""
    /// The lists and dicts being written, to report cycles as Python does.
    var open: Set<ObjectIdentifier> = []

    init(sortKeys: Bool, indent: String?) {
        self.sortKeys = sortKeys
        self.indent = indent
    }

    mutating func write(_ value: Value, level: Int) throws {
        switch value {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .bigInt(let b): out += b.description
        case .float(let d): out += JSONWriter.number(d)
        case .string(let s): writeString(s)
        case .list(let storage): try writeArray(storage.items, level: level, identity: ObjectIdentifier(storage))
        case .tuple(let items): try writeArray(items, level: level, identity: nil)
        case .dict(let storage): try writeObject(storage, level: level)
        case .object(let group as GroupTuple): try writeArray(group.elements, level: level, identity: nil)
        case .object(is PythonDecimal): throw TemplateError(.invalidOperation, "Object of type Decimal is not JSON serializable")
        default: throw TemplateError(.invalidOperation, "Object of type \(value.typeName) is not JSON serializable")
        }
    }

    private static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return Value.formatFloat(d)
    }

    /// Marks a list or dict as being written; throws if it already is (a cycle).
    private mutating func enter(_ identity: ObjectIdentifier?, level: Int) throws {
        if ValueNesting.exceeded(level + 1) { throw ValueNesting.error }
        guard let identity else { return }
        guard open.insert(identity).inserted else { throw TemplateError(.invalidArgument, "Circular reference detected") }
    }

    /// Writes the separator before item `index` of a container at `level`.
    private mutating func separator(_ index: Int, level: Int) {
        if index > 0 { out += indent == nil ? ", " : "," }
        if let indent { out += "\n" + String(repeating: indent, count: level + 1) }
    }

    private mutating func close(_ bracket: String, level: Int) {
        if let indent { out += "\n" + String(repeating: indent, count: level) }
        out += bracket
    }

    private mutating func writeArray(_ items: [Value], level: Int, identity: ObjectIdentifier?) throws {
        guard !items.isEmpty else { out += "[]"; return }
        try enter(identity, level: level)
        out += "["
        for (index, item) in items.enumerated() {
            separator(index, level: level)
            try write(item, level: level + 1)
        }
        close("]", level: level)
        if let identity { open.remove(identity) }
    }

    private mutating func writeObject(_ storage: DictStorage, level: Int) throws {
        guard storage.count > 0 else { out += "{}"; return }
        let identity = ObjectIdentifier(storage)
        try enter(identity, level: level)
        out += "{"
        let order = sortKeys ? try pythonSortOrder(storage.keys, reverse: false) : Array(storage.keys.indices)
        for (index, position) in order.enumerated() {
            separator(index, level: level)
            writeString(try JSONWriter.keyText(storage.keys[position]))
            out += ": "
            try write(storage.values[position], level: level + 1)
        }
        close("}", level: level)
        open.remove(identity)
    }

    /// Python's JSON key conversion: strings as they are, scalars as their JSON text.
    private static func keyText(_ key: Value) throws -> String {
        switch key {
        case .string(let s): return s
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int, .bigInt: return key.str
        case .float(let d): return number(d)
        default: throw TemplateError(.invalidOperation, "keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    /// A JSON string with Python's `ensure_ascii` escapes (`\u00e9`, surrogate pairs beyond the BMP).
    private mutating func writeString(_ s: String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        out += "\""
    }
}
