/// One selection criterion such as `2+tag:nightly+`: a method and value, and the graph operators around them.
public struct SelectionCriterion: Sendable {
    /// The criterion as written (used in dbt's "does not match" warning).
    public var raw: String
    public var method: SelectorMethod
    /// The dotted words after the method name: the config key path of `config.meta.owner`.
    public var methodArguments: [String]
    public var value: String
    /// `@`: the selected nodes, their descendants, and every ancestor of those.
    public var childrensParents: Bool
    /// `+x` or `N+x`: ancestors, within `parentsDepth` edges when given.
    public var parents: Bool
    public var parentsDepth: Int?
    /// `x+` or `x+N`: descendants, within `childrenDepth` edges when given.
    public var children: Bool
    public var childrenDepth: Int?
    /// A per-criterion mode from `selectors.yml`; nil means the command's `--indirect-selection`.
    public var indirectSelection: IndirectSelection?

    /// Checks the combination dbt rejects (`@` with a `+` suffix) and the method's value.
    public init(raw: String, method: SelectorMethod, methodArguments: [String] = [], value: String,
                childrensParents: Bool = false, parents: Bool = false, parentsDepth: Int? = nil,
                children: Bool = false, childrenDepth: Int? = nil,
                indirectSelection: IndirectSelection? = nil) throws {
        if childrensParents && children {
            throw DBTError(.usage, "Invalid node spec \(raw) - \"@\" prefix and \"+\" suffix are incompatible")
        }
        try method.validate(value)
        self.raw = raw
        self.method = method
        self.methodArguments = methodArguments
        self.value = value
        self.childrensParents = childrensParents
        self.parents = parents
        self.parentsDepth = parentsDepth
        self.children = children
        self.childrenDepth = childrenDepth
        self.indirectSelection = indirectSelection
    }

    /// Parses one command-line criterion: optional `@`, optional `N+`, optional `method:` (a run of word
    /// characters and dots before the first colon), the value, optional `+N`.
    public static func parse(_ raw: String) throws -> SelectionCriterion {
        var rest = Substring(raw)
        let childrensParents = rest.first == "@"
        if childrensParents { rest = rest.dropFirst() }

        let leadingDigits = rest.prefix(while: \.isASCIIDigit)
        let parents = rest.dropFirst(leadingDigits.count).first == "+"
        let parentsDepth = parents ? try depth(leadingDigits, in: raw) : nil
        if parents { rest = rest.dropFirst(leadingDigits.count + 1) }

        var method = SelectorMethod.fqn
        var arguments: [String] = []
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].isEmpty,
           rest[..<colon].allSatisfy({ $0.isWordCharacter || $0 == "." }) {
            let words = rest[..<colon].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            method = try SelectorMethod.named(words[0])
            arguments = Array(words.dropFirst())
            rest = rest[rest.index(after: colon)...]
        } else {
            method = SelectorMethod.defaultMethod(for: String(rest.dropLast(childrenSuffixLength(rest))))
        }

        let suffixLength = childrenSuffixLength(rest)
        let children = suffixLength > 0
        let childrenDepth = children ? try depth(rest.suffix(suffixLength - 1), in: raw) : nil
        return try SelectionCriterion(
            raw: raw, method: method, methodArguments: arguments, value: String(rest.dropLast(suffixLength)),
            childrensParents: childrensParents, parents: parents, parentsDepth: parentsDepth,
            children: children, childrenDepth: childrenDepth)
    }

    /// The length of a trailing `+` or `+N`, or 0.
    private static func childrenSuffixLength(_ text: Substring) -> Int {
        let digits = text.reversed().prefix(while: \.isASCIIDigit).count
        return text.dropLast(digits).last == "+" ? digits + 1 : 0
    }

    /// A depth's digits as a number; no digits means unlimited.
    private static func depth(_ digits: Substring, in raw: String) throws -> Int? {
        guard !digits.isEmpty else { return nil }
        guard let depth = Int(digits) else {
            throw DBTError(.usage, "Invalid node spec - could not handle parent depth \(digits) in \(raw)")
        }
        return depth
    }
}

private extension Character {

    /// Python's `\w`: letters, digits and the underscore.
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}
