import Yams

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
    func spec(_ node: Node) throws -> SelectionSpec {
        if let mapping = node.mapping {
            let keys = mapping.keys.compactMap(\.scalar?.string)
            if keys.contains(where: { $0 == "union" || $0 == "intersection" }), keys.count > 1 {
                throw source.error("Only a single 'union' or 'intersection' key is allowed in a root level "
                                   + "selector definition; found \(keys.joined(separator: ",")).", at: node)
            }
        }
        if node.sequence != nil {
            throw source.error("Valid root-level selector definitions: union, intersection, string, dictionary. "
                               + "No lists.", at: node)
        }
        return try definition(node)
    }

    private func definition(_ node: Node) throws -> SelectionSpec {
        if let text = node.scalar?.string {
            return .criterion(try source.locating(node) { try SelectionCriterion.parse(text) })
        }
        guard node.mapping != nil else {
            throw source.error("expected a string or a mapping as a selector definition", at: node)
        }
        if let list = node["union"] { return try setDefinition(.union, "union", list) }
        if let list = node["intersection"] { return try setDefinition(.intersection, "intersection", list) }
        return try mappingDefinition(node)
    }

    /// A `union:` or `intersection:` list; one item may be an `exclude:` mapping, subtracted last.
    private func setDefinition(_ operation: SelectionGroup.Operation, _ key: String,
                               _ list: Node) throws -> SelectionSpec {
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
    private func mappingDefinition(_ node: Node) throws -> SelectionSpec {
        let pairs = node.mapping.map(Array.init) ?? []
        if pairs.count == 1, let pair = pairs.first {
            let method = try string(pair.key, "a method name")
            return .criterion(try criterion(node, method: method, methodNode: pair.key, value: pair.value))
        }
        guard let methodNode = node["method"], let valueNode = node["value"] else {
            let keys = pairs.compactMap { $0.key.scalar?.string }.map { "'\($0)'" }.joined(separator: ", ")
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
    private func criterion(_ node: Node, method: String, methodNode: Node,
                           value valueNode: Node) throws -> SelectionCriterion {
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
    private func exclusion(_ list: Node) throws -> SelectionSpec? {
        let parts = try items(of: list, key: "exclude").map(definition)
        guard parts.count > 1 else { return parts.first }
        return .group(SelectionGroup(.union, parts, indirectSelection: .eager))
    }

    private func subtracting(_ excluded: SelectionSpec?, from base: SelectionSpec) -> SelectionSpec {
        guard let excluded else { return base }
        return .group(SelectionGroup(.difference, [base, excluded], indirectSelection: .eager))
    }

    /// The items of a set-operation list, each a string or a mapping.
    private func items(of list: Node, key: String) throws -> [Node] {
        guard let items = list.sequence else {
            throw source.error("Invalid value for key \"\(key)\". Expected a list.", at: list)
        }
        for item in items where item.scalar == nil && item.mapping == nil {
            throw source.error("Invalid value in key \"\(key)\": expected a string or a mapping", at: item)
        }
        return Array(items)
    }

    private func string(_ node: Node, _ what: String) throws -> String {
        guard let text = node.scalar?.string else { throw source.error("\(what) must be a string", at: node) }
        return text
    }

    private func flag(_ node: Node, _ key: String) throws -> Bool {
        guard let value = node[key] else { return false }
        guard let flag = value.bool else { throw source.error("`\(key)` must be true or false", at: value) }
        return flag
    }

    /// A depth in edges; 0 or absent means unlimited, as in dbt.
    private func depth(_ node: Node, _ key: String) throws -> Int? {
        guard let value = node[key] else { return nil }
        guard let depth = value.int, depth >= 0 else {
            throw source.error("`\(key)` must be a whole number", at: value)
        }
        return depth == 0 ? nil : depth
    }
}
