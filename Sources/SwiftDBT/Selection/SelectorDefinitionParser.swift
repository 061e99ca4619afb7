/// Turns a `selectors.yml` definition into a `SelectionSpec`, following dbt's three forms: a CLI-style string
/// (one criterion, graph operators allowed), a one-key `method: value` mapping, and a full mapping with
/// `method`, `value`, the graph-operator keys, `indirect_selection` and `exclude`; plus `union` and
/// `intersection` lists, and `method: selector` to reuse an earlier selector.
///
/// Groups made here admit tests eagerly, as dbt's YAML groups do whatever the command's mode.
struct SelectorDefinitionParser {
    let source: YAMLSource
    /// The selectors defined above the one being read.
    let earlier: [String: SelectionSpec]

    /// A selector's top-level definition: a string or a mapping, with at most one `union`/`intersection` key.
    func spec(_ node: YAMLNode) throws -> SelectionSpec {
        if node.isMapping {
            let keys = node.entries.map(\.key)
            if keys.contains(where: { $0 == "union" || $0 == "intersection" }), keys.count > 1 {
                throw source.error("Only a single 'union' or 'intersection' key is allowed in a root level "
                                   + "selector definition; found \(keys.joined(separator: ",")).", at: node)
            }
        }
        if node.isSequence {
            throw source.error("Valid root-level selector definitions: union, intersection, string, dictionary. "
                               + "No lists.", at: node)
        }
        return try definition(node)
    }

    private func definition(_ node: YAMLNode) throws -> SelectionSpec {
        if let text = node.scalarText {
            return .criterion(try source.locating(node) { try SelectionCriterion.parse(text) })
        }
        guard node.isMapping else {
            throw source.error("expected a string or a mapping as a selector definition", at: node)
        }
        if let list = node["union"] { return try setDefinition(.union, "union", list) }
        if let list = node["intersection"] { return try setDefinition(.intersection, "intersection", list) }
        return try mappingDefinition(node)
    }

    /// A `union:` or `intersection:` list; one item may be an `exclude:` mapping, subtracted last.
    private func setDefinition(_ operation: SelectionGroup.Operation, _ key: String,
                               _ list: YAMLNode) throws -> SelectionSpec {
        var included: [SelectionSpec] = []
        var excluded: SelectionSpec?
        for item in try items(of: list, key: key) {
            if let exclusions = item["exclude"] {
                if excluded != nil {
                    throw source.error("You cannot provide multiple exclude arguments to the same selector set "
                                       + "operator", at: item)
                }
                excluded = try exclusion(exclusions)
            } else {
                included.append(try definition(item))
            }
        }
        return subtracting(excluded, from: .group(SelectionGroup(operation, included, indirectSelection: .eager)))
    }

    /// `{method: value}`, `{method: selector, value: name}`, or a full criterion mapping.
    private func mappingDefinition(_ node: YAMLNode) throws -> SelectionSpec {
        let pairs = node.entries
        if pairs.count == 1, let pair = pairs.first {
            return .criterion(try criterion(node, method: pair.key, methodNode: node, value: pair.value))
        }
        guard let methodNode = node["method"], let valueNode = node["value"] else {
            let keys = pairs.map { $0.key }.map { "'\($0)'" }.joined(separator: ", ")
            throw source.error("Expected either 1 key or else \"method\" and \"value\" keys, but got [\(keys)]",
                               at: node)
        }
        let method = try string(methodNode, "`method`")
        if method == "selector" {
            let name = try string(valueNode, "`value`")
            guard let spec = earlier[name] else {
                throw source.error("Existing selector definition for \(name) not found.", at: valueNode)
            }
            return spec
        }
        let base = SelectionSpec.criterion(try criterion(node, method: method, methodNode: methodNode,
                                                         value: valueNode))
        return subtracting(try node["exclude"].flatMap(exclusion), from: base)
    }

    /// A criterion from its method, value and (in a full mapping) graph-operator and mode keys.
    private func criterion(_ node: YAMLNode, method: String, methodNode: YAMLNode,
                           value valueNode: YAMLNode) throws -> SelectionCriterion {
        let value = try string(valueNode, "`value`")
        let words = method.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let selectorMethod = try source.locating(methodNode) { try SelectorMethod.named(words[0]) }
        let indirect = try node["indirect_selection"].map { mode in
            try source.locating(mode) { try IndirectSelection.named(try string(mode, "`indirect_selection`")) }
        }
        return try source.locating(valueNode) {
            try SelectionCriterion(
                raw: "\(method):\(value)", method: selectorMethod, methodArguments: Array(words.dropFirst()),
                value: value, childrensParents: try flag(node, "childrens_parents"), parents: try flag(node, "parents"),
                parentsDepth: try depth(node, "parents_depth"), children: try flag(node, "children"),
                childrenDepth: try depth(node, "children_depth"), indirectSelection: indirect)
        }
    }

    /// An `exclude:` list: one definition, or the union of several (nil when empty).
    private func exclusion(_ list: YAMLNode) throws -> SelectionSpec? {
        let parts = try items(of: list, key: "exclude").map(definition)
        guard parts.count > 1 else { return parts.first }
        return .group(SelectionGroup(.union, parts, indirectSelection: .eager))
    }

    private func subtracting(_ excluded: SelectionSpec?, from base: SelectionSpec) -> SelectionSpec {
        guard let excluded else { return base }
        return .group(SelectionGroup(.difference, [base, excluded], indirectSelection: .eager))
    }

    /// The items of a set-operation list, each a string or a mapping.
    private func items(of list: YAMLNode, key: String) throws -> [YAMLNode] {
        guard list.isSequence else {
            throw source.error("Invalid value for key \"\(key)\". Expected a list.", at: list)
        }
        for item in list.items where item.scalarText == nil && !item.isMapping {
            throw source.error("Invalid value in key \"\(key)\": expected a string or a mapping", at: item)
        }
        return list.items
    }

    private func string(_ node: YAMLNode, _ what: String) throws -> String {
        guard let text = node.scalarText else { throw source.error("\(what) must be a string", at: node) }
        return text
    }

    private func flag(_ node: YAMLNode, _ key: String) throws -> Bool {
        guard let value = node[key] else { return false }
        guard case .scalar(.bool(let flag)) = value.kind else { throw source.error("`\(key)` must be true or false", at: value) }
        return flag
    }

    /// A depth in edges; 0 or absent means unlimited, as in dbt.
    private func depth(_ node: YAMLNode, _ key: String) throws -> Int? {
        guard let value = node[key] else { return nil }
        guard case .scalar(.int(let depth)) = value.kind, depth >= 0 else {
            throw source.error("`\(key)` must be a whole number", at: value)
        }
        return depth == 0 ? nil : depth
    }
}
