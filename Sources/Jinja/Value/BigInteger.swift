/// An arbitrary-precision signed integer with Python `int` semantics.
///
/// Stored as a sign and a magnitude of 32-bit limbs, least significant first, always
/// normalized: no most-significant zero limbs, and zero is empty and non-negative.
/// Division APIs return `nil` on a zero divisor instead of trapping; `power(_:)` returns
/// `nil` for a negative exponent or a result wider than `maxPowerBits`.
public struct BigInteger: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Magnitude limbs, least significant first, with no trailing zero limbs.
    private var limbs: [UInt32]
    /// Whether the value is below zero; always false for zero.
    private var isNegative: Bool

    /// The largest result, in bits, that `power(_:)` will compute.
    public static let maxPowerBits = 100_000

    private init(limbs: [UInt32], isNegative: Bool) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.isNegative = isNegative && !limbs.isEmpty
    }

    private init(magnitude: UInt64, isNegative: Bool) {
        self.init(limbs: [UInt32(truncatingIfNeeded: magnitude), UInt32(truncatingIfNeeded: magnitude >> 32)],
                  isNegative: isNegative)
    }

    /// The integer equal to `value`.
    public init(_ value: Int) {
        self.init(magnitude: UInt64(value.magnitude), isNegative: value < 0)
    }

    /// Parses an optional `+`/`-` sign followed by one or more ASCII decimal digits.
    public init?(_ decimal: Substring) {
        var digits = decimal.utf8[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var limbs: [UInt32] = []
        var chunk: UInt32 = 0
        var chunkScale: UInt32 = 1
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            chunk = chunk * 10 + UInt32(byte - UInt8(ascii: "0"))
            chunkScale *= 10
            if chunkScale == 1_000_000_000 {
                Self.multiplyAdd(&limbs, chunkScale, chunk)
                chunk = 0
                chunkScale = 1
            }
        }
        if chunkScale > 1 { Self.multiplyAdd(&limbs, chunkScale, chunk) }
        self.init(limbs: limbs, isNegative: negative)
    }

    /// Parses an optional `+`/`-` sign followed by one or more ASCII decimal digits.
    public init?(_ decimal: String) {
        self.init(decimal[...])
    }

    /// The integer equal to `value`, or nil when `value` is not finite or has a fraction.
    public init?(exactly value: Double) {
        guard value.isFinite, value.rounded(.towardZero) == value else { return nil }
        if let small = Int(exactly: value) {
            self.init(small)
            return
        }
        // |value| >= 2^63, so it is (2^52 + fraction bits) shifted left by at least 11.
        let significand = (UInt64(1) << 52) | value.significandBitPattern
        let shifted = Self.shiftedLeft(BigInteger(magnitude: significand, isNegative: false).limbs,
                                       by: Int(value.exponent) - 52)
        self.init(limbs: shifted, isNegative: value < 0)
    }

    /// Whether the value is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// -1, 0 or 1 according to the sign of the value.
    public var signum: Int { isZero ? 0 : (isNegative ? -1 : 1) }

    /// The number of bits in the magnitude, excluding the sign (Python's `int.bit_length()`).
    public var bitLength: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    /// The value as an `Int`, or nil when it does not fit.
    public var asInt: Int? {
        guard limbs.count <= 2 else { return nil }
        var magnitude: UInt64 = 0
        for (index, limb) in limbs.enumerated() { magnitude |= UInt64(limb) << (32 * index) }
        if isNegative {
            guard magnitude <= UInt64(Int.max) + 1 else { return nil }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return Int(magnitude)
    }

    /// The nearest `Double` (ties to even, as Python's `float(int)`); ±infinity when out of range.
    public var asDouble: Double {
        let bits = bitLength
        let shift = max(0, bits - 64)
        var top: UInt64 = 0
        for index in stride(from: limbs.count - 1, through: 0, by: -1) {
            let position = index * 32 - shift  // where this limb's bit 0 lands in `top`
            let limb = UInt64(limbs[index])
            if position >= 0 {
                top |= limb << position
            } else if position > -32 {
                top |= limb >> -position
                if limb & ((1 << -position) - 1) != 0 { top |= 1 }
            } else if limb != 0 {
                top |= 1  // sticky bit: keeps rounding correct for discarded bits
            }
        }
        // `top` has at most 64 bits, so bit 0 lies below the rounding bit and acts as sticky.
        let magnitude = Double(sign: .plus, exponent: shift, significand: Double(top))
        return isNegative ? -magnitude : magnitude
    }

    /// The decimal digits, with a leading `-` when negative.
    public var description: String {
        if isZero { return "0" }
        var remaining = limbs
        var chunks: [UInt32] = []  // base-10^9 digits, least significant first
        while !remaining.isEmpty {
            chunks.append(Self.divideInPlace(&remaining, by: 1_000_000_000))
        }
        var text = isNegative ? "-" : ""
        text.reserveCapacity(chunks.count * 9 + 1)
        for (index, chunk) in chunks.reversed().enumerated() {
            let digits = String(chunk)
            if index > 0 { text += String(repeating: "0", count: 9 - digits.count) }
            text += digits
        }
        return text
    }

    // MARK: Arithmetic

    /// The negation of `value`.
    public static prefix func - (value: BigInteger) -> BigInteger {
        BigInteger(limbs: value.limbs, isNegative: !value.isNegative)
    }

    /// The sum of two integers.
    public static func + (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        if lhs.isNegative == rhs.isNegative {
            return BigInteger(limbs: added(lhs.limbs, rhs.limbs), isNegative: lhs.isNegative)
        }
        if compareMagnitudes(lhs.limbs, rhs.limbs) >= 0 {
            return BigInteger(limbs: subtracted(lhs.limbs, rhs.limbs), isNegative: lhs.isNegative)
        }
        return BigInteger(limbs: subtracted(rhs.limbs, lhs.limbs), isNegative: rhs.isNegative)
    }

    /// The difference of two integers.
    public static func - (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        lhs + (-rhs)
    }

    /// The product of two integers.
    public static func * (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        BigInteger(limbs: multiplied(lhs.limbs, rhs.limbs), isNegative: lhs.isNegative != rhs.isNegative)
    }

    /// Python `divmod`: floor quotient and a remainder with the divisor's sign; nil when dividing by zero.
    public func divMod(_ divisor: BigInteger) -> (quotient: BigInteger, remainder: BigInteger)? {
        guard !divisor.isZero else { return nil }
        let (q, r) = Self.dividedMagnitudes(limbs, divisor.limbs)
        var quotient = BigInteger(limbs: q, isNegative: isNegative != divisor.isNegative)
        var remainder = BigInteger(limbs: r, isNegative: isNegative)
        if !remainder.isZero && isNegative != divisor.isNegative {
            quotient = quotient - BigInteger(1)
            remainder = remainder + divisor
        }
        return (quotient, remainder)
    }

    /// Python `//` (rounds toward negative infinity); nil when dividing by zero.
    public func floorDivided(by divisor: BigInteger) -> BigInteger? {
        divMod(divisor)?.quotient
    }

    /// Python `%` (the result has the divisor's sign); nil when dividing by zero.
    public func modulo(_ divisor: BigInteger) -> BigInteger? {
        divMod(divisor)?.remainder
    }

    /// Python `**` for a non-negative exponent; nil for a negative one or a result over `maxPowerBits` bits.
    public func power(_ exponent: Int) -> BigInteger? {
        guard exponent >= 0 else { return nil }
        if exponent == 0 { return BigInteger(1) }
        if bitLength <= 1 {  // 0, 1 and -1 never grow
            return BigInteger(limbs: limbs, isNegative: isNegative && exponent % 2 == 1)
        }
        // The result has more than (bitLength - 1) * exponent bits; refuse before computing.
        let (lowerBound, overflow) = (bitLength - 1).multipliedReportingOverflow(by: exponent)
        guard !overflow, lowerBound < Self.maxPowerBits else { return nil }
        var result = BigInteger(1)
        var base = self
        var remaining = exponent
        while true {
            if remaining & 1 == 1 { result = result * base }
            remaining >>= 1
            if remaining == 0 { break }
            base = base * base
        }
        return result.bitLength <= Self.maxPowerBits ? result : nil
    }

    /// Whether `lhs` is numerically smaller than `rhs`.
    public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = compareMagnitudes(lhs.limbs, rhs.limbs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    // MARK: Magnitude helpers (little-endian limbs)

    private static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }

    private static func added(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result: [UInt32] = []
        result.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for index in 0..<long.count {
            let sum = UInt64(long[index]) + (index < short.count ? UInt64(short[index]) : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// `a - b`, where `a >= b`.
    private static func subtracted(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count)
        var borrow: UInt32 = 0
        for index in 0..<a.count {
            let (partial, overflow1) = a[index].subtractingReportingOverflow(index < b.count ? b[index] : 0)
            let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
            result.append(difference)
            borrow = (overflow1 || overflow2) ? 1 : 0
        }
        return result
    }

    private static func multiplied(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            for j in 0..<b.count {
                // ai * b[j] + result + carry <= (2^32 - 1)^2 + 2 * (2^32 - 1) < 2^64
                let t = ai * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        return result
    }

    /// `limbs = limbs * factor + addend`.
    private static func multiplyAdd(_ limbs: inout [UInt32], _ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for index in 0..<limbs.count {
            let t = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Divides `limbs` by a non-zero single limb in place, normalizes, and returns the remainder.
    private static func divideInPlace(_ limbs: inout [UInt32], by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in stride(from: limbs.count - 1, through: 0, by: -1) {
            let current = (remainder << 32) | UInt64(limbs[index])
            limbs[index] = UInt32(truncatingIfNeeded: current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        while limbs.last == 0 { limbs.removeLast() }
        return UInt32(remainder)
    }

    private static func shiftedLeft(_ limbs: [UInt32], by bits: Int) -> [UInt32] {
        guard !limbs.isEmpty else { return [] }
        let limbShift = bits / 32, bitShift = bits % 32
        var result = [UInt32](repeating: 0, count: limbShift)
        result.reserveCapacity(limbShift + limbs.count + 1)
        var carry: UInt32 = 0
        for limb in limbs {
            result.append(bitShift == 0 ? limb : (limb << bitShift) | carry)
            carry = bitShift == 0 ? 0 : limb >> (32 - bitShift)
        }
        if carry != 0 { result.append(carry) }
        return result
    }

    /// Truncating quotient and remainder of magnitudes; `b` must be non-empty.
    /// Knuth's Algorithm D (TAOCP vol. 2, 4.3.1), after Hacker's Delight `divmnu`.
    private static func dividedMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compareMagnitudes(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            var quotient = a
            let remainder = divideInPlace(&quotient, by: b[0])
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        let n = b.count, m = a.count
        // Normalize so the divisor's top limb has its high bit set; u gets an extra top limb.
        let shift = b[n - 1].leadingZeroBitCount
        let v = shiftedLeft(b, by: shift)
        var u = shiftedLeft(a, by: shift)
        while u.count < m + 1 { u.append(0) }
        var quotient = [UInt32](repeating: 0, count: m - n + 1)
        let base: UInt64 = 1 << 32
        let vTop = UInt64(v[n - 1]), vNext = UInt64(v[n - 2])
        for j in stride(from: m - n, through: 0, by: -1) {
            // Estimate the quotient digit from the top two limbs, then correct it (at most twice).
            let numerator = (UInt64(u[j + n]) << 32) | UInt64(u[j + n - 1])
            var qhat = numerator / vTop
            var rhat = numerator % vTop
            while qhat >= base || qhat * vNext > ((rhat << 32) | UInt64(u[j + n - 2])) {
                qhat -= 1
                rhat += vTop
                if rhat >= base { break }
            }
            // Multiply and subtract qhat * v from u[j ... j+n].
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let product = qhat * UInt64(v[i]) + carry
                carry = product >> 32
                let t = Int64(u[i + j]) - borrow - Int64(product & 0xFFFF_FFFF)
                u[i + j] = UInt32(truncatingIfNeeded: t)
                borrow = t < 0 ? 1 : 0
            }
            let t = Int64(u[j + n]) - borrow - Int64(carry)
            u[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                // qhat was one too large: add v back.
                qhat -= 1
                var addCarry: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(u[i + j]) + UInt64(v[i]) + addCarry
                    u[i + j] = UInt32(truncatingIfNeeded: sum)
                    addCarry = sum >> 32
                }
                u[j + n] = u[j + n] &+ UInt32(addCarry)
            }
            quotient[j] = UInt32(truncatingIfNeeded: qhat)
        }
        // Unnormalize the remainder held in u[0 ..< n].
        var remainder = Array(u[0..<n])
        if shift > 0 {
            for i in 0..<n {
                let high = i + 1 < n ? remainder[i + 1] << (32 - shift) : 0
                remainder[i] = (remainder[i] >> shift) | high
            }
        }
        while quotient.last == 0 { quotient.removeLast() }
        while remainder.last == 0 { remainder.removeLast() }
        return (quotient, remainder)
    }
}
