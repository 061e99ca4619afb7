import Foundation

/// One constraint of `require-dbt-version` (`>=1.3.0`, `<2.0.0`, `1.10.0`), read and compared as dbt's
/// semantic versions are.
public struct VersionRequirement: Sendable, Equatable {
    public enum Matcher: String, Sendable {
        case greaterOrEqual = ">=", greater = ">", lessOrEqual = "<=", less = "<", exact = "="
    }

    public var matcher: Matcher
    public var version: [Int]
    public var prerelease: String?
    /// `+build` metadata: printed, never compared.
    public var build: String?

    /// Parses `[matcher]MAJOR.MINOR.PATCH[-prerelease][+build]`; nil when the text is not such a version.
    public init?(_ text: String) {
        var rest = Substring(text)
        if let found = [Matcher.greaterOrEqual, .lessOrEqual, .greater, .less, .exact].first(where: { rest.hasPrefix($0.rawValue) }) {
            matcher = found
            rest = rest.dropFirst(found.rawValue.count)
        } else {
            matcher = .exact
        }
        build = nil
        if let plus = rest.firstIndex(of: "+") {
            build = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
        }
        var core = rest
        prerelease = nil
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            core = rest[..<dash]
            guard prerelease?.isEmpty == false else { return nil }
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
                                                  && ($0 == "0" || $0.first != "0") }) else { return nil }
        version = parts.compactMap { Int($0) }
        guard version.count == 3 else { return nil }
    }

    /// How dbt prints it: `>=1.3.0`, `=1.10.0`.
    public var text: String {
        matcher.rawValue + version.map(String.init).joined(separator: ".") + (prerelease.map { "-" + $0 } ?? "")
            + (build.map { "+" + $0 } ?? "")
    }

    /// Whether `installed` (a plain version) meets this constraint; a prerelease sorts before its release.
    public func isMet(by installed: VersionRequirement) -> Bool {
        let order = VersionRequirement.compare(installed, self)
        switch matcher {
        case .exact: return order == 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        }
    }

    private static func compare(_ a: VersionRequirement, _ b: VersionRequirement) -> Int {
        for (x, y) in zip(a.version, b.version) where x != y { return x < y ? -1 : 1 }
        switch (a.prerelease, b.prerelease) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let x?, let y?): return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    /// The dbt-core version swiftdbt answers `require-dbt-version` with (the one it follows).
    public static let installed = VersionRequirement(SwiftDBTVersion.dbtCompatible) ?? VersionRequirement(matcher: .exact, version: [1, 10, 0])

    private init(matcher: Matcher, version: [Int]) {
        self.matcher = matcher
        self.version = version
        self.prerelease = nil
        self.build = nil
    }
}
