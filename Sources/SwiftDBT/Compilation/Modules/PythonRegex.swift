import Foundation
import Jinja

/// A Python `re` pattern compiled for ICU (NSRegularExpression): Python's syntax and flags translated, so that
/// package macros' patterns mean what they mean in dbt. Named groups become numbered ones (ICU names allow no
/// `_`); the names are kept here.
struct PythonRegex: @unchecked Sendable {
    /// Python's flag values.
    enum Flag {
        static let ignoreCase = 2, locale = 4, multiline = 8, dotAll = 16, unicode = 32, verbose = 64, ascii = 256
    }

    let pattern: String
    let flags: Int
    let expression: NSRegularExpression
    let groupCount: Int
    let groupNames: [(name: String, index: Int)]

    static func error(_ message: String) -> TemplateError { TemplateError(.invalidArgument, "re.error: " + message) }

    init(_ pattern: String, flags given: Int) throws {
        var translator = Translator(source: Array(pattern.unicodeScalars), flags: given)
        let translated = try translator.translate()
        var options: NSRegularExpression.Options = [.useUnixLineSeparators]
        if translator.flags & Flag.ignoreCase != 0 { options.insert(.caseInsensitive) }
        if translator.flags & Flag.multiline != 0 { options.insert(.anchorsMatchLines) }
        if translator.flags & Flag.dotAll != 0 { options.insert(.dotMatchesLineSeparators) }
        do {
            expression = try NSRegularExpression(pattern: translated, options: options)
        } catch {
            throw PythonRegex.error("invalid pattern \(Value.string(pattern).repr)")
        }
        self.pattern = pattern
        self.flags = translator.flags | (translator.flags & Flag.ascii == 0 ? Flag.unicode : 0)
        groupCount = translator.groupCount
        groupNames = translator.groupNames
    }

    /// The compiled pattern, from a cache shared by every render (Python's `re` caches its last 512 patterns the
    /// same way): package macros call `re` functions with the same pattern in loops.
    static func compiled(_ pattern: String, flags: Int) throws -> PythonRegex {
        let key = "\(flags)\u{0}" + pattern
        if let found = cache.withLock({ $0[key] }) { return found }
        let made = try PythonRegex(pattern, flags: flags)
        cache.withLock { entries in
            if entries.count >= 512 { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }

    private static let cache = LockedDictionary()

    /// A lock and the patterns it guards.
    private final class LockedDictionary: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: PythonRegex] = [:]

        func withLock<T>(_ body: (inout [String: PythonRegex]) throws -> T) rethrows -> T {
            try lock.withLock { try body(&entries) }
        }
    }

    /// The group number of `name`, or nil.
    func groupIndex(_ name: String) -> Int? { groupNames.first { $0.name == name }?.index }

    /// Reads Python's pattern syntax and writes ICU's.
    private struct Translator {
        let source: [Unicode.Scalar]
        var flags: Int
        var position = 0
        var output = ""
        var groupCount = 0
        var groupNames: [(name: String, index: Int)] = []
        /// Verbose mode per open group (scoped `(?x:...)`), innermost last.
        var verboseStack: [Bool] = []

        init(source: [Unicode.Scalar], flags: Int) {
            self.source = source
            self.flags = flags
        }

        private var verbose: Bool { verboseStack.last ?? (flags & Flag.verbose != 0) }
        private var ascii: Bool { flags & Flag.ascii != 0 }
        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < source.count ? source[position + offset] : nil
        }

