import Foundation

/// The versions a list of dbt version specifiers allows together: `>=1.3.0`, `<2.0.0`, `1.2.3`
/// (a pin), `=1.2.3`, `>`, `<=`, each entry narrowing the range (as `require-dbt-version` and a hub
/// package's `version:` list are read).
public struct VersionRange: Sendable, Equatable, CustomStringConvertible {
    /// One end of a range.
    public struct Bound: Sendable, Equatable {
        public var version: SemanticVersion
        public var inclusive: Bool
    }

    /// The lowest allowed version, nil when unbounded below.
    public var lower: Bound?
    /// The highest allowed version, nil when unbounded above.
    public var upper: Bound?

    /// Every version.
    public static let any = VersionRange(lower: nil, upper: nil)

    public init(lower: Bound?, upper: Bound?) {
        self.lower = lower
        self.upper = upper
    }

    /// One specifier (`>=1.0.0`, `1.2.3`); nil when it is not one.
    public init?(specifier text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let matcher = ["<=", ">=", "<", ">", "="].first { trimmed.hasPrefix($0) } ?? ""
        guard let version = SemanticVersion(String(trimmed.dropFirst(matcher.count))) else { return nil }
        switch matcher {
        case ">=": self.init(lower: Bound(version: version, inclusive: true), upper: nil)
        case ">": self.init(lower: Bound(version: version, inclusive: false), upper: nil)
        case "<=": self.init(lower: nil, upper: Bound(version: version, inclusive: true))
        case "<": self.init(lower: nil, upper: Bound(version: version, inclusive: false))
        default:
            let bound = Bound(version: version, inclusive: true)
            self.init(lower: bound, upper: bound)
        }
    }

    /// Whether `version` is inside the range. As in dbt, `<X` also excludes the prereleases of `X`.
    public func contains(_ version: SemanticVersion) -> Bool {
        if let lower, version < lower.version || (!lower.inclusive && version == lower.version) { return false }
        if let upper {
            if upper.version < version || (!upper.inclusive && version == upper.version) { return false }
            if !upper.inclusive, !upper.version.isPrerelease, version.isPrerelease,
               (version.major, version.minor, version.patch) == (upper.version.major, upper.version.minor, upper.version.patch) {
                return false
            }
        }
        return true
    }

    /// The range both allow, or nil when they allow nothing in common.
    public func intersection(_ other: VersionRange) -> VersionRange? {
        let lower = VersionRange.tighter(lower, other.lower, keepHigher: true)
        let upper = VersionRange.tighter(upper, other.upper, keepHigher: false)
        if let lower, let upper {
            if upper.version < lower.version { return nil }
            if upper.version == lower.version, !(upper.inclusive && lower.inclusive) { return nil }
        }
        return VersionRange(lower: lower, upper: upper)
    }

    private static func tighter(_ a: Bound?, _ b: Bound?, keepHigher: Bool) -> Bound? {
        guard let a else { return b }
        guard let b else { return a }
        if a.version == b.version { return Bound(version: a.version, inclusive: a.inclusive && b.inclusive) }
        return (a.version < b.version) == keepHigher ? b : a
    }

    /// The newest of `versions` inside the range.
    public func newest(of versions: [SemanticVersion]) -> SemanticVersion? {
        versions.filter(contains).max()
    }

    public var description: String {
        if let lower, let upper, lower == upper, lower.inclusive { return "=\(lower.version)" }
        let parts = [lower.map { ($0.inclusive ? ">=" : ">") + $0.version.description },
                     upper.map { ($0.inclusive ? "<=" : "<") + $0.version.description }].compactMap { $0 }
        return parts.isEmpty ? "any version" : parts.joined(separator: ", ")
    }

    /// The range of a list of specifiers (`require-dbt-version`, a hub package's `version:`);
    /// nil when one is not a specifier or they exclude each other.
    public static func allOf(_ specifiers: [String]) -> VersionRange? {
        var range = VersionRange.any
        for text in specifiers {
            guard let next = VersionRange(specifier: text), let narrowed = range.intersection(next) else { return nil }
            range = narrowed
        }
        return range
    }
}
