/// The body of a number as Python's `Decimal` reads it, after agate's clean-up: `,` and `_` are skipped
/// wherever they are.
struct DecimalDigits {
    private var cursor: ByteCursor

    init(_ cursor: ByteCursor) {
        self.cursor = cursor
        skipSeparators()
    }

    var isAtEnd: Bool { cursor.isAtEnd }
    var peek: UInt8? { cursor.first }

    private mutating func skipSeparators() {
        while cursor.skip(UInt8(ascii: ",")) || cursor.skip(UInt8(ascii: "_")) {}
    }

    /// Consumes `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard cursor.skip(byte) else { return false }
        skipSeparators()
        return true
    }

    private mutating func takeDigit() -> UInt8? {
        guard let byte = cursor.first, ByteCursor.isDigit(byte) else { return nil }
        _ = take(byte)
        return byte
    }

    mutating func skipWhitespace() {
        while let byte = cursor.first, ByteCursor.isWhitespace(byte) { _ = take(byte) }
    }

    /// `inf`, `infinity`, `nan` with optional digits, in any case: the canonical spelling (`inf`, `nan`).
    mutating func special() -> String? {
        var letters = ""
        while let byte = cursor.first, letters.utf8.count < 8, (byte | 0x20) >= UInt8(ascii: "a"),
              (byte | 0x20) <= UInt8(ascii: "z") {
            letters.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            _ = take(byte)
        }
        switch letters {
        case "inf", "infinity":
            return "inf"
        case "nan":
            while takeDigit() != nil {}
            return "nan"
        default:
            return nil
        }
    }

    /// Digits with an optional fraction and exponent, each byte of the canonical text handed to `emit`;
    /// nil when malformed or when the integer part has a leading zero (`007`).
    mutating func finite(emit: (UInt8) -> Void) -> FiniteDecimal? {
        var value = FiniteDecimal()
        var integerDigits = 0
        var leadingZero = false
        while let digit = takeDigit() {
            emit(digit)
            if integerDigits == 0 { leadingZero = digit == UInt8(ascii: "0") }
            integerDigits += 1
            value.append(digit)
        }
        var fractionDigits = 0
        if take(UInt8(ascii: ".")) {
            emit(UInt8(ascii: "."))
            while let digit = takeDigit() {
                emit(digit)
                fractionDigits += 1
                value.append(digit)
            }
        }
        guard integerDigits + fractionDigits > 0, !(leadingZero && integerDigits > 1) else { return nil }
        value.exponent -= fractionDigits
        if let marker = cursor.first, marker | 0x20 == UInt8(ascii: "e") {
            _ = take(marker)
            emit(UInt8(ascii: "e"))
            var sign = 1
            if take(UInt8(ascii: "-")) {
                sign = -1
                emit(UInt8(ascii: "-"))
            } else {
                _ = take(UInt8(ascii: "+"))
            }
            var exponent = 0
            var exponentDigits = 0
            while let digit = takeDigit() {
                emit(digit)
                exponent = min(exponent * 10 + Int(digit - 0x30), 1_000_000)
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return nil }
            value.exponent += sign * exponent
        }
        return value
    }
}

/// A decimal number as significand × 10^exponent, trailing zeros kept out of the significand.
struct FiniteDecimal {
    private var significand: UInt64 = 0
    private var overflowed = false
    /// Zeros read since the last non-zero digit, not yet multiplied in.
    private var pendingZeros = 0
    var exponent = 0

    /// Adds an ASCII digit at the right of the significand.
    mutating func append(_ digit: UInt8) {
        guard digit != UInt8(ascii: "0") else {
            pendingZeros += 1
            return
        }
        for _ in 0...pendingZeros where !overflowed {
            let (product, overflow) = significand.multipliedReportingOverflow(by: 10)
            significand = product
            overflowed = overflow
        }
        let (sum, overflow) = significand.addingReportingOverflow(UInt64(digit - 0x30))
        significand = sum
        overflowed = overflowed || overflow
        pendingZeros = 0
    }

    /// The value when it is whole and fits in Int64.
    func integer(negative: Bool) -> Int64? {
        guard !overflowed else { return nil }
        guard significand != 0 else { return 0 }
        let scale = exponent + pendingZeros
        guard scale >= 0 else { return nil }
        var magnitude = significand
        for _ in 0..<min(scale, 20) {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = product
        }
        guard scale <= 20 else { return nil }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
