extension PropertyFileParser {
    /// The entries under `unit_tests:`, with their rows checked against their format as dbt checks them when it parses.
    static func unitTests(_ root: YAMLNode, text: String, file: String) throws -> [UnitTestSpec] {
        try list(root, "unit_tests").map { entry in
            let name = try name(of: entry, "unit test")
            guard let model = try optionalText(entry, "model"), !model.isEmpty else {
                throw DBTError(.project, "unit test '\(name)' needs a 'model'", at: entry.location)
            }
            let given = try list(entry, "given").map { item -> UnitTestSpec.Given in
                guard item.isMapping, let input = try optionalText(item, "input"), !input.isEmpty else {
                    throw DBTError(.project, "each 'given' of unit test '\(name)' needs an 'input'", at: item.location)
                }
                return UnitTestSpec.Given(input: input, rows: try rows(item, test: name, role: "input", text: text))
            }
            guard let expect = entry["expect"], expect.isMapping else {
                throw DBTError(.project, "unit test '\(name)' needs an 'expect' mapping", at: entry["expect"]?.location ?? entry.location)
            }
            let overrides = entry["overrides"]
            if let overrides, !overrides.isNull, !overrides.isMapping {
                throw DBTError(.project, "'overrides' of unit test '\(name)' must be a mapping", at: overrides.location)
            }
            let versions = entry["versions"]
            if let versions, !versions.isNull, !versions.isMapping {
                throw DBTError(.project, "'versions' of unit test '\(name)' must be a mapping", at: versions.location)
            }
            var spec = UnitTestSpec(name: name, model: model, given: given, expect: try rows(expect, test: name, role: "expected", text: text),
                                    overrides: overrides?.value ?? .dict([]), config: try config(entry["config"]),
                                    description: try optionalText(entry, "description") ?? "",
                                    location: entry.location, sourceLine: SourceText.line(entry.location.line, of: text), file: file)
            spec.versions = versions?.value ?? .null
            return spec
        }
    }

    /// The `format` and `rows`/`fixture` of a `given` entry or of `expect`.
    private static func rows(_ node: YAMLNode, test: String, role: String, text: String) throws -> UnitTestSpec.Rows {
        let formatText = try optionalText(node, "format") ?? UnitTestSpec.RowFormat.dict.rawValue
        guard let format = UnitTestSpec.RowFormat(rawValue: formatText) else {
            throw DBTError(.project, "'format' of unit test '\(test)' must be dict, csv or sql, not '\(formatText)'",
                           at: node["format"]?.location ?? node.location)
        }
        // dbt's messages: dict rows must be a list; csv and sql rows (or a fixture) must be text.
        let mismatch = format == .dict
            ? "Unit test \(test) has \(role) rows which do not match format dict"
            : "Unit test \(test) has \(role) rows or fixtures which do not match format \(format.rawValue).  Expected string."
        let rows = node["rows"].flatMap { $0.isNull ? nil : $0 }
        let source: UnitTestSpec.RowSource?
        if let fixture = try optionalText(node, "fixture") {
            source = .fixture(fixture)
        } else if let rows {
            guard format == .dict ? rows.isSequence : rows.scalarText != nil else {
                throw DBTError(.project, mismatch, at: rows.location)
            }
            source = .inline(rows.value)
        } else {
            // A dict input without rows reads the seed of its name in dbt; anything else needs rows.
            guard format == .dict, role == "input" else { throw DBTError(.project, mismatch, at: node.location) }
            source = nil
        }
        let location = node["fixture"]?.location ?? node.location
        return UnitTestSpec.Rows(format: format, source: source, location: location,
                                 sourceLine: SourceText.line(location.line, of: text))
    }
}
