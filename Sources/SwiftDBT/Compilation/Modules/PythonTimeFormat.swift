import Jinja

/// `strftime` and `strptime` codes as Python on Linux (C locale) reads and writes them.
enum PythonTimeFormat {
    /// `value.strftime(pattern)`; unknown codes are written as they are.
    static func format(_ pattern: String, _ value: DateTimeObject) -> String {
        let parts = value.fields
        let dayOfYear = CivilCalendar.daysBeforeMonth(parts.year, parts.month) + parts.day
        let sundayFirst = (value.weekday + 1) % 7
        var out = ""
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            guard character == "%", let code = iterator.next() else {
                out.append(character)
                continue
            }
            switch code {
            case "Y": out += String(parts.year)
            case "y": out += pad(parts.year % 100)
            case "m": out += pad(parts.month)
            case "d": out += pad(parts.day)
            case "e": out += parts.day < 10 ? " \(parts.day)" : String(parts.day)
            case "H": out += pad(parts.hour)
            case "I": out += pad((parts.hour + 11) % 12 + 1)
            case "p": out += parts.hour < 12 ? "AM" : "PM"
            case "M": out += pad(parts.minute)
            case "S": out += pad(parts.second)
            case "f": out += pad(parts.microsecond, 6)
            case "j": out += pad(dayOfYear, 3)
            case "a": out += String(CivilCalendar.dayNames[value.weekday].prefix(3))
            case "A": out += CivilCalendar.dayNames[value.weekday]
            case "w": out += String(sundayFirst)
            case "u": out += String(value.weekday + 1)
            case "b", "h": out += String(CivilCalendar.monthNames[parts.month - 1].prefix(3))
            case "B": out += CivilCalendar.monthNames[parts.month - 1]
            case "U": out += pad((dayOfYear - 1 + 7 - sundayFirst) / 7)
            case "W": out += pad((dayOfYear - 1 + 7 - value.weekday) / 7)
            case "z": out += value.zone == nil ? "" : TimeZoneObject.offsetText(value.offset, separator: "")
            case "Z": out += value.zoneName ?? ""
            case "c": out += format("%a %b %e %H:%M:%S %Y", value)
            case "x", "D": out += format("%m/%d/%y", value)
            case "X", "T": out += format("%H:%M:%S", value)
            case "F": out += format("%Y-%m-%d", value)
            case "R": out += format("%H:%M", value)
            case "n": out += "\n"
            case "t": out += "\t"
            case "%": out += "%"
            default: out += "%" + String(code)
            }
        }
        return out
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `datetime.strptime(text, pattern)`, with Python's messages when the text does not fit.
    static func parse(_ text: String, _ pattern: String) throws -> DateTimeObject {
        var reader = Reader(text: Array(text.unicodeScalars))
        var parts = CivilCalendar.Fields(year: 1900)
        var twelveHour: Int?
        var afternoon: Bool?
        var dayOfYear: Int?
        var offset: Int?
        let mismatch = TemplateError(.invalidArgument, "time data \(Value.string(text).repr) does not match format \(Value.string(pattern).repr)")
        var codes = Array(pattern.unicodeScalars).makeIterator()
        while let scalar = codes.next() {
            if scalar.properties.isWhitespace {
                guard reader.skipWhitespace() else { throw mismatch }
                continue
            }
            guard scalar == "%", let code = codes.next() else {
                guard reader.take(literal: scalar) else { throw mismatch }
                continue
            }
            switch code {
            case "Y": parts.year = try reader.number(4...4) ?? { throw mismatch }()
            case "y":
                let year = try reader.number(2...2) ?? { throw mismatch }()
                parts.year = year < 69 ? 2000 + year : 1900 + year
            case "m": parts.month = try reader.number(1...2, in: 1...12) ?? { throw mismatch }()
            case "d": parts.day = try reader.number(1...2, in: 1...31) ?? { throw mismatch }()
            case "H": parts.hour = try reader.number(1...2, in: 0...23) ?? { throw mismatch }()
            case "I": twelveHour = try reader.number(1...2, in: 1...12) ?? { throw mismatch }()
            case "M": parts.minute = try reader.number(1...2, in: 0...59) ?? { throw mismatch }()
            case "S": parts.second = try reader.number(1...2, in: 0...61) ?? { throw mismatch }()
            case "j": dayOfYear = try reader.number(1...3, in: 1...366) ?? { throw mismatch }()
            case "f":
                let start = reader.position
                let micro = try reader.number(1...6) ?? { throw mismatch }()
                parts.microsecond = micro * [1, 100_000, 10_000, 1_000, 100, 10, 1][reader.position - start]
            case "b", "h", "B":
                let month = reader.name(in: CivilCalendar.monthNames, abbreviated: code != "B")
                parts.month = try month.map { $0 + 1 } ?? { throw mismatch }()
            case "a", "A":
                guard reader.name(in: CivilCalendar.dayNames, abbreviated: code == "a") != nil else { throw mismatch }
            case "p":
                guard let half = reader.name(in: ["AM", "PM"], abbreviated: false) else { throw mismatch }
                afternoon = half == 1
            case "z": offset = try reader.offset() ?? { throw mismatch }()
            case "Z":
                guard reader.name(in: ["UTC", "GMT"], abbreviated: false) != nil else { throw mismatch }
            case "%": guard reader.take(literal: "%") else { throw mismatch }
            default: throw TemplateError(.invalidArgument, "'\(code)' is a bad directive in format '\(pattern)'")
            }
        }
        guard reader.atEnd else {
            throw TemplateError(.invalidArgument, "unconverted data remains: " + String(String.UnicodeScalarView(reader.text[reader.position...])))
        }
        if let twelveHour { parts.hour = twelveHour % 12 + (afternoon == true ? 12 : 0) }
        if let dayOfYear {
            let date = CivilCalendar.date(ordinal: CivilCalendar.ordinal(year: parts.year, month: 1, day: 1) + dayOfYear - 1)
            (parts.month, parts.day) = (date.month, date.day)
        }
        try CivilCalendar.validate(year: parts.year, month: parts.month, day: parts.day)
        let local = CivilCalendar.microseconds(parts)
        guard let offset else { return DateTimeObject(local: local) }
        let zone = offset == 0 ? TimeZoneObject.utc : TimeZoneObject(.fixed(seconds: offset, name: nil))
        return DateTimeObject(local: local, zone: zone, offset: offset)
    }

