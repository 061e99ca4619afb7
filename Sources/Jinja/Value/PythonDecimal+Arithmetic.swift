/// Python's decimal arithmetic in the default context: sums and products keep every digit up to 28 significant
/// ones (`1.50 + 1` is `2.50`), quotients are exact where they can be (`1.50 / 4` is `0.375`) and rounded to 28
/// digits, ties to even, where not; `//` truncates toward zero and `%` takes the dividend's sign.
extension PythonDecimal {
    /// `self op other`.
    func applying(_ op: BinaryOperator, _ other: PythonDecimal) throws -> PythonDecimal {
        let result: PythonDecimal
        switch op {
        case .add: result = try sum(other, subtracting: false)
        case .subtract: result = try sum(other, subtracting: true)
        case .multiply:
            result = PythonDecimal(negative: negative != other.negative, coefficient: coefficient * other.coefficient,
                                   exponent: exponent + other.exponent).rounded()
        case .divide: result = try quotient(other)
        case .floorDivide: result = try integerDivision(other).quotient
        case .modulo: result = try integerDivision(other).remainder
        case .power: result = try power(other)
        }
        return try result.checked()
    }

    /// The largest exponent a result may have either way (Python's default context allows 999999), which also keeps
    /// exponent arithmetic far from overflowing.
    static let exponentLimit: UInt = 999_999

    /// `self`, or an error when its exponent left the range Python's default context allows.
    func checked() throws -> PythonDecimal {
        guard exponent.magnitude <= PythonDecimal.exponentLimit else {
            throw TemplateError(.limitExceeded, "decimal exponent out of range")
        }
        return self
    }

    /// Python's `-x`: the sign flipped (a zero comes out positive).
    var negated: PythonDecimal {
        PythonDecimal(negative: coefficient.isZero ? false : !negative, coefficient: coefficient, exponent: exponent)
    }

    /// Python's `abs(x)`.
    var magnitude: PythonDecimal { PythonDecimal(negative: false, coefficient: coefficient, exponent: exponent) }

    /// The signed coefficient scaled to `target` (at most `exponent`).
    private func scaled(to target: Int) throws -> BigInteger {
        let value = coefficient * (try PythonDecimal.powerOfTen(exponent - target))
        return negative ? -value : value
    }

    static func powerOfTen(_ n: Int) throws -> BigInteger {
        guard let value = BigInteger(10).power(n) else {
            throw TemplateError(.limitExceeded, "decimal exponents are too far apart")
        }
        return value
    }

    private func sum(_ other: PythonDecimal, subtracting: Bool) throws -> PythonDecimal {
        let target = min(exponent, other.exponent)
        let right = subtracting ? other.negated : other
        let total = try scaled(to: target) + (try right.scaled(to: target))
        // A zero sum is positive unless both terms are negative (`-0 + -0`), as under ROUND_HALF_EVEN.
        let zeroSign = negative && (subtracting ? !other.negative : other.negative)
        return PythonDecimal(negative: total.isZero ? zeroSign : total.signum < 0, coefficient: total.signum < 0 ? -total : total,
                             exponent: target).rounded()
    }

    /// `/`: the exact quotient at the exponent nearest `self.exponent - other.exponent` when it has at most 28 digits,
    /// else the quotient rounded to 28.
    private func quotient(_ other: PythonDecimal) throws -> PythonDecimal {
        let sign = negative != other.negative
        try PythonDecimal.checkDivisor(self, other)
        let ideal = exponent - other.exponent
        if coefficient.isZero { return PythonDecimal(negative: sign, coefficient: coefficient, exponent: ideal) }
        let shift = other.coefficient.description.count - coefficient.description.count + PythonDecimal.precision + 1
        var scale = ideal - shift
        let (dividend, divisor) = shift >= 0
            ? (coefficient * (try PythonDecimal.powerOfTen(shift)), other.coefficient)
            : (coefficient, other.coefficient * (try PythonDecimal.powerOfTen(-shift)))
        guard let division = dividend.divMod(divisor) else { throw PythonDecimal.divisionError("DivisionByZero") }
        var digits = division.quotient
        let ten = BigInteger(10)
        if !division.remainder.isZero {
            // A sticky last digit, so that rounding knows the quotient is not exactly on a tie.
            if digits.modulo(BigInteger(5))?.isZero == true { digits = digits + BigInteger(1) }
        } else {
            while scale < ideal, let (reduced, rest) = digits.divMod(ten), rest.isZero {
                digits = reduced
                scale += 1
            }
        }
        return PythonDecimal(negative: sign, coefficient: digits, exponent: scale).rounded()
    }

    /// `//` and `%`: the quotient truncated toward zero (exponent 0) and the remainder with the dividend's sign.
    private func integerDivision(_ other: PythonDecimal) throws -> (quotient: PythonDecimal, remainder: PythonDecimal) {
        try PythonDecimal.checkDivisor(self, other)
        let target = min(exponent, other.exponent)
        let left = coefficient * (try PythonDecimal.powerOfTen(exponent - target))
        let right = other.coefficient * (try PythonDecimal.powerOfTen(other.exponent - target))
        guard let (whole, rest) = left.divMod(right) else { throw PythonDecimal.divisionError("DivisionByZero") }
        guard whole.description.count <= PythonDecimal.precision else { throw PythonDecimal.divisionError("DivisionImpossible") }
        return (PythonDecimal(negative: negative != other.negative, coefficient: whole, exponent: 0),
                PythonDecimal(negative: negative, coefficient: rest, exponent: target).rounded())
    }

