import Jinja

/// Renders descriptions as dbt does after parsing: text with Jinja in it is rendered with the
/// YAML context (`var`, `env_var`, `target`) plus `doc('name')` / `doc('package', 'name')`, which
/// gives a docs block's contents; text without Jinja is kept as written.
struct DescriptionRenderer {
    /// Docs blocks by name, then by package.
    private let docs: [String: [(package: String, block: DocBlock)]]
    private let rootPackage: String
    private let environment: Jinja.Environment
    private let context: [String: Value]

    init(docs: [DocBlock], rootPackage: String, environment: Jinja.Environment, context: [String: Value]) {
        var byName: [String: [(package: String, block: DocBlock)]] = [:]
        for block in docs { byName[block.name, default: []].append((block.packageName, block)) }
        self.docs = byName
        self.rootPackage = rootPackage
        self.environment = environment
        self.context = context
    }

    /// `text` rendered for the resource `owner` of `package`; errors are reported at `location`.
    func render(_ text: String, owner: String, package: String, at location: FileLocation?) throws -> String {
        guard DescriptionRenderer.hasJinja(text) else { return text }
        var context = self.context
        context["doc"] = .function("doc") { arguments, _ in
            .string(try resolve(arguments, owner: owner, package: package).blockContents)
        }
        do {
            return try environment.render(text, context, name: location?.path ?? owner)
        } catch let error as TemplateError {
            throw DBTError(.compilation, error.message, at: location)
        }
    }

    /// The block `doc(...)` names: with a package, only that package's; without, the root project's,
    /// then the calling resource's package's, then any package's (dbt's search order).
    private func resolve(_ arguments: Arguments, owner: String, package: String) throws -> DocBlock {
        guard arguments.keyword.isEmpty, (1...2).contains(arguments.positional.count) else {
            throw TemplateError(.invalidArgument, "doc() takes a name, or a package and a name")
        }
        let name = arguments.positional.last?.str ?? ""
        let named = arguments.positional.count == 2 ? arguments.positional[0].str : nil
        let candidates = docs[name] ?? []
        let found = named.map { wanted in candidates.first { $0.package == wanted } }
            ?? candidates.first { $0.package == rootPackage } ?? candidates.first { $0.package == package } ?? candidates.first
        guard let found else {
            let inPackage = named.map { " in package '\($0)'" } ?? ""
            throw TemplateError(.raised, "the description of '\(owner)' uses doc '\(name)'\(inPackage), which is not defined")
        }
        return found.block
    }

    /// Whether `text` holds a Jinja delimiter (`{{`, `{%`, `{#`, `}}`, `%}`, `#}`); dbt renders only such text.
    static func hasJinja(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "{"), byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#") {
                return true
            }
            if byte == UInt8(ascii: "}"), previous == UInt8(ascii: "#") || previous == UInt8(ascii: "}") || previous == UInt8(ascii: "%") {
                return true
            }
            previous = byte
        }
        return false
    }
}