        mutating func translate() throws -> String {
            try readGlobalFlags()
            while let scalar = peek() {
                position += 1
                switch scalar {
                case "\\": try escape(inClass: false)
                case "[": try characterClass()
                case "(": try openGroup()
                case ")":
                    if !verboseStack.isEmpty { verboseStack.removeLast() }
                    output += ")"
                case "{": quantifierOrLiteral()
                case "}": output += "\\}"
                case "#" where verbose:
                    while let next = peek(), next != "\n" { position += 1 }
                case _ where verbose && scalar.properties.isWhitespace: continue
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output
        }

        /// `(?aiLmsux)` at the start of the pattern (Python 3.11 allows global flags nowhere else).
        private mutating func readGlobalFlags() throws {
            while peek() == "(", peek(1) == "?", let letters = flagLetters(from: position + 2), source.count > letters.end,
                  source[letters.end] == ")" {
                flags |= letters.flags
                position = letters.end + 1
            }
        }

        /// Flag letters from `start`; where they stop, and their value.
        private func flagLetters(from start: Int) -> (flags: Int, end: Int)? {
            var index = start
            var value = 0
            let letters: [Unicode.Scalar: Int] = ["a": Flag.ascii, "i": Flag.ignoreCase, "L": Flag.locale, "m": Flag.multiline,
                                                  "s": Flag.dotAll, "u": Flag.unicode, "x": Flag.verbose]
            while index < source.count, let flag = letters[source[index]] {
                value |= flag
                index += 1
            }
            return index > start ? (value, index) : nil
        }

        private mutating func openGroup() throws {
            guard peek() == "?" else {
                groupCount += 1
                verboseStack.append(verbose)
                output += "("
                return
            }
            if peek(1) == "P" {
                if peek(2) == "<" {
                    position += 3
                    let name = try readName(until: ">")
                    guard !groupNames.contains(where: { $0.name == name }) else {
                        throw PythonRegex.error("redefinition of group name \(Value.string(name).repr)")
                    }
                    groupCount += 1
                    groupNames.append((name, groupCount))
                    verboseStack.append(verbose)
                    output += "("
                    return
                }
                if peek(2) == "=" {
                    position += 3
                    let start = position
                    let name = try readName(until: ")")
                    guard let index = groupNames.first(where: { $0.name == name })?.index else {
                        throw PythonRegex.error("unknown group name \(Value.string(name).repr) at position \(start)")
                    }
                    output += "(?:\\\(index))"
                    return
                }
                throw PythonRegex.error("unknown extension ?P\(peek(2).map { String($0) } ?? "")")
            }
            if peek(1) == "#" {
                while let next = peek(), next != ")" { position += 1 }
                position += 1
                return
            }
            // Scoped flags `(?i:...)`, `(?-i:...)`, `(?i-s:...)`.
            var index = position + 1
            var on = 0, off = 0
            if let letters = flagLetters(from: index) { (on, index) = letters }
            if index < source.count, source[index] == "-", let letters = flagLetters(from: index + 1) { (off, index) = letters }
            if (on != 0 || off != 0), index < source.count, source[index] == ":" {
                var innerVerbose = verbose
                if on & Flag.verbose != 0 { innerVerbose = true }
                if off & Flag.verbose != 0 { innerVerbose = false }
                var icu = ""
                for (flag, letter) in [(Flag.ignoreCase, "i"), (Flag.multiline, "m"), (Flag.dotAll, "s")] where on & flag != 0 { icu += letter }
                var removed = ""
                for (flag, letter) in [(Flag.ignoreCase, "i"), (Flag.multiline, "m"), (Flag.dotAll, "s")] where off & flag != 0 { removed += letter }
                output += "(?" + icu + (removed.isEmpty ? "" : "-" + removed) + ":"
                position = index + 1
                verboseStack.append(innerVerbose)
                return
            }
            if flagLetters(from: position + 1) != nil {
                throw PythonRegex.error("global flags not at the start of the expression at position \(position - 1)")
            }
            // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?>`: the same in ICU.
            verboseStack.append(verbose)
            output += "("
        }

        private mutating func readName(until end: Unicode.Scalar) throws -> String {
            var name = ""
            while let next = peek(), next != end {
                name.unicodeScalars.append(next)
                position += 1
            }
            guard peek() == end else { throw PythonRegex.error("missing \(end), unterminated name") }
            position += 1
            guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart,
                  name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isXIDContinue }) else {
                throw PythonRegex.error("bad character in group name \(Value.string(name).repr)")
            }
            return name
        }

