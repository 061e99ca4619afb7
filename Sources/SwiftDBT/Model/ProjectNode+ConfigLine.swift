extension ProjectNode {
    /// Where a config `key` of this node is set, as far as its own file tells: the first line of a
    /// model's SQL that names the key, else where the node is defined (the value may come from a
    /// YAML or project config). With the offending line, when it is the node's own. A snapshot's code is its
    /// block's body, which starts on the line of the block's tag.
    func configLine(_ key: String) -> (location: FileLocation, line: String?) {
        guard resourceType == .model || resourceType == .snapshot else { return (definedAt, nil) }
        let firstLine = resourceType == .snapshot ? definedAt.line : 1
        let lines = rawCode.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            guard let found = line.range(of: key) else { continue }
            let column = line.distance(from: line.startIndex, to: found.lowerBound) + 1
            return (FileLocation(path: definedAt.path, line: firstLine + offset, column: column), SourceText.line(offset + 1, of: rawCode))
        }
        return (definedAt, resourceType == .snapshot ? nil : SourceText.line(definedAt.line, of: rawCode))
    }
}
