import Foundation

/// Times in the JSON artifacts (`generated_at`, a result's `started_at`...): `2026-12-04T14:58:15.123Z`, UTC,
/// milliseconds rounded to the nearest, the text of Foundation's `ISO8601DateFormatter` with internet date-time
/// and fractional seconds. Written by arithmetic: ICU's formatter took a quarter of `compile`'s
/// `run_results.json` on a large project (four times per node). Years outside 1970–9999 go to the formatter.
enum ArtifactTime {
    static func string(_ date: Date) -> String {
        // As CoreFoundation hands the time to ICU (milliseconds since 1970, plus a half), and as ICU splits it (floor).
        let millis = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down)
        guard millis >= 0, millis < 253_402_300_800_000 else { return formatted(date) }
        let total = Int(millis)
        let (days, millisOfDay) = total.quotientAndRemainder(dividingBy: 86_400_000)
        let (year, month, day) = CivilDate.of(daysSince1970: Int64(days))
        let seconds = millisOfDay / 1000
        return String(unsafeUninitializedCapacity: 24) { bytes in
            func put(_ value: Int, _ digits: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + digits - 1, through: offset, by: -1) {
                    bytes[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(Int(year), 4, at: 0)
            put(Int(month), 2, at: 5)
            put(Int(day), 2, at: 8)
            put(seconds / 3600, 2, at: 11)
            put(seconds / 60 % 60, 2, at: 14)
            put(seconds % 60, 2, at: 17)
            put(millisOfDay % 1000, 3, at: 20)
            (bytes[4], bytes[7], bytes[10]) = (UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: "T"))
            (bytes[13], bytes[16], bytes[19], bytes[23]) = (UInt8(ascii: ":"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "Z"))
            return 24
        }
    }

    private static func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
