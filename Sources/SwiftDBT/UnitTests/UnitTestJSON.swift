import Foundation

/// A unit test's entry in `manifest.json`'s `unit_tests` (manifest v12's `UnitTestDefinition`), its rows as dbt
/// stores them after parsing: `dict` and `csv` rows as lists of mappings (csv values as text, empty ones null),
/// fixture files read in, `sql` rows as text.
enum UnitTestJSON {
    static func describe(_ node: ProjectNode, session: CompileSession) -> ConfigValue? {
        guard let unitTest = node.unitTest else { return nil }
        let spec = unitTest.spec
        func fixture(_ rows: UnitTestSpec.Rows) -> [(key: String, value: ConfigValue)] {
            let content = try? UnitTestRows.content(of: rows, fixtureFolders: unitTest.fixtureFolders)
            let written: ConfigValue = switch content {
            case .sql(let sql)?: .string(sql)
            case .rows(let list)?: .list(list.map { ConfigValue.dict($0) })
            case nil: .null
            }
            var name: ConfigValue = .null
            if case .fixture(let file)? = rows.source { name = .string(file) }
            return [("rows", written), ("format", .string(rows.format.rawValue)), ("fixture", name)]
        }
        let overrides: ConfigValue = if case .dict(let pairs) = spec.overrides, !pairs.isEmpty {
            .dict(["macros", "vars", "env_vars"].map { ($0, spec.overrides[$0] ?? .dict([])) })
        } else {
            .null
        }
        let checksum = SHA256.hex("\(spec.model)-\(spec.given.map(\.input))-\(fixture(spec.expect).map(\.value))-\(overrides)")
        return .dict([
            ("model", .string(spec.model)),
            ("given", .list(spec.given.map { .dict([("input", .string($0.input))] + fixture($0.rows)) })),
            ("expect", .dict(fixture(spec.expect))),
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
            ("versions", .null), ("version", node.version.map { Int($0.version).map(ConfigValue.int) ?? .string($0.version) } ?? .null),
        ])
    }
}
