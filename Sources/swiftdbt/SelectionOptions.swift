import ArgumentParser
import Foundation
import SwiftDBT

/// `--select`, `--exclude`, `--selector`, `--indirect-selection` and `--state` (`--resource-type` is
/// `ResourceTypeOptions`, on the commands that take it).
struct SelectionOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long], parsing: .upToNextOption, help: "Nodes to include (dbt's selection syntax).")
    var select: [String] = []

    @Option(parsing: .upToNextOption, help: "Nodes to leave out.")
    var exclude: [String] = []

    @Option(help: "A selector defined in selectors.yml.")
    var selector: String?

    @Option(name: .customLong("indirect-selection"),
            help: "eager, cautious, buildable or empty (default: $DBT_INDIRECT_SELECTION, the project's flags, eager).")
    var indirectSelection: String?

    @Option(help: "The target folder of an earlier invocation, for state:, result: and source_status: selection (default: $DBT_STATE).")
    var state: String?

    /// The unique IDs selected, limited to `types` (the command's, or those of its `ResourceTypeOptions`).
    func select(in loaded: LoadedProject, types: Set<ResourceType>, console: Console) throws -> [String] {
        let indirect = try IndirectSelection.resolved(commandLine: indirectSelection,
                                                      environment: loaded.session.environmentVariables,
                                                      project: loaded.session.project.indirectSelection)
        let spec = try self.spec(loaded)
        let graph = ProjectGraph(nodes: loaded.manifest.graphNodes)
        let selection = spec.evaluate(on: graph, indirect: indirect, rootProject: loaded.session.project.name,
                                      state: try comparison(spec, loaded))
        for warning in selection.warnings { console.warn(warning) }
        return selection.restricted(to: types).uniqueIDs
    }

    /// The comparison with `--state` (or `DBT_STATE`) when the selection reads it.
    private func comparison(_ spec: SelectionSpec, _ loaded: LoadedProject) throws -> StateComparison? {
        guard spec.readsState else { return nil }
        guard let folder = state ?? loaded.session.environmentVariables["DBT_STATE"], !folder.isEmpty else {
            throw DBTError(.usage, "a state:, result: or source_status: selector needs --state (or DBT_STATE): the target folder of an earlier invocation")
        }
        let comparison = try StateComparison(loaded, state: StateManifest.read(folder))
        if spec.uses(.sourceStatus) { try comparison.requireSourceStatus() }
        return comparison
    }

    /// The command line's selection, or the named (or default) selector of `selectors.yml`.
    private func spec(_ loaded: LoadedProject) throws -> SelectionSpec {
        let path = (loaded.session.project.root as NSString).appendingPathComponent("selectors.yml")
        let file = FileManager.default.fileExists(atPath: path)
            ? try SelectorFile.parse(yaml: try String(contentsOfFile: path, encoding: .utf8), path: "selectors.yml") : nil
        if let selector {
            guard let file else { throw DBTError(.usage, "--selector \(selector): there is no selectors.yml") }
            return try file.spec(named: selector)
        }
        if select.isEmpty, exclude.isEmpty, let fallback = file?.defaultEntry {
            return fallback.spec
        }
        return try SelectionSpec.parse(select: select, exclude: exclude)
    }
}
