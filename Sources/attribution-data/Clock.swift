/// Timestamps as seconds since 1970-01-01 UTC, written as `YYYY-MM-DD HH:MM:SS` (a form every adapter reads).
enum Clock {
    static let minute = 60
    static let hour = 3_600
    static let day = 86_400

    /// Seconds since the epoch at midnight UTC of a calendar day.
    static func epoch(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * Self.day + hour * Self.hour + minute * Self.minute + second
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    static func timestamp(_ seconds: Int) -> String {
        let (date, secondOfDay) = civil(seconds)
        return date + " " + pad(secondOfDay / 3_600) + ":" + pad(secondOfDay / 60 % 60) + ":" + pad(secondOfDay % 60)
    }

    /// `YYYY-MM-DD`.
    static func date(_ seconds: Int) -> String { civil(seconds).0 }

    private static func civil(_ seconds: Int) -> (String, Int) {
        let days = seconds >= 0 ? seconds / day : (seconds - day + 1) / day
        let secondOfDay = seconds - days * day
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        return (String(y) + "-" + pad(m) + "-" + pad(d), secondOfDay)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
