/// A version as dbt's package tooling reads it: `major.minor.patch`, an optional prerelease
/// (`-b1`, `rc.2`, or written straight after the patch as in `1.0.0b1`) and build metadata.
///
/// Ordered as dbt orders versions: by the numbers, then a release above its prereleases,
/// prerelease parts compared number to number and text to text (numbers first).
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// The prerelease tag without its leading dash, or nil for a release.
    public var prerelease: String?
    /// Build metadata (after `+`); ignored when ordering.
    public var build: String?

    public init(major: Int, minor: Int, patch: Int, prerelease: String? = nil, build: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses `1.2.3`, `1.2.3-rc.1`, `1.2.3b1`, `1.2.3+build`; nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text)
        if let plus = rest.firstIndex(of: "+") {
            let build = rest[rest.index(after: plus)...]
            guard build.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
            self.build = String(build)
            rest = rest[..<plus]
        } else {
            build = nil
        }
        var numbers: [Int] = []
        for _ in 0..<3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits == "0" || !digits.hasPrefix("0"), let number = Int(digits) else { return nil }
            numbers.append(number)
            rest = rest[digits.endIndex...]
            if numbers.count < 3 {
                guard rest.first == "." else { return nil }
                rest = rest.dropFirst()
            }
        }
        if rest.first == "-" { rest = rest.dropFirst() }
        if rest.isEmpty {
            prerelease = nil
        } else {
            let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
            for part in parts {
                guard !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
                if part.allSatisfy(\.isNumber), part.count > 1, part.hasPrefix("0") { return nil }
            }
            prerelease = String(rest)
        }
        (major, minor, patch) = (numbers[0], numbers[1], numbers[2])
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-" + $0 } ?? "") + (build.map { "+" + $0 } ?? "")
    }

    public var isPrerelease: Bool { prerelease != nil }

    /// Equal when the numbers and prerelease are (build metadata does not count).
    public static func == (a: SemanticVersion, b: SemanticVersion) -> Bool {
        a.major == b.major && a.minor == b.minor && a.patch == b.patch && a.prerelease == b.prerelease
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) {
            return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
        }
        switch (a.prerelease, b.prerelease) {
        case (nil, _): return false
        case (_?, nil): return true
        case let (x?, y?): return prereleaseOrder(x, y) < 0
        }
    }

    /// dbt's comparison of prerelease tags: part by part, numbers below text; a shorter tag first.
    private static func prereleaseOrder(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: ".", omittingEmptySubsequences: false)
        let right = b.split(separator: ".", omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) {
            switch (Int(x), Int(y)) {
            case let (m?, n?) where m != n: return m < n ? -1 : 1
            case (_?, nil): return -1
            case (nil, _?): return 1
            case (nil, nil) where x != y: return x < y ? -1 : 1
            default: continue
            }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
