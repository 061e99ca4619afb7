/// Python's `html.unescape`, used by `striptags`: numeric character references in full, named
/// ones for the common entities only (not the whole HTML5 table).
enum HTMLEntities {
    /// Named entities; those valid without the `;` (HTML's legacy names) are marked.
    private static let named: [String: (text: String, legacy: Bool)] = [
        "amp": ("&", true), "lt": ("<", true), "gt": (">", true), "quot": ("\"", true), "apos": ("'", false),
        "nbsp": ("\u{A0}", true), "copy": ("©", true), "reg": ("®", true), "trade": ("™", false),
        "hellip": ("…", false), "mdash": ("—", false), "ndash": ("–", false), "lsquo": ("‘", false),
        "rsquo": ("’", false), "ldquo": ("“", false), "rdquo": ("”", false), "laquo": ("«", true),
        "raquo": ("»", true), "bull": ("•", false), "middot": ("·", true), "euro": ("€", false),
        "pound": ("£", true), "yen": ("¥", true), "cent": ("¢", true), "sect": ("§", true), "deg": ("°", true),
        "plusmn": ("±", true), "times": ("×", true), "divide": ("÷", true), "para": ("¶", true),
        "iexcl": ("¡", true), "iquest": ("¿", true), "shy": ("\u{AD}", true), "not": ("¬", true),
    ]

    /// Windows-1252 meanings that HTML gives to references 0x80...0x9F.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let (text, length) = reference(scalars, at: i + 1) {
                out.append(contentsOf: text.unicodeScalars)
                i += 1 + length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The replacement for the reference after an `&` at `start`, and how many code points it spans.
    private static func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        guard start < scalars.count else { return nil }
        if scalars[start] == "#" { return numeric(scalars, at: start + 1) }
        var end = start
        while end < scalars.count, end - start < 32, !"\t\n\u{0C} <&#;".unicodeScalars.contains(scalars[end]) { end += 1 }
        guard end > start else { return nil }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        let hasSemicolon = end < scalars.count && scalars[end] == ";"
        if hasSemicolon, let entity = named[name] { return (entity.text, end - start + 1) }
        // The longest legacy name that prefixes the text, the rest kept as written.
        for length in stride(from: name.unicodeScalars.count, to: 1, by: -1) {
            let prefix = String(String.UnicodeScalarView(scalars[start..<start + length]))
            if let entity = named[prefix], entity.legacy { return (entity.text, length) }
        }
        return nil
    }

    private static func numeric(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var i = start
        let hex = i < scalars.count && (scalars[i] == "x" || scalars[i] == "X")
        if hex { i += 1 }
        let digitsStart = i
        var code: UInt64 = 0
        while i < scalars.count, let digit = Character(scalars[i]).hexDigitValue, hex || digit < 10 {
            code = min(code * (hex ? 16 : 10) + UInt64(digit), 0x110000)
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < scalars.count && scalars[i] == ";" { i += 1 }
        return (text(forCode: code), i - start + 1)
    }

    private static func text(forCode code: UInt64) -> String {
        switch code {
        case 0: return "\u{FFFD}"
        case 0x0D: return "\r"
        case 0x80...0x9F: return String(Unicode.Scalar(windows1252[Int(code - 0x80)]) ?? "\u{FFFD}")
        case 0xD800...0xDFFF, 0x110000...: return "\u{FFFD}"
        case 0x01...0x08, 0x0B, 0x0E...0x1F, 0x7F, 0xFDD0...0xFDEF: return ""
        default:
            if code & 0xFFFE == 0xFFFE { return "" }
            return Unicode.Scalar(UInt32(code)).map { String($0) } ?? "\u{FFFD}"
        }
    }
}
