/// `'{:.2f}'.format(x)` of a decimal, as `Decimal.__format__` lays it out: no type prints `str(x)`, `f` and `%` are
/// exact (rounded half to even at the precision, every digit kept without one). Python's exact `e`, `g` and `n`
/// layouts (and a precision without a type) are not implemented and fail rather than print a float's digits.
extension FormattedNumber {
    init(decimal: PythonDecimal, type: Character?, precision: Int?, alternate: Bool) throws {
        switch type {
        case nil where precision == nil:
            let text = decimal.magnitude.display
            let digitCount = text.prefix { $0.isASCII && $0.isNumber }.count
            self.init(sign: decimal.negative, digits: String(text.prefix(digitCount)), rest: String(text.dropFirst(digitCount)))
        case "f", "F", "%":
            var value = decimal
            if type == "%" {  // the point moves two places: `1.50` is `150%`
                value = PythonDecimal(negative: value.negative, coefficient: value.coefficient, exponent: value.exponent + 2)
            }
            if let precision { value = try value.rounded(places: precision) }
            let (whole, fraction) = value.fixedPoint
            let point = !fraction.isEmpty || alternate ? "." : ""
            self.init(sign: decimal.negative, digits: whole, rest: point + fraction + (type == "%" ? "%" : ""))
        default:
            throw TemplateError(.invalidArgument, "format code '\(type.map(String.init) ?? ".")' of a decimal.Decimal is not supported")
        }
    }

    private init(sign negative: Bool, digits: String, rest: String) {
        self.init(float: 0, type: nil, precision: nil, alternate: false)
        self.negative = negative
        self.digits = digits
        self.rest = rest
    }
}

extension PythonDecimal {
    /// The magnitude's digits before and after the point, without an exponent (`1E+2` is `100`, `1.50` is `1` and `50`).
    public var fixedPoint: (whole: String, fraction: String) {
        let digits = coefficient.description
        if exponent >= 0 { return (digits + String(repeating: "0", count: exponent), "") }
        let places = -exponent
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        return (String(padded.dropLast(places)), String(padded.suffix(places)))
    }
}
