import Foundation

/// A unit test's entry in `manifest.json`'s `unit_tests` (manifest v12's `UnitTestDefinition`), its rows as dbt
/// stores them after parsing: `dict` and `csv` rows as lists of mappings (csv values as text, empty ones null),
/// fixture files read in, `sql` rows as text.
enum UnitTestJSON {
    static func describe(_ node: ProjectNode, manifest: Manifest, session: CompileSession) -> ConfigValue? {
        guard let unitTest = node.unitTest else { return nil }
        let spec = unitTest.spec
        func fixture(_ rows: UnitTestSpec.Rows, input: String?) -> (fields: [(key: String, value: ConfigValue)], repr: String) {
            let written = normalizedRows(rows, input: input, unitTest: unitTest, manifest: manifest)
            var name: ConfigValue = .null
            if case .fixture(let file)? = rows.source { name = .string(file) }
            let format = "<UnitTestFormat.\(rows.format == .dict ? "Dict" : rows.format.rawValue.uppercased()): '\(rows.format.rawValue)'>"
            let repr = (input.map { "UnitTestInputFixture(input=\(ConfigValue.string($0).jinjaValue.repr), " } ?? "UnitTestOutputFixture(")
                + "rows=\(written.jinjaValue.repr), format=\(format), fixture=\(name.jinjaValue.repr))"
            return ([("rows", written), ("format", .string(rows.format.rawValue)), ("fixture", name)], repr)
        }
        let overrides: ConfigValue = if case .dict(let pairs) = spec.overrides, !pairs.isEmpty {
            .dict(["macros", "vars", "env_vars"].map { ($0, spec.overrides[$0] ?? .dict([])) })
        } else {
            .null
        }
        let given = spec.given.map { fixture($0.rows, input: $0.input) }
        let expect = fixture(spec.expect, input: nil)
        // dbt's checksum: the Python text of everything but the description, then the rows of each input read from a file.
        let overridesRepr = overrides == .null ? "None" : "UnitTestOverrides(" + ["macros", "vars", "env_vars"].map {
            "\($0)=\((overrides[$0] ?? .dict([])).jinjaValue.repr)"
        }.joined(separator: ", ") + ")"
        let versions: ConfigValue = spec.versions == .null ? .null
            : .dict(["include", "exclude"].map { ($0, spec.versions[$0] ?? .null) })
        let versionsRepr = versions == .null ? "None" : "UnitTestNodeVersions(include=\((versions["include"] ?? .null).jinjaValue.repr), "
            + "exclude=\((versions["exclude"] ?? .null).jinjaValue.repr))"
        var hashed = "\(spec.model)-\(versionsRepr)-[\(given.map(\.repr).joined(separator: ", "))]-\(expect.repr)-\(overridesRepr)"
        for (entry, fields) in zip(spec.given, given) {
            if case .fixture? = entry.rows.source { hashed += "-" + (fields.fields.first?.value ?? .null).jinjaValue.str }
        }
        let checksum = HexDigest.sha256(hashed)
        return .dict([
            ("model", .string(spec.model)),
            ("given", .list(zip(spec.given, given).map { .dict([("input", .string($0.input))] + $1.fields) })),
            ("expect", .dict(expect.fields)),
            ("name", .string(node.name)), ("resource_type", .string("unit_test")), ("package_name", .string(node.packageName)),
            ("path", .string(FileDiscovery.folders(of: node.originalFilePath).dropFirst()
                .map { $0 + "/" }.joined() + FileDiscovery.lastPathComponent(node.originalFilePath))),
            ("original_file_path", .string(node.originalFilePath)), ("unique_id", .string(node.uniqueID)),
            ("fqn", .list(node.fqn.map(ConfigValue.string))), ("description", .string(node.description)),
            ("overrides", overrides),
            ("depends_on", .dict([("macros", .list([])), ("nodes", .list(node.dependsOn.map(ConfigValue.string)))])),
            ("config", .dict(node.config.entries)), ("checksum", .string(checksum)),
            ("schema", node.namedRelation?.schema.map(ConfigValue.string) ?? .null),
            ("created_at", .double(NodeValues.createdAt(session))),
            ("versions", versions), ("version", node.version.map { Int($0.version).map(ConfigValue.int) ?? .string($0.version) } ?? .null),
        ])
    }

    /// Rows as dbt keeps them after parsing: `dict` and `csv` rows as mappings (csv values text, empty ones null; a
    /// `dict` input without rows its seed's rows), the first row without a null moved to the top; `sql` rows as text.
    private static func normalizedRows(_ rows: UnitTestSpec.Rows, input: String?, unitTest: UnitTestCase, manifest: Manifest) -> ConfigValue {
        var content = try? UnitTestRows.content(of: rows, fixtureFolders: unitTest.fixtureFolders)
        if rows.source == nil, rows.format == .dict, case .ref(let reference)? = input.flatMap(UnitTestInput.init),
           let seed = manifest.nodes.first(where: { $0.resourceType == .seed && $0.name == reference.name }) {
            content = (try? UnitTestRows.seedRows(seed)).map { .rows($0) }
        }
        switch content {
        case .sql(let sql)?:
            return .string(sql)
        case .rows(var list)?:
            if let full = list.firstIndex(where: { row in !row.contains { $0.value == .null } }) { list.swapAt(0, full) }
            return .list(list.map { ConfigValue.dict($0) })
        case nil:
            return .null
        }
    }
}
