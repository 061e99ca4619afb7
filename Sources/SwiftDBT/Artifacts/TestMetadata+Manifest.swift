extension TestMetadata {
    /// `test_metadata.kwargs` as dbt writes them: the arguments, `column_name` for a column's test, then `model`.
    var manifestKwargs: [(key: String, value: ConfigValue)] {
        var written = kwargs
        if let columnName, !kwargs.contains(where: { $0.key == "column_name" }) {
            written.append(("column_name", .string(columnName)))
        }
        if let modelArgument { written.append(("model", .string(modelArgument))) }
        return written
    }

    /// `attached_node` as dbt writes it: the model, seed or snapshot under test; none for a source's test.
    var manifestAttachedNode: String? {
        guard let attachedNode, !attachedNode.hasPrefix("source.") else { return nil }
        return attachedNode
    }
}
