import Foundation

/// One constraint of `require-dbt-version` (`>=1.3.0`, `<2.0.0`, `1.10.0`), read and compared as dbt's
/// semantic versions are.
public struct VersionRequirement: Sendable, Equatable {
    public enum Matcher: String, Sendable {
        case greaterOrEqual = ">=", greater = ">", lessOrEqual = "<=", less = "<", exact = "="
    }

    public var matcher: Matcher
    /// The version compared with, ordered as dbt orders versions (`SemanticVersion`).
    public var version: SemanticVersion

    /// Parses `[matcher]MAJOR.MINOR.PATCH[-prerelease][+build]`; nil when the text is not such a version
    /// (stricter than a hub package's version: the prerelease needs its dash, as dbt's check reads it).
    public init?(_ text: String) {
        var rest = Substring(text)
        if let found = [Matcher.greaterOrEqual, .lessOrEqual, .greater, .less, .exact].first(where: { rest.hasPrefix($0.rawValue) }) {
            matcher = found
            rest = rest.dropFirst(found.rawValue.count)
        } else {
            matcher = .exact
        }
        var build: String?
        if let plus = rest.firstIndex(of: "+") {
            build = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
        }
        var core = rest
        var prerelease: String?
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            core = rest[..<dash]
            guard prerelease?.isEmpty == false else { return nil }
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
                                                  && ($0 == "0" || $0.first != "0") }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        version = SemanticVersion(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: prerelease, build: build)
    }

    /// How dbt prints it: `>=1.3.0`, `=1.10.0`.
    public var text: String { matcher.rawValue + version.description }

    /// Whether `installed` meets this constraint; a prerelease sorts before its release.
    public func isMet(by installed: SemanticVersion) -> Bool {
        switch matcher {
        case .exact: return installed == version
        case .greater: return version < installed
        case .greaterOrEqual: return !(installed < version)
        case .less: return installed < version
        case .lessOrEqual: return !(version < installed)
        }
    }

    /// The dbt-core version swiftdbt answers `require-dbt-version` with (the one it follows).
    public static let installed = SemanticVersion(SwiftDBTVersion.dbtCompatible) ?? SemanticVersion(major: 1, minor: 10, patch: 0)
}
