/// Reads the top level of `selectors.yml`: a `selectors:` list of `name`, `description`, `default`, `definition`.
struct SelectorFileReader {
    private let source: YAMLSource

    init(yaml: String, path: String) {
        source = YAMLSource(text: yaml, path: path)
    }

    func entries() throws -> [SelectorFile.Entry] {
        guard let root = try source.root() else { return [] }
        guard root.isMapping, let list = root["selectors"] else {
            throw source.error("selectors.yml must be a mapping with a `selectors:` list", at: root)
        }
        guard list.isSequence else { throw source.error("`selectors` must be a list", at: list) }

        var entries: [SelectorFile.Entry] = []
        var earlier: [String: SelectionSpec] = [:]
        var defaultName: String?
        for item in list.items {
            let entry = try self.entry(item, earlier: earlier)
            if entry.isDefault, let defaultName {
                throw source.error("Found multiple selectors with `default: true`: \(defaultName) and \(entry.name)",
                                   at: item["default"] ?? item)
            }
            if entry.isDefault { defaultName = entry.name }
            earlier[entry.name] = entry.spec
            entries.append(entry)
        }
        return entries
    }

    /// One selector; `earlier` holds the selectors above it, which `method: selector` may reuse.
    private func entry(_ node: YAMLNode, earlier: [String: SelectionSpec]) throws -> SelectorFile.Entry {
        guard node.isMapping else { throw source.error("a selector must be a mapping", at: node) }
        guard let name = node["name"] else { throw source.error("a selector needs a `name`", at: node) }
        guard let nameText = name.scalarText else { throw source.error("`name` must be a string", at: name) }
        guard let definition = node["definition"] else {
            throw source.error("selector '\(nameText)' needs a `definition`", at: node)
        }
        let description = try node["description"].map { description in
            guard let text = description.scalarText else {
                throw source.error("`description` must be a string", at: description)
            }
            return text
        }
        let isDefault = try node["default"].map { flag in
            guard case .scalar(.bool(let value)) = flag.kind else { throw source.error("`default` must be true or false", at: flag) }
            return value
        } ?? false
        let spec = try SelectorDefinitionParser(source: source, earlier: earlier).spec(definition)
        return SelectorFile.Entry(name: nameText, description: description, isDefault: isDefault, spec: spec)
    }
}