    /// `**` with a whole exponent; a fractional one is not supported.
    private func power(_ other: PythonDecimal) throws -> PythonDecimal {
        guard other.isWhole else {
            throw TemplateError(.invalidOperation, "decimal ** with a fractional exponent is not supported")
        }
        guard let count = try other.truncated().asInt, count.magnitude <= PythonDecimal.exponentLimit,
              let digits = coefficient.power(Swift.abs(count)) else {
            throw TemplateError(.limitExceeded, "decimal result of ** is too large")
        }
        let raised = PythonDecimal(negative: negative && count % 2 != 0, coefficient: digits,
                                   exponent: exponent * Swift.abs(count)).rounded()
        return count >= 0 ? raised : try PythonDecimal(integer: BigInteger(1)).quotient(raised)
    }

    /// The errors Python's decimal module raises for a zero divisor (`0 / 0` is undefined, `1 % 0` invalid).
    private static func checkDivisor(_ dividend: PythonDecimal, _ divisor: PythonDecimal) throws {
        guard divisor.coefficient.isZero else { return }
        throw divisionError(dividend.coefficient.isZero ? "DivisionUndefined" : "DivisionByZero")
    }

    private static func divisionError(_ condition: String) -> TemplateError {
        TemplateError(.invalidArgument, "[<class 'decimal.\(condition)'>]")
    }

    /// Whether the value has no fraction.
    var isWhole: Bool {
        if exponent >= 0 || coefficient.isZero { return true }
        // Beyond the largest power of ten there is, the coefficient has fewer digits than places: a fraction.
        return (try? PythonDecimal.powerOfTen(-exponent)).flatMap { coefficient.modulo($0)?.isZero } == true
    }

    /// The whole part, toward zero (Python's `int(x)`); an error when it is too large for an int.
    func truncated() throws -> BigInteger {
        let whole: BigInteger
        if exponent >= 0 {
            whole = coefficient * (try PythonDecimal.powerOfTen(exponent))
        } else if let power = try? PythonDecimal.powerOfTen(-exponent) {
            whole = coefficient.divMod(power)?.quotient ?? BigInteger(0)
        } else {
            whole = BigInteger(0)  // more places than the coefficient has digits
        }
        return negative ? -whole : whole
    }

    /// `math.ceil(x)` (`up`) or `math.floor(x)`.
    func wholeRounded(up: Bool) throws -> BigInteger {
        let whole = try truncated()
        guard !isWhole else { return whole }
        if up && !negative { return whole + BigInteger(1) }
        if !up && negative { return whole - BigInteger(1) }
        return whole
    }

    /// The nearest double (Python's `float(x)`).
    var asDouble: Double { Double(display) ?? 0 }

    /// Python's `round(x, places)`: the value at exponent `-places`, ties to even (`round(Decimal('1.50'), 0)` is `2`).
    public func rounded(places: Int) throws -> PythonDecimal {
        guard places.magnitude <= PythonDecimal.exponentLimit else {
            throw TemplateError(.limitExceeded, "decimal exponent out of range")
        }
        let target = -places
        if target <= exponent {
            return PythonDecimal(negative: negative, coefficient: coefficient * (try PythonDecimal.powerOfTen(exponent - target)),
                                 exponent: target)
        }
        let digits = PythonDecimal.roundedHalfEven(coefficient, dropping: target - exponent)
        guard digits.description.count <= PythonDecimal.precision else { throw PythonDecimal.divisionError("InvalidOperation") }
        return PythonDecimal(negative: negative, coefficient: digits, exponent: target)
    }

    /// The value with at most 28 significant digits, rounded half to even.
    func rounded() -> PythonDecimal {
        let excess = coefficient.description.count - PythonDecimal.precision
        guard excess > 0 else { return self }
        var digits = PythonDecimal.roundedHalfEven(coefficient, dropping: excess)
        var scale = exponent + excess
        if digits.description.count > PythonDecimal.precision {  // 999...9 rounded up to 1000...0
            digits = digits.divMod(BigInteger(10))?.quotient ?? digits
            scale += 1
        }
        return PythonDecimal(negative: negative, coefficient: digits, exponent: scale)
    }

    /// `value / 10^count`, rounded half to even.
    private static func roundedHalfEven(_ value: BigInteger, dropping count: Int) -> BigInteger {
        guard let unit = BigInteger(10).power(count), let (kept, dropped) = value.divMod(unit) else { return BigInteger(0) }
        let twice = dropped + dropped
        let odd = kept.modulo(BigInteger(2))?.isZero == false
        return unit < twice || (twice == unit && odd) ? kept + BigInteger(1) : kept
    }

    /// -1, 0 or 1: the exact order of two decimals, by sign and magnitude first, digits aligned only when both have
    /// their leading digit in the same place.
    func ordered(against other: PythonDecimal) throws -> Int {
        let sign = coefficient.isZero ? 0 : (negative ? -1 : 1)
        let otherSign = other.coefficient.isZero ? 0 : (other.negative ? -1 : 1)
        if sign != otherSign || sign == 0 { return sign < otherSign ? -1 : (sign > otherSign ? 1 : 0) }
        let leading = exponent + coefficient.description.count
        let otherLeading = other.exponent + other.coefficient.description.count
        if leading != otherLeading { return leading < otherLeading ? -sign : sign }
        let target = min(exponent, other.exponent)
        let left = try scaled(to: target), right = try other.scaled(to: target)
        return left == right ? 0 : (left < right ? -1 : 1)
    }
}
