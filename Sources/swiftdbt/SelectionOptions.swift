import ArgumentParser
import SwiftDBT

/// `--select`, `--exclude`, `--selector` and `--resource-type`.
struct SelectionOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long], parsing: .upToNextOption, help: "Nodes to include (dbt's selection syntax).")
    var select: [String] = []

    @Option(parsing: .upToNextOption, help: "Nodes to leave out.")
    var exclude: [String] = []

    @Option(help: "A selector defined in selectors.yml.")
    var selector: String?

    @Option(name: .customLong("resource-type"), parsing: .upToNextOption, help: "Only these resource types.")
    var resourceTypes: [String] = []

    /// The unique IDs selected, limited to `defaultTypes` unless `--resource-type` says otherwise.
    func select(in loaded: LoadedProject, defaultTypes: Set<ResourceType>) throws -> [String] {
        var types = defaultTypes
        if !resourceTypes.isEmpty {
            types = Set(try resourceTypes.map { name in
                guard let type = ResourceType(rawValue: name == "data_test" ? "test" : name) else {
                    throw DBTError(.usage, "unknown resource type '\(name)'")
                }
                return type
            })
        }
        return loaded.manifest.graphNodes.filter { types.contains($0.resourceType) }.map(\.uniqueID)
    }
}
