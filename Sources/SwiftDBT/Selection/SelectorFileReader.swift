import Yams

/// Reads the top level of `selectors.yml`: a `selectors:` list of `name`, `description`, `default`, `definition`.
struct SelectorFileReader {
    private let source: YAMLSource

    init(yaml: String, path: String) {
        source = YAMLSource(text: yaml, path: path)
    }

    func entries() throws -> [SelectorFile.Entry] {
        guard let root = try source.compose() else { return [] }
        guard let mapping = root.mapping, let list = mapping["selectors"] else {
            throw source.error("selectors.yml must be a mapping with a `selectors:` list", at: root)
        }
        guard let items = list.sequence else { throw source.error("`selectors` must be a list", at: list) }

        var entries: [SelectorFile.Entry] = []
        var earlier: [String: SelectionSpec] = [:]
        var defaultName: String?
        for item in items {
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
    private func entry(_ node: Node, earlier: [String: SelectionSpec]) throws -> SelectorFile.Entry {
        guard node.mapping != nil else { throw source.error("a selector must be a mapping", at: node) }
        guard let name = node["name"] else { throw source.error("a selector needs a `name`", at: node) }
        guard let nameText = name.scalar?.string else { throw source.error("`name` must be a string", at: name) }
        guard let definition = node["definition"] else {
            throw source.error("selector '\(nameText)' needs a `definition`", at: node)
        }
        let description = try node["description"].map { description in
            guard let text = description.scalar?.string else {
                throw source.error("`description` must be a string", at: description)
            }
            return text
        }
        let isDefault = try node["default"].map { flag in
            guard let value = flag.bool else { throw source.error("`default` must be true or false", at: flag) }
            return value
        } ?? false
        let spec = try SelectorDefinitionParser(source: source, earlier: earlier).spec(definition)
        return SelectorFile.Entry(name: nameText, description: description, isDefault: isDefault, spec: spec)
    }
}
