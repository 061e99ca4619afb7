import ArgumentParser
import Foundation
import SwiftDBT

/// `--select`, `--exclude`, `--selector`, `--resource-type`, `--indirect-selection` and `--state`.
struct SelectionOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long], parsing: .upToNextOption, help: "Nodes to include (dbt's selection syntax).")
    var select: [String] = []

    @Option(parsing: .upToNextOption, help: "Nodes to leave out.")
    var exclude: [String] = []

    @Option(help: "A selector defined in selectors.yml.")
    var selector: String?

    @Option(name: .customLong("resource-type"), parsing: .upToNextOption, help: "Only these resource types.")
    var resourceTypes: [String] = []

    @Option(name: .customLong("exclude-resource-type"), parsing: .upToNextOption, help: "Leave out these resource types.")
    var excludeResourceTypes: [String] = []

    @Option(name: .customLong("indirect-selection"),
            help: "eager, cautious, buildable or empty (default: $DBT_INDIRECT_SELECTION, the project's flags, eager).")
    var indirectSelection: String?

    @Option(help: "The target folder of an earlier invocation, for state:, result: and source_status: selection (default: $DBT_STATE).")
    var state: String?

    /// `--resource-type`'s types, else the words of `DBT_RESOURCE_TYPES`.
    var resourceTypeNames: [String] {
        resourceTypes.isEmpty ? FlagVariables().list(Self.resourceTypesVariable) : resourceTypes
    }

    /// `--exclude-resource-type`'s types, else the words of `DBT_EXCLUDE_RESOURCE_TYPES`.
    var excludedTypeNames: [String] {
        excludeResourceTypes.isEmpty ? FlagVariables().list(Self.excludedTypesVariable) : excludeResourceTypes
    }

    private static let resourceTypesVariable = "DBT_RESOURCE_TYPES", excludedTypesVariable = "DBT_EXCLUDE_RESOURCE_TYPES"

    /// The unique IDs selected, limited to `defaultTypes` unless `--resource-type` (`DBT_RESOURCE_TYPES`) says
    /// otherwise, without the types of `--exclude-resource-type` (`DBT_EXCLUDE_RESOURCE_TYPES`).
    func select(in loaded: LoadedProject, defaultTypes: Set<ResourceType>, console: Console) throws -> [String] {
        let included = try Self.types(resourceTypeNames, variable: resourceTypes.isEmpty ? Self.resourceTypesVariable : nil)
        let excluded = try Self.types(excludedTypeNames, variable: excludeResourceTypes.isEmpty ? Self.excludedTypesVariable : nil)
        let types = (included.isEmpty ? defaultTypes : included).subtracting(excluded)
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

    /// Resource types by the names dbt's options take (`data_test` for tests); `variable` names the environment
    /// variable they came from, for the message of one unknown.
    private static func types(_ names: [String], variable: String?) throws -> Set<ResourceType> {
        Set(try names.map { name in
            guard let type = ResourceType(rawValue: name == "data_test" ? "test" : name) else {
                let source = variable.map { "\($0)=\(names.joined(separator: " ")): " } ?? ""
                throw DBTError(.usage, "\(source)unknown resource type '\(name)'")
            }
            return type
        })
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
