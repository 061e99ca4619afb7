/// Python's `str` methods, with Python's arguments, results and errors.
/// Indices and lengths count code points, as Python's do.
enum StringMethod: String {
    case upper, lower, casefold, swapcase, title, capitalize
    case isalnum, isalpha, isascii, isdecimal, isdigit, islower, isnumeric, isspace, istitle, isupper
    case strip, lstrip, rstrip
    case split, rsplit, splitlines, partition, rpartition
    case find, rfind, index, rindex, count, startswith, endswith
    case replace, removeprefix, removesuffix, join, format
    case zfill, ljust, rjust, center

    func call(on text: String, _ arguments: Arguments, _ context: CallContext) throws -> Value {
        func bind(_ names: String..., required: Int = 0, keywords: Bool = false) throws -> MethodArguments {
            try MethodArguments(rawValue, arguments, names, required: required, keywords: keywords)
        }
        func converted(_ convert: (String) -> String) throws -> Value {
            _ = try bind()
            return .string(convert(text))
        }
        func tested(_ test: (String) -> Bool) throws -> Value {
            _ = try bind()
            return .bool(test(text))
        }
        func everyCodePoint(_ test: (Unicode.Scalar) -> Bool) throws -> Value {
            try tested { !$0.isEmpty && $0.unicodeScalars.allSatisfy(test) }
        }
        /// The `text[start:end]` of `find` and `startswith`, from their second and third arguments.
        func window(_ args: MethodArguments) throws -> TextSearch.Window? {
            TextSearch.window(text, try args.optionalInteger(1, orNone: true), try args.optionalInteger(2, orNone: true))
        }
        switch self {
        case .upper: return try converted(PythonUnicode.upper)
        case .lower: return try converted(PythonUnicode.lower)
        case .casefold: return try converted(PythonUnicode.casefold)
        case .swapcase: return try converted(PythonUnicode.swapcase)
        case .title: return try converted(PythonUnicode.title)
        case .capitalize: return try converted(PythonUnicode.capitalize)
        case .isalnum: return try everyCodePoint(PythonUnicode.isAlnum)
        case .isalpha: return try everyCodePoint(PythonUnicode.isAlpha)
        case .isdecimal: return try everyCodePoint(PythonUnicode.isDecimal)
        case .isdigit: return try everyCodePoint(PythonUnicode.isDigit)
        case .isnumeric: return try everyCodePoint(PythonUnicode.isNumeric)
        case .isspace: return try everyCodePoint(PythonUnicode.isSpace)
        case .isascii: return try tested { $0.utf8.allSatisfy { $0 < 0x80 } }
        case .islower: return try tested { PythonUnicode.isCased($0, as: \.isLowercase, not: \.isUppercase) }
        case .isupper: return try tested { PythonUnicode.isCased($0, as: \.isUppercase, not: \.isLowercase) }
        case .istitle: return try tested(PythonUnicode.isTitleCased)
        case .strip, .lstrip, .rstrip:
            return .string(stripped(text, try bind("chars").optionalString(0, orNone: true)))
        case .split, .rsplit:
            let args = try bind("sep", "maxsplit", keywords: true)
            let pieces = try Self.split(text, args.optionalString(0, orNone: true), limit: args.optionalInteger(1) ?? -1,
                                        fromEnd: self == .rsplit)
            return .list(pieces.map(Value.string))
        case .splitlines:
            let keepEnds = try bind("keepends", keywords: true).optionalInteger(0) ?? 0
            return .list(Self.lines(text, keepEnds: keepEnds != 0).map(Value.string))
        case .partition, .rpartition:
            return try partitioned(text, Self.separator(bind("sep", required: 1).string(0)))
        case .count:
            let args = try bind("sub", "start", "end", required: 1)
            return .int(Self.occurrenceCount(try args.string(0), in: text, try window(args)))
        case .find, .rfind, .index, .rindex:
            let args = try bind("sub", "start", "end", required: 1)
            let position = Self.position(of: try args.string(0), in: text, try window(args),
                                         fromEnd: self == .rfind || self == .rindex)
            if position < 0 && (self == .index || self == .rindex) {
                throw TemplateError(.invalidArgument, "substring not found")
            }
            return .int(position)
        case .startswith, .endswith:
            let args = try bind("prefix", "start", "end", required: 1)
            let window = try window(args)
            for candidate in try affixes(args.value(0)) {
                guard case .string(let affix) = candidate else {
                    throw TemplateError(.invalidOperation, "tuple for \(rawValue) must only contain str, not \(candidate.typeName)")
                }
                if let window, TextSearch.hasAffix(text, affix, within: window.bytes, atEnd: self == .endswith) {
                    return .bool(true)
                }
            }
            return .bool(false)
        case .removeprefix, .removesuffix:
            let affix = try bind(self == .removeprefix ? "prefix" : "suffix", required: 1).string(0)
            let atEnd = self == .removesuffix
            let bytes = text.utf8.count
            guard !affix.isEmpty, TextSearch.hasAffix(text, affix, within: 0..<bytes, atEnd: atEnd) else { return .string(text) }
            let length = affix.utf8.count
            return .string(TextSearch.slice(text, atEnd ? 0..<bytes - length : length..<bytes))
        case .replace:
            let args = try bind("old", "new", "count", required: 2)
            return .string(Self.replaced(text, try args.string(0), try args.string(1), limit: try args.optionalInteger(2) ?? -1))
        case .join:
            return .string(try joined(text, context.iterate(bind("iterable", required: 1).value(0))))
        case .format:
            return .string(try PythonFormat.format(text, arguments, context))
        case .zfill:
            return .string(try Self.zeroFilled(text, width: bind("width", required: 1).integer(0)))
        case .ljust, .rjust, .center:
            let args = try bind("width", "fillchar", required: 1)
            return .string(try justified(text, width: args.integer(0), fill: args.optionalString(1) ?? " "))
        }
    }

