import Foundation

extension RunOptions {
    /// The UTC time an `--event-time-start`/`--event-time-end` value names (`2024-01-02`, `2024-01-02 03:04:05`,
    /// `2024-01-02T03:04:05`), or nil if it names none.
    public static func eventTime(_ text: String) -> Date? {
        MicrobatchPlan.timestamp(text)
    }
}
