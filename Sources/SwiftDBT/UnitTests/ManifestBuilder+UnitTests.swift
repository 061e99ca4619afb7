import Foundation

extension ManifestBuilder {
    /// Checks every enabled `unit_tests:` entry as dbt does when it loads them: the model under test exists (enabled)
    /// in the entry's package, every fixture file named exists under `<test-path>/fixtures`, and a model calling `is_incremental`
    /// gets a boolean `is_incremental` override (and a `this` input when it is true). Each checked entry becomes
    /// a `unit_test` node depending on its model (one per version of a versioned model, named `<name>_v<version>`).
    mutating func checkUnitTests() {
        // A disabled unit test (`config: {enabled: false}`) is not checked against models, as in dbt.
        for (spec, package) in unitTestSpecs where !spec.config.contains(where: { $0.key == "enabled" && $0.value == .bool(false) }) {
            let all = nodes.filter { $0.resourceType == .model && $0.packageName == package.name && $0.name == spec.model }
            let models = testedVersions(of: all, spec)
            guard let model = all.first else {
                fail("Unable to find model '\(package.name).\(spec.model)' for unit test '\(spec.name)' in \(spec.file)",
                     spec.location, spec.sourceLine)
                continue
            }
            let fixtureFolders = package.project.testPaths.map { $0 + "/fixtures" }
            let fixtures = Set(FileDiscovery.files(in: package.root, folders: fixtureFolders, extensions: ["csv", "sql"]).map {
                FileDiscovery.deletingPathExtension(FileDiscovery.lastPathComponent($0.resourcePath))
            })
            let named = (spec.given.map(\.rows) + [spec.expect]).compactMap { rows -> (name: String, rows: UnitTestSpec.Rows)? in
                guard case .fixture(let name) = rows.source else { return nil }
                return (name, rows)
            }
            if let missing = named.first(where: { !fixtures.contains($0.name) }) {
                fail("File not found for fixture '\(missing.name)' in unit tests in \(spec.file)",
                     missing.rows.location, missing.rows.sourceLine)
                continue
            }
            if model.version == nil, spec.versionList("include") != nil || spec.versionList("exclude") != nil {
                fail("Unit test '\(spec.name)' should not have a versions include or exclude when referencing non-versioned "
                     + "model '\(model.name)'", spec.location, spec.sourceLine)
                continue
            }
            if models.isEmpty {
                fail("Unit test '\(spec.name)' referenced a version of '\(model.name)' which was not found.", spec.location, spec.sourceLine)
                continue
            }
            if callsBuiltinIsIncremental(model) {
                guard case .bool(let incremental)? = spec.overrides["macros"]?["is_incremental"] else {
                    fail("Boolean override for 'is_incremental' must be provided for unit test '\(spec.name)' in model "
                         + "'\(model.name)'", spec.location, spec.sourceLine)
                    continue
                }
                if incremental, !spec.given.contains(where: { $0.input.trimmingCharacters(in: .whitespaces) == "this" }) {
                    fail("Unit test '\(spec.name)' for incremental model '\(model.name)' must have a 'this' input",
                         spec.location, spec.sourceLine)
                    continue
                }
            }
            for tested in models {
                do {
                    let node = try unitTestNode(spec, testing: tested, package: package,
                                                fixtureFolders: fixtureFolders.map { package.root + "/" + $0 })
                    if node.config["enabled"] != .bool(false) { nodes.append(node) }
                } catch let error as DBTError {
                    errors.append(error)
                } catch {
                    fail("\(error)", spec.location, spec.sourceLine)
                }
            }
        }
    }

    /// The versions of a model a unit test tests: all, those `versions: exclude` leaves, or those `include` names.
    private func testedVersions(of models: [ProjectNode], _ spec: UnitTestSpec) -> [ProjectNode] {
        guard models.first?.version != nil, spec.versions != .null else { return models }
        if let excluded = spec.versionList("exclude") { return models.filter { !excluded.contains($0.version?.version ?? "") } }
        if let included = spec.versionList("include") { return models.filter { included.contains($0.version?.version ?? "") } }
        return []
    }

    /// The node of one unit test of `tested`, as dbt names it (`unit_test.<package>.<model>.<name>[_v<version>]`,
    /// the version's test keeping the entry's name).
    private func unitTestNode(_ spec: UnitTestSpec, testing tested: ProjectNode, package: PackageInfo,
                              fixtureFolders: [String]) throws -> ProjectNode {
        let name = spec.name
        let fileFolders = FileDiscovery.folders(of: spec.file).dropFirst()
        let fqn = [package.name] + fileFolders + [spec.model, name]
        // dbt_project.yml's `unit_tests:` settings, then the entry's own `config:`.
        var config = NodeConfig([("enabled", .bool(true)), ("tags", .list([])), ("meta", .dict([]))])
        config.apply(try projectConfig(.unitTest, fqn: fqn, package: package))
        config.apply(try render(spec.config))
        let versionSuffix = tested.version.map { "_v\($0.version)" } ?? ""
        var node = ProjectNode(uniqueID: "unit_test.\(package.name).\(spec.model).\(name)\(versionSuffix)", resourceType: .unitTest, name: name,
                               packageName: package.name, path: FileDiscovery.folders(of: spec.file).map { $0 + "/" }.joined() + name + ".sql",
                               originalFilePath: spec.file, packageRoot: package.root,
                               fqn: fqn, rawCode: "", config: config,
                               definedAt: spec.location)
        node.description = spec.description
        node.dependsOn = [tested.uniqueID]
        node.version = tested.version
        node.unrenderedConfig = NodeConfig(spec.config)
        node.unitTest = UnitTestCase(spec: spec, testedModel: tested.uniqueID, fixtureFolders: fixtureFolders)
        return node
    }

    /// Whether a model calls dbt's own `is_incremental` (a context function in swiftdbt, `macro.dbt.is_incremental`
    /// in dbt), not one of a package's macros of that name.
    private func callsBuiltinIsIncremental(_ model: ProjectNode) -> Bool {
        model.macroCalls.contains("macro.dbt.is_incremental")
            || (model.template?.namesRead.contains("is_incremental") == true
                && session.macros.resolve("is_incremental", from: model.packageName) == nil)
    }

    private mutating func fail(_ message: String, _ location: FileLocation, _ sourceLine: String?) {
        errors.append(DBTError(.project, message, at: location, sourceLine: sourceLine))
    }
}
