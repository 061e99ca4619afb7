import Foundation

/// One batch of a `microbatch` incremental model: the event-time window `[start, end)` it rebuilds.
struct MicrobatchWindow: Sendable, Equatable {
    let start: Date
    let end: Date
    let size: MicrobatchSize

    /// dbt's batch id: the batch's start at its size's precision, without dashes (`20240102`).
    var id: String { size.label(start).replacingOccurrences(of: "-", with: "") }

    /// The condition an upstream relation with `event_time` column `column` gets inside this batch.
    func filter(_ column: String) -> String {
        "\(column) >= '\(MicrobatchWindow.text(start))' and \(column) < '\(MicrobatchWindow.text(end))'"
    }

    /// A bound as dbt prints a UTC datetime (`2024-01-02 00:00:00+00:00`).
    static func text(_ date: Date) -> String {
        let parts = MicrobatchSize.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d+00:00", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

/// A microbatch model's `batch_size`.
enum MicrobatchSize: String, Sendable, CaseIterable {
    case hour, day, month, year

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    private var component: Calendar.Component {
        switch self {
        case .hour: return .hour
        case .day: return .day
        case .month: return .month
        case .year: return .year
        }
    }

    /// The start of the batch holding `date`.
    func truncate(_ date: Date) -> Date {
        let kept: Set<Calendar.Component> = switch self {
        case .hour: [.year, .month, .day, .hour]
        case .day: [.year, .month, .day]
        case .month: [.year, .month]
        case .year: [.year]
        }
        return MicrobatchSize.calendar.date(from: MicrobatchSize.calendar.dateComponents(kept, from: date)) ?? date
    }

    /// The start of the batch `count` batches after (or before) the one holding `date`.
    func offset(_ date: Date, by count: Int) -> Date {
        MicrobatchSize.calendar.date(byAdding: component, value: count, to: truncate(date)) ?? date
    }

    /// `date` if it starts a batch, else the start of the next batch.
    func ceiling(_ date: Date) -> Date {
        truncate(date) == date ? date : offset(date, by: 1)
    }

    /// A batch start as dbt names it: `2024`, `2024-01`, `2024-01-02`, `2024-01-02T03`.
    func label(_ date: Date) -> String {
        let parts = MicrobatchSize.calendar.dateComponents([.year, .month, .day, .hour], from: date)
        let (year, month, day, hour) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0)
        switch self {
        case .year: return String(format: "%04d", year)
        case .month: return String(format: "%04d-%02d", year, month)
        case .day: return String(format: "%04d-%02d-%02d", year, month, day)
        case .hour: return String(format: "%04d-%02d-%02dT%02d", year, month, day, hour)
        }
    }

    /// The batches from `start` to `end`, each one batch long, the last ending at `end` exactly.
    func windows(from start: Date, to end: Date) -> [MicrobatchWindow] {
        var windows: [MicrobatchWindow] = []
        var current = start
        repeat {
            let next = offset(current, by: 1)
            guard next > current else { break }
            windows.append(MicrobatchWindow(start: current, end: next, size: self))
            current = next
        } while current < end
        if let last = windows.popLast() { windows.append(MicrobatchWindow(start: last.start, end: end, size: self)) }
        return windows
    }
}
