/// Python's view of code points: the character classes behind `str.isspace()`, `str.isdigit()`...
/// and the case conversions of `str.lower()`, `str.title()`..., including the final-sigma rule.
///
/// Built on the Unicode properties Python's own tables come from; Swift may know a newer
/// Unicode version than the Python it is compared with, which only matters for new characters.
enum PythonUnicode {
    /// `str.isspace()` for one code point: Unicode category Zs or bidirectional class WS, B or S.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Whether `str.splitlines()` breaks after this code point (`\r\n` is handled by the caller).
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDecimal(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal || c.properties.numericType == .digit
    }

    static func isNumeric(_ c: Unicode.Scalar) -> Bool { c.properties.numericType != nil }

    /// `str.isalnum()` for one code point: alphabetic or any kind of numeric.
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isAlpha(c) || isNumeric(c) }

    static func isTitle(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .titlecaseLetter }

    /// `str.isprintable()` for one code point, which decides what `repr()` escapes: anything but
    /// controls, format characters, surrogates, private use, unassigned, and separators other than space.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return c == " "
        default:
            return true
        }
    }

    // MARK: Case of whole strings

    /// `isupper`/`islower`: some code point has the wanted case, none has the other case or title case.
    static func isCased(_ text: String, as wanted: KeyPath<Unicode.Scalar.Properties, Bool>,
                        not other: KeyPath<Unicode.Scalar.Properties, Bool>) -> Bool {
        var found = false
        for c in text.unicodeScalars {
            if c.properties[keyPath: other] || isTitle(c) { return false }
            if c.properties[keyPath: wanted] { found = true }
        }
        return found
    }

    /// `istitle`: upper or title case only at the start of a word, lower case only inside one.
    static func isTitleCased(_ text: String) -> Bool {
        var cased = false
        var previousIsCased = false
        for c in text.unicodeScalars {
            if c.properties.isUppercase || isTitle(c) {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if c.properties.isLowercase {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }

    // MARK: Case conversion

    static func upper(_ text: String) -> String {
        text.uppercased()  // full mappings per code point (`ß` -> `SS`), as Python
    }

    static func lower(_ text: String) -> String {
        guard text.unicodeScalars.contains(capitalSigma) else { return text.lowercased() }
        let scalars = Array(text.unicodeScalars)
        return mapped(scalars) { lowered(scalars, $0) }
    }

    /// Upper case becomes lower and lower becomes upper; other code points stay.
    static func swapcase(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return mapped(scalars) { i in
            let c = scalars[i]
            if c.properties.isUppercase { return lowered(scalars, i) }
            if c.properties.isLowercase { return c.properties.uppercaseMapping }
            return String(c)
        }
    }

    /// Title case after a code point that is not cased, lower case after one that is.
    static func title(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return mapped(scalars) { i in
            i > 0 && scalars[i - 1].properties.isCased ? lowered(scalars, i) : scalars[i].properties.titlecaseMapping
        }
    }

    /// The first code point in title case, the rest in lower case.
    static func capitalize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return mapped(scalars) { i in i == 0 ? scalars[i].properties.titlecaseMapping : lowered(scalars, i) }
    }

    /// Python's full case folding: lower case of the upper case of the lower case, which agrees with
    /// CaseFolding.txt except for dotless `ı` (kept) and Cherokee (folded to its upper case).
    static func casefold(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return mapped(scalars) { i in
            let c = scalars[i]
            switch c.value {
            case 0x131: return String(c)
            case 0x13A0...0x13FF, 0xAB70...0xABBF: return c.properties.uppercaseMapping
            default: return c.properties.lowercaseMapping.uppercased().lowercased()
            }
        }
    }

    private static let capitalSigma: Unicode.Scalar = "\u{3A3}"

    private static func mapped(_ scalars: [Unicode.Scalar], _ transform: (Int) -> String) -> String {
        var result = ""
        result.reserveCapacity(scalars.count)
        for i in scalars.indices { result += transform(i) }
        return result
    }

    /// The lower case of `scalars[i]`; a capital sigma ending a word becomes final sigma `ς`.
    private static func lowered(_ scalars: [Unicode.Scalar], _ i: Int) -> String {
        guard scalars[i] == capitalSigma else { return scalars[i].properties.lowercaseMapping }
        let before = scalars[..<i].last { !$0.properties.isCaseIgnorable }
        let after = scalars[(i + 1)...].first { !$0.properties.isCaseIgnorable }
        let isFinal = before?.properties.isCased == true && after?.properties.isCased != true
        return isFinal ? "\u{3C2}" : "\u{3C3}"
    }
}
