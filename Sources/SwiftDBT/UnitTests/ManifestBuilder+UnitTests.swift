import Foundation

extension ManifestBuilder {
    /// Checks every enabled `unit_tests:` entry as dbt does when it loads them: the model under test exists (enabled)
    /// in the entry's package, every fixture file named exists under `<test-path>/fixtures`, and a model calling `is_incremental`
    /// gets a boolean `is_incremental` override (and a `this` input when it is true). swiftdbt does not run unit
    /// tests yet, so each one is named in a warning rather than passing by not running.
    mutating func checkUnitTests() {
        // A disabled unit test (`config: {enabled: false}`) is not checked against models, as in dbt.
        for (spec, package) in unitTestSpecs where !spec.config.contains(where: { $0.key == "enabled" && $0.value == .bool(false) }) {
            guard let model = nodes.first(where: { $0.resourceType == .model && $0.packageName == package.name && $0.name == spec.model }) else {
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
            session.log("[WARNING]: \(spec.location): unit test '\(spec.name)' of model '\(spec.model)' is not run: "
                        + "swiftdbt does not run unit tests yet")
        }
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