    /// The text being parsed and how far the parse has come.
    private struct Reader {
        let text: [Unicode.Scalar]
        var position = 0

        var atEnd: Bool { position == text.count }

        mutating func skipWhitespace() -> Bool {
            let start = position
            while position < text.count, text[position].properties.isWhitespace { position += 1 }
            return position > start
        }

        mutating func take(literal: Unicode.Scalar) -> Bool {
            guard position < text.count,
                  String(text[position]).lowercased() == String(literal).lowercased() else { return false }
            position += 1
            return true
        }

        /// Up to `digits.upperBound` ASCII digits (at least `lowerBound`), within `range` when given.
        mutating func number(_ digits: ClosedRange<Int>, in range: ClosedRange<Int>? = nil) throws -> Int? {
            var value = 0
            var count = 0
            while count < digits.upperBound, position < text.count, let digit = text[position].properties.numericType == .decimal
                    ? Int(String(text[position])) : nil, text[position].isASCII {
                value = value * 10 + digit
                position += 1
                count += 1
            }
            guard count >= digits.lowerBound else { return nil }
            if let range, !range.contains(value) { return nil }
            return value
        }

        /// The index of the name (or its first three letters) that the text continues with, in any case.
        mutating func name(in names: [String], abbreviated: Bool) -> Int? {
            for (index, name) in names.enumerated() {
                let wanted = Array((abbreviated ? String(name.prefix(3)) : name).lowercased().unicodeScalars)
                let end = position + wanted.count
                guard end <= text.count,
                      Array(String(String.UnicodeScalarView(text[position..<end])).lowercased().unicodeScalars) == wanted else { continue }
                position = end
                return index
            }
            return nil
        }

        /// `%z`: `Z`, `+HHMM[SS]` or `+HH:MM[:SS]`.
        mutating func offset() throws -> Int? {
            if take(literal: "Z") { return 0 }
            guard position < text.count, text[position] == "+" || text[position] == "-" else { return nil }
            let sign = text[position] == "-" ? -1 : 1
            position += 1
            guard let hours = try number(2...2) else { return nil }
            let colon = take(literal: ":")
            guard let minutes = try number(2...2) else { return nil }
            var seconds = 0
            if (colon && take(literal: ":")) || (!colon && position < text.count && text[position].properties.numericType == .decimal) {
                guard let value = try number(2...2) else { return nil }
                seconds = value
            }
            return sign * (hours * 3600 + minutes * 60 + seconds)
        }
    }
}