    // MARK: Searching

    /// `count`: non-overlapping occurrences in the window; "" occurs between code points and at both ends.
    private static func occurrenceCount(_ needle: String, in text: String, _ window: TextSearch.Window?) -> Int {
        guard let window else { return 0 }
        if needle.isEmpty { return TextSearch.scalarCount(text, window.bytes) + 1 }
        return TextSearch.occurrences(of: needle, in: text, within: window.bytes).count
    }

    /// `find` (or, `fromEnd`, `rfind`): the code point index of the first (last) occurrence, or -1.
    private static func position(of needle: String, in text: String, _ window: TextSearch.Window?, fromEnd: Bool) -> Int {
        guard let window else { return -1 }
        if needle.isEmpty { return window.start + (fromEnd ? TextSearch.scalarCount(text, window.bytes) : 0) }
        guard let match = TextSearch.occurrences(of: needle, in: text, within: window.bytes, limit: 1, fromEnd: fromEnd).first else {
            return -1
        }
        return window.start + TextSearch.scalarCount(text, window.bytes.lowerBound..<match.lowerBound)
    }

    /// The prefixes (or suffixes) `startswith` tries: a str, or a tuple whose items, checked
    /// lazily as Python does, must be str.
    private func affixes(_ value: Value) throws -> [Value] {
        switch value {
        case .string: return [value]
        case .tuple(let items): return items
        default:
            throw TemplateError(.invalidOperation,
                "\(rawValue) first arg must be str or a tuple of str, not \(value.typeName)")
        }
    }

    // MARK: Building strings

    /// `replace`: at most `limit` replacements (all when negative); an empty `old` matches between code points.
    private static func replaced(_ text: String, _ old: String, _ new: String, limit: Int) -> String {
        guard old.isEmpty else {
            let ranges = TextSearch.occurrences(of: old, in: text, limit: limit)
            return ranges.isEmpty ? text : TextSearch.pieces(text, around: ranges).joined(separator: new)
        }
        var result = ""
        var inserted = 0
        for scalar in text.unicodeScalars {
            if inserted != limit {
                result += new
                inserted += 1
            }
            result.unicodeScalars.append(scalar)
        }
        if inserted != limit { result += new }
        return result
    }

    private func joined(_ separator: String, _ items: [Value]) throws -> String {
        var result = ""
        for (i, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw TemplateError(.invalidOperation, "sequence item \(i): expected str instance, \(item.typeName) found")
            }
            if i > 0 { result += separator }
            result += text
        }
        return result
    }

    /// `zfill`: zeros on the left up to `width` code points, after a leading sign.
    private static func zeroFilled(_ text: String, width: Int) throws -> String {
        let missing = try FormatSpec.checkedWidth(width) - text.unicodeScalars.count
        guard missing > 0 else { return text }
        let zeros = String(repeating: "0", count: missing)
        guard let sign = text.unicodeScalars.first, sign == "+" || sign == "-" else { return zeros + text }
        return String(sign) + zeros + String(text.unicodeScalars.dropFirst())
    }

    /// `ljust`, `rjust` and `center` with a one-code-point fill; `center` leans as CPython's does.
    private func justified(_ text: String, width: Int, fill: String) throws -> String {
        guard fill.unicodeScalars.count == 1 else {
            throw TemplateError(.invalidOperation, "The fill character must be exactly one character long")
        }
        let margin = try FormatSpec.checkedWidth(width) - text.unicodeScalars.count
        guard margin > 0 else { return text }
        let left: Int
        switch self {
        case .ljust: left = 0
        case .rjust: left = margin
        default: left = margin / 2 + (margin & width & 1)
        }
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: margin - left)
    }
}
