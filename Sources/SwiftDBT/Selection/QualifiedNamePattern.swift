/// An `fqn:` value (also a bare name such as `staging` or `jaffle_shop.staging.stg_orders`) as dbt matches it.
///
/// A node matches when its fqn, or its fqn without the leading package name, either ends in exactly the value,
/// or starts with the value's dot-separated parts. From the first part holding a wildcard on, the rest of the
/// value is matched against the rest of the fqn (joined by dots) as one pattern. Dots inside fqn parts count
/// as separators too.
struct QualifiedNamePattern: Sendable {
    private let value: String
    private let parts: [String]
    /// Where the wildcard tail starts, and the tail as a pattern.
    private let tail: (start: Int, pattern: WildcardPattern)?

    init(_ value: String) {
        self.value = value
        let parts = value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.parts = parts
        tail = parts.firstIndex(where: WildcardPattern.hasWildcard).map { start in
            (start, WildcardPattern(parts[start...].joined(separator: ".")))
        }
    }

    func matches(_ fqn: [String]) -> Bool {
        matchesScoped(fqn[...]) || matchesScoped(fqn.dropFirst())
    }

    private func matchesScoped(_ fqn: ArraySlice<String>) -> Bool {
        guard let last = fqn.last else { return false }
        if last == value { return true }
        guard startsWithLiteralParts(fqn) else { return false }
        guard let tail else { return true }
        // `fqn:*` and `a.b.*`: any tail matches, so only the number of words counts.
        if tail.pattern.matchesAnything {
            return fqn.reduce(0) { $0 + $1.utf8.reduce(1) { $1 == UInt8(ascii: ".") ? $0 + 1 : $0 } } >= parts.count
        }
        let words = fqn.flatMap { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        return words.count >= parts.count && tail.pattern.matches(words[tail.start...].joined(separator: "."))
    }

    /// Whether the fqn's words begin with the value's parts before the wildcard tail (all of them without one).
    /// Checked word by word without building the flattened fqn, since most nodes differ in the first word.
    private func startsWithLiteralParts(_ fqn: ArraySlice<String>) -> Bool {
        let count = tail?.start ?? parts.count
        var matched = 0
        for segment in fqn {
            guard matched < count else { break }
            if segment.contains(".") {
                for word in segment.split(separator: ".", omittingEmptySubsequences: false) where matched < count {
                    guard word == parts[matched] else { return false }
                    matched += 1
                }
            } else {
                guard segment == parts[matched] else { return false }
                matched += 1
            }
        }
        return matched == count
    }
}