        /// `{m}`, `{m,}`, `{,n}`, `{m,n}` are quantifiers (`{,n}` written `{0,n}` for ICU); any other `{` is literal.
        private mutating func quantifierOrLiteral() {
            var index = position
            var lower = "", upper = ""
            var comma = false
            while index < source.count, source[index] != "}" {
                let scalar = source[index]
                if scalar == "," && !comma {
                    comma = true
                } else if scalar.properties.numericType == .decimal && scalar.isASCII {
                    if comma { upper.unicodeScalars.append(scalar) } else { lower.unicodeScalars.append(scalar) }
                } else {
                    break
                }
                index += 1
            }
            guard index < source.count, source[index] == "}", !(lower.isEmpty && upper.isEmpty) else {
                output += "\\{"
                return
            }
            output += "{" + (lower.isEmpty ? "0" : lower) + (comma ? "," + upper : "") + "}"
            position = index + 1
        }

        private mutating func characterClass() throws {
            let start = position - 1
            output += "["
            if peek() == "^" {
                output += "^"
                position += 1
            }
            if peek() == "]" {
                output += "\\]"
                position += 1
            }
            while let scalar = peek() {
                position += 1
                switch scalar {
                case "]":
                    output += "]"
                    return
                case "\\": try escape(inClass: true)
                case "[", "&", "{", "}": output += "\\" + String(scalar)
                default: output.unicodeScalars.append(scalar)
                }
            }
            throw PythonRegex.error("unterminated character set at position \(start)")
        }

        private mutating func escape(inClass: Bool) throws {
            guard let scalar = peek() else { throw PythonRegex.error("bad escape (end of pattern)") }
            position += 1
            switch scalar {
            case "d", "D", "w", "W", "s", "S":
                guard ascii else {
                    output += "\\" + String(scalar)
                    return
                }
                let sets: [Unicode.Scalar: String] = ["d": "0-9", "w": "a-zA-Z0-9_", "s": " \\t\\n\\r\\f\\x0B"]
                let lower = Unicode.Scalar(String(scalar).lowercased()) ?? scalar
                let body = sets[lower] ?? ""
                let negated = scalar != lower
                output += inClass ? (negated ? "[^\(body)]" : body) : (negated ? "[^\(body)]" : "[\(body)]")
            case "b" where inClass: output += "\\x08"
            case "Z" where !inClass: output += "\\z"
            case "A", "b", "B", "Z" where !inClass: output += "\\" + String(scalar)
            case "a": output += "\\x07"
            case "f", "n", "r", "t", "v":
                output += ["f": "\\f", "n": "\\n", "r": "\\r", "t": "\\t", "v": "\\x0B"][scalar] ?? ""
            case "N" where peek() == "{":
                output += "\\N"
                while let next = peek() {
                    output.unicodeScalars.append(next)
                    position += 1
                    if next == "}" { break }
                }
            case "x", "u", "U":
                output += "\\" + String(scalar)
            case "0"..."9":
                var digits = String(scalar)
                while digits.count < 3, let next = peek(), next.isASCII, next.properties.numericType == .decimal {
                    digits.unicodeScalars.append(next)
                    position += 1
                }
                if scalar == "0" || (digits.count == 3 && digits.allSatisfy({ $0 <= "7" })) {
                    let value = Int(digits, radix: 8) ?? 0
                    output += String(format: "\\x{%X}", value)
                } else {
                    // A back-reference takes at most two digits; a third is a literal digit after it.
                    let reference = String(digits.prefix(2))
                    let rest = String(digits.dropFirst(2))
                    guard !inClass, let number = Int(reference), number <= groupCount else {
                        throw PythonRegex.error("invalid group reference \(reference) at position \(position - digits.count - 1)")
                    }
                    output += "(?:\\\(number))" + rest
                }
            default:
                guard !(scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)) else {
                    throw PythonRegex.error("bad escape \\\(scalar) at position \(position - 2)")
                }
                output += "\\" + String(scalar)
            }
        }
    }
}
