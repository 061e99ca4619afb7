/// Dates of the proleptic Gregorian calendar by arithmetic, as the artifacts' times and the Spark adapter's dates
/// write them without a formatter.
public enum CivilDate {
    /// Year, month and day `days` after 1970-01-01 (before it when negative).
    public static func of(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        // Days since 0000-03-01, in 400-year eras of 146,097 days; a year from March, so February ends it.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
