/// The evaluated arguments of a call: positional first, then keyword arguments in source order.
public struct Arguments {
    public var positional: [Value]
    public var keyword: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keyword: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keyword = keyword
    }

    public var isEmpty: Bool { positional.isEmpty && keyword.isEmpty }

    /// The keyword argument `name`, if given.
    public func named(_ name: String) -> Value? {
        keyword.first(where: { $0.name == name })?.value
    }

    /// The argument at `position` or by `name` (Python's binding of one parameter), if given.
    public func value(_ position: Int, _ name: String) -> Value? {
        position < positional.count ? positional[position] : named(name)
    }

    /// Binds arguments to a Python signature `names` (with `defaults` for trailing parameters),
    /// failing on unknown keywords, duplicates and too many positional arguments.
    public func bind(_ function: String, _ names: [String], defaults: [String: Value] = [:]) throws -> [Value] {
        guard positional.count <= names.count else {
            throw TemplateError(.invalidArgument,
                "\(function)() takes at most \(names.count) argument(s) (\(positional.count) given)")
        }
        var bound = Array(positional)
        bound.reserveCapacity(names.count)
        for name in names.dropFirst(positional.count) {
            bound.append(named(name) ?? defaults[name] ?? .undefined(name))
        }
        for (name, _) in keyword {
            guard let position = names.firstIndex(of: name) else {
                throw TemplateError(.invalidArgument, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            if position < positional.count {
                throw TemplateError(.invalidArgument, "\(function)() got multiple values for argument '\(name)'")
            }
        }
        return bound
    }
}
