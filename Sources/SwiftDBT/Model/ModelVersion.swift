import Foundation

/// A versioned model's place among its versions (`versions:` in a property file, dbt 1.5+).
public struct ModelVersion: Sendable, Hashable {
    /// The version as written (`2`, `1.5`, `beta`): the unique ID ends in `.v<version>`.
    public var version: String
    /// The version unpinned refs resolve to (the model's `latest_version`, else the highest `v`).
    public var latest: String
    /// `deprecation_date`, as written.
    public var deprecationDate: String?

    /// Where the version stands against the latest one (`version:` selection).
    public enum Standing: String, Sendable {
        case latest, prerelease, old
    }

    public var standing: Standing {
        switch ModelVersion.compare(version, latest) {
        case .orderedSame: return .latest
        case .orderedDescending: return .prerelease
        case .orderedAscending: return .old
        }
    }

    /// `deprecation_date` as dbt records it: a date alone (`2030-01-01`) is midnight in the local time
    /// zone, written with its offset (`2030-01-01T00:00:00+00:00`); anything else as written.
    static func deprecationDate(_ written: String) -> String {
        let parts = written.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return written }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        guard let midnight = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return written }
        let offset = TimeZone.current.secondsFromGMT(for: midnight) / 60
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 60, minutes = abs(offset) % 60
        return "\(written)T00:00:00\(sign)\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// dbt's order of versions: numerically when both are numbers, else as text.
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        if let x = Double(a), let y = Double(b) {
            return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        }
        return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    /// Whether a `ref()` with `pinned` (nil when unpinned) names a node of `version`: a pinned ref
    /// only that version of a versioned model, an unpinned ref the latest version or an unversioned node.
    static func resolves(_ pinned: String?, to version: ModelVersion?) -> Bool {
        guard let version else { return pinned == nil }
        return compare(version.version, pinned ?? version.latest) == .orderedSame
    }
}
