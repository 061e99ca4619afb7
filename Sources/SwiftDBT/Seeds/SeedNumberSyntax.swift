/// Reads numbers as dbt's seed loader does (agate's `Number` with `en_US` settings, then Python's `Decimal`),
/// with one deliberate difference: an integer part with a leading zero (`007`, `01234`, `-05.5`) is not a
/// number, so ZIP codes and zero-padded IDs keep their column text (dbt would load `007` as 7).
///
/// Accepted, like agate: surrounding whitespace; `%` signs at either end; a leading `-`; currency symbols
/// (`$`, `€`, `£`, `¥`, ...) at either end; `,` and `_` anywhere (ignored); an optional `+`/`-` sign;
/// digits with an optional `.` fraction (`5.`, `.5`); an exponent (`1e3`, `2E-4`); `NaN` (with optional
/// digits), `Inf` and `Infinity` in any case. Not accepted: `sNaN`, and non-ASCII digits, which `Decimal`
/// would take.
enum SeedNumberSyntax {
    /// agate's default currency symbols, stripped from both ends in this order.
    private static let currencySymbols: [[UInt8]] = [
        "؋", "$", "ƒ", "៛", "¥", "₡", "₱", "£", "€", "¢", "﷼", "₪", "₩", "₭", "₮", "₦", "฿", "₤", "₫",
    ].map { Array($0.utf8) }

    /// What a numeric field holds, as far as choosing a column type goes.
    enum Kind: Equatable {
        /// A whole number that fits in 64 bits (`1.0`, `1e3` and `$5` included).
        case integer(Int64)
        /// A number with a fraction, NaN, an infinity, or a whole number too large for 64 bits.
        case other
    }

    /// The field's kind, or nil when it is not a number.
    static func kind(of field: UnsafeBufferPointer<UInt8>) -> Kind? {
        if let plain = PlainDecimal(field) { return plain.kind }
        return withCanonicalText(of: field) { $0?.kind }
    }

    /// The field's value as a Double (rounded to nearest), or nil when it is not a number.
    static func double(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        if let plain = PlainDecimal(field) { return plain.double }
        return withCanonicalText(of: field) { scan in
            scan.flatMap { Double(String(decoding: $0.text, as: UTF8.self)) }
        }
    }

    /// A number read from a field: its kind and its canonical text (`-12.5e3`, `nan`, `inf`), which Swift's
    /// `Double(String)` reads.
    private struct Scan {
        var kind: Kind
        var text: UnsafeBufferPointer<UInt8>
    }

    private static func withCanonicalText<T>(of field: UnsafeBufferPointer<UInt8>, _ body: (Scan?) -> T) -> T {
        // The canonical text never needs more than the field plus a sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: field.count + 1) { scratch in
            body(scan(field, into: scratch))
        }
    }

    private static func scan(_ field: UnsafeBufferPointer<UInt8>, into text: UnsafeMutableBufferPointer<UInt8>) -> Scan? {
        var cursor = ByteCursor(field)
        cursor.trimWhitespace()
        cursor.trim(UInt8(ascii: "%"))
        var negative = cursor.skip(UInt8(ascii: "-"))
        // Every symbol but `$` starts and ends with non-ASCII bytes: most fields have none of them.
        if let first = cursor.first, let last = cursor.last,
           first >= 0x80 || last >= 0x80 || first == UInt8(ascii: "$") || last == UInt8(ascii: "$") {
            for symbol in currencySymbols { cursor.trim(symbol) }
        }
        var digits = DecimalDigits(cursor)
        digits.skipWhitespace()
        if digits.take(UInt8(ascii: "-")) {
            negative.toggle()
        } else {
            _ = digits.take(UInt8(ascii: "+"))
        }
        var length = 0
        func emit(_ byte: UInt8) {
            text[length] = byte
            length += 1
        }
        if negative { emit(UInt8(ascii: "-")) }
        let kind: Kind
        if let letter = digits.peek, !ByteCursor.isDigit(letter), letter != UInt8(ascii: ".") {
            guard let special = digits.special() else { return nil }
            special.utf8.forEach(emit)
            kind = .other
        } else {
            guard let value = digits.finite(emit: emit) else { return nil }
            kind = value.integer(negative: negative).map(Kind.integer) ?? .other
        }
        digits.skipWhitespace()
        guard digits.isAtEnd else { return nil }
        return Scan(kind: kind, text: UnsafeBufferPointer(rebasing: text[..<length]))
    }
}

/// The common case read without the general scan: `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits,
/// nothing around it. Gives the same kind and value the general scan gives for such a field.
private struct PlainDecimal {
    private static let maxDigits = 15
    private static let powersOfTen: [Int64] = (0...maxDigits).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

    /// All the digits as one integer, the fraction's included.
    private let significand: Int64
    private let fractionDigits: Int
    private let negative: Bool

    init?(_ field: UnsafeBufferPointer<UInt8>) {
        var index = 0
        negative = field.first == UInt8(ascii: "-")
        if negative { index = 1 }
        let integerStart = index
        var value: Int64 = 0
        var fractionStart: Int?
        while index < field.count {
            let byte = field[index]
            if ByteCursor.isDigit(byte) {
                value = value &* 10 &+ Int64(byte &- 0x30)
            } else if byte == UInt8(ascii: "."), fractionStart == nil {
                fractionStart = index + 1
            } else {
                return nil
            }
            index += 1
        }
        let integerDigits = (fractionStart.map { $0 - 1 } ?? field.count) - integerStart
        let fraction = fractionStart.map { field.count - $0 } ?? 0
        // A leading zero (`007`) and a bare point (`5.`, `.5`) are the general scan's to judge.
        guard integerDigits > 0, fractionStart == nil || fraction > 0, integerDigits + fraction <= Self.maxDigits,
              !(integerDigits > 1 && field[integerStart] == UInt8(ascii: "0")) else { return nil }
        significand = value
        fractionDigits = fraction
    }

    var kind: SeedNumberSyntax.Kind {
        let scale = Self.powersOfTen[fractionDigits]
        guard significand % scale == 0 else { return .other }
        return .integer(negative ? -(significand / scale) : significand / scale)
    }

    /// Exact: both the significand and the power of ten are exact doubles, and one division rounds once.
    var double: Double {
        let magnitude = Double(significand) / Double(Self.powersOfTen[fractionDigits])
        return negative ? -magnitude : magnitude
    }
}
