/// A Unix shell-style pattern as Python's `fnmatch` reads it: `*` (any run, slashes and dots included), `?`,
/// `[abc]`, `[a-z]`, `[!abc]`; a `[` without a closing `]` is literal. Case-sensitive, as on POSIX.
struct WildcardPattern: Sendable {
    private enum Token: Sendable {
        case scalar(Unicode.Scalar)
        case anyScalar
        case star
        case set(ranges: [ClosedRange<Unicode.Scalar>], negated: Bool)

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .scalar(let expected): return scalar == expected
            case .anyScalar, .star: return true
            case .set(let ranges, let negated): return ranges.contains { $0.contains(scalar) } != negated
            }
        }
    }

    private let tokens: [Token]

    init(_ pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            switch scalars[i] {
            case "*":
                if case .star = tokens.last {} else { tokens.append(.star) }
                i += 1
            case "?":
                tokens.append(.anyScalar)
                i += 1
            case "[":
                if let (set, end) = Self.bracket(scalars, openingAt: i) {
                    tokens.append(set)
                    i = end + 1
                } else {
                    tokens.append(.scalar("["))
                    i += 1
                }
            default:
                tokens.append(.scalar(scalars[i]))
                i += 1
            }
        }
        self.tokens = tokens
    }

    /// Whether the pattern is a lone `*`, which matches any text.
    var matchesAnything: Bool {
        guard tokens.count == 1, case .star = tokens[0] else { return false }
        return true
    }

    /// Whether a value uses any of the characters dbt treats as wildcards.
    static func hasWildcard(_ value: some StringProtocol) -> Bool {
        value.contains { "*?[]".contains($0) }
    }

    /// Whether the whole of `text` matches; a star remembers where to resume when a later token fails.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var position = 0, token = 0
        var resume: (token: Int, position: Int)?
        while position < scalars.count {
            if token < tokens.count, case .star = tokens[token] {
                resume = (token + 1, position)
                token += 1
            } else if token < tokens.count, tokens[token].matches(scalars[position]) {
                token += 1
                position += 1
            } else if let star = resume {
                resume = (star.token, star.position + 1)
                token = star.token
                position = star.position + 1
            } else {
                return false
            }
        }
        while token < tokens.count, case .star = tokens[token] { token += 1 }
        return token == tokens.count
    }

    /// The set opened at `open` and the index of its closing bracket; a `]` right after `[` or `[!` is a member.
    private static func bracket(_ scalars: [Unicode.Scalar], openingAt open: Int) -> (Token, Int)? {
        var start = open + 1
        let negated = start < scalars.count && scalars[start] == "!"
        if negated { start += 1 }
        var end = start
        if end < scalars.count && scalars[end] == "]" { end += 1 }
        while end < scalars.count && scalars[end] != "]" { end += 1 }
        guard end < scalars.count else { return nil }

        let members = scalars[start..<end]
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var i = members.startIndex
        while i < members.endIndex {
            if i + 2 < members.endIndex, members[i + 1] == "-" {
                if members[i] <= members[i + 2] { ranges.append(members[i]...members[i + 2]) }
                i += 3
            } else {
                ranges.append(members[i]...members[i])
                i += 1
            }
        }
        return (.set(ranges: ranges, negated: negated), end)
    }
}
