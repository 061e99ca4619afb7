/// The lazy iterator Jinja2's `map`, `select`, `unique`, `batch`, `slice`, `items` and `reverse`
/// return: always truthy, without a length or indexing, computed when first iterated (so errors
/// in the items surface then) and used up by iterating it.
final class Generator: HostObject {
    private let name: String
    private var produce: (() throws -> [Value])?
    private var items: [Value] = []
    private var position = 0

    /// `name` is the Python function's, shown when the generator is printed.
    init(_ name: String, _ produce: @escaping () throws -> [Value]) {
        self.name = name
        self.produce = produce
    }

    var typeName: String { "generator" }

    /// The next item, consumed; nil once exhausted.
    func next() throws -> Value? {
        try start()
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }

    /// The items not consumed yet, all consumed.
    func iterate() throws -> [Value]? {
        try start()
        defer { position = items.count }
        return Array(items[position...])
    }

    private func start() throws {
        guard let produce else { return }
        self.produce = nil
        items = try produce()
    }

    var display: String { "<generator object \(name)>" }
}

extension Value {
    /// A lazy result of the filter implemented by the Python function `name`.
    static func generator(_ name: String, _ produce: @escaping () throws -> [Value]) -> Value {
        .object(Generator(name, produce))
    }
}
