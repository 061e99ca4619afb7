/// Python `str` operations the filters need, on code points as Python counts them
/// (Swift's `Character` would merge combining marks and `\r\n`).
enum PythonString {
    /// `str.isspace()` for one code point.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// A code point that regular expressions' `\w` matches (`str.isalnum()` or `_`).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" || scalar.properties.numericType != nil { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `str.splitlines()`: splits on every Unicode line boundary, `\r\n` counting as one.
    static func splitLines(_ s: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in s.unicodeScalars {
            if afterCarriageReturn && scalar == "\n" {
                afterCarriageReturn = false
                continue
            }
            switch scalar.value {
            case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
                afterCarriageReturn = scalar == "\r"
            default:
                current.append(scalar)
                afterCarriageReturn = false
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// `str.split()`: the runs of non-whitespace.
    static func words(_ s: String) -> [Substring] {
        s.unicodeScalars.split(whereSeparator: isWhitespace).map { Substring($0) }
    }

    /// `str.strip(chars)`; nil strips whitespace.
    static func strip(_ s: String, _ chars: String?) -> String {
        let scalars = s.unicodeScalars
        let strip: (Unicode.Scalar) -> Bool = chars.map { set in { set.unicodeScalars.contains($0) } } ?? isWhitespace
        guard let first = scalars.firstIndex(where: { !strip($0) }), let last = scalars.lastIndex(where: { !strip($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }

    /// `str.center(width)` with spaces, placing the odd space as CPython does.
    static func center(_ s: String, _ width: Int) -> String {
        let length = s.unicodeScalars.count
        guard width > length else { return s }
        let margin = width - length
        let left = margin / 2 + (margin & width & 1)
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: margin - left)
    }

    /// `str.replace(old, new, count)`; a negative count replaces every occurrence.
    static func replace(_ s: String, _ old: String, _ new: String, count: Int) -> String {
        guard count != 0 else { return s }
        var remaining = count < 0 ? Int.max : count
        if old.isEmpty {
            var out = ""
            for scalar in s.unicodeScalars {
                if remaining > 0 { out += new; remaining -= 1 }
                out.unicodeScalars.append(scalar)
            }
            if remaining > 0 { out += new }
            return out
        }
        // UTF-8 is self-synchronizing: a byte match of valid UTF-8 is a code-point match.
        let haystack = Array(s.utf8), needle = Array(old.utf8), replacement = Array(new.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count)
        var i = 0
        while i < haystack.count {
            if remaining > 0, i + needle.count <= haystack.count, haystack[i..<i + needle.count].elementsEqual(needle) {
                out += replacement
                i += needle.count
                remaining -= 1
            } else {
                out.append(haystack[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `str.lower()` of the code points from `start` on, including the final-sigma rule Swift's
    /// `lowercased()` lacks: a capital sigma ending a word (in the whole string) becomes `ς`.
    static func lower(_ s: String, from start: Int = 0) -> String {
        guard s.unicodeScalars.contains("\u{03A3}") else { return String(s.unicodeScalars.dropFirst(start)).lowercased() }
        let scalars = Array(s.unicodeScalars)
        var out = ""
        var run = String.UnicodeScalarView()
        for i in start..<scalars.count {
            guard scalars[i] == "\u{03A3}" else { run.append(scalars[i]); continue }
            out += String(run).lowercased()
            run = String.UnicodeScalarView()
            out += isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}"
        }
        return out + String(run).lowercased()
    }

    /// Unicode's Final_Sigma context: a cased letter before (case-ignorable code points skipped),
    /// and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let before = scalars[..<i].last(where: { !$0.properties.isCaseIgnorable })
        let after = scalars[(i + 1)...].first(where: { !$0.properties.isCaseIgnorable })
        return before?.properties.isCased == true && after?.properties.isCased != true
    }

    /// `str.capitalize()`: the first code point in title case, the rest lower-cased.
    static func capitalize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return first.properties.titlecaseMapping + lower(s, from: 1)
    }

    /// Jinja2's `title`: words start after `-`, whitespace or an opening bracket; each word's first
    /// code point is upper-cased and the rest lower-cased.
    static func title(_ s: String) -> String {
        var out = ""
        var word = String.UnicodeScalarView()
        func flush() {
            guard let first = word.first else { return }
            out += String(first).uppercased() + lower(String(word.dropFirst()))
            word = String.UnicodeScalarView()
        }
        for scalar in s.unicodeScalars {
            if scalar == "-" || scalar == "(" || scalar == "{" || scalar == "[" || scalar == "<" || isWhitespace(scalar) {
                flush()
                out.unicodeScalars.append(scalar)
            } else {
                word.append(scalar)
            }
        }
        flush()
        return out
    }

    /// `str.islower()` (`lower: true`) or `str.isupper()`: some cased code point, none of the other case.
    static func isCased(_ s: String, lower: Bool) -> Bool {
        var cased = false
        for scalar in s.unicodeScalars {
            let properties = scalar.properties
            let (same, other) = lower ? (properties.isLowercase, properties.isUppercase) : (properties.isUppercase, properties.isLowercase)
            if other || properties.generalCategory == .titlecaseLetter { return false }
            if same { cased = true }
        }
        return cased
    }

    /// `s[::-1]`.
    static func reversed(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.unicodeScalars.reversed())
        return String(out)
    }
}
