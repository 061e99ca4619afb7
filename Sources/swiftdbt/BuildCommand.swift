import ArgumentParser
import SwiftDBT

/// `swiftdbt build`: Seed, build and test the selected nodes in DAG order.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Seed, build and test the selected nodes in DAG order.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resourceTypes: ResourceTypeOptions
    @OptionGroup var flags: RunFlags
    @OptionGroup var deferral: DeferOptions

    func run() throws {
        RunInvocation.run(.build, project: project, selection: selection, resourceTypes: resourceTypes, flags: flags, deferral: deferral) {
            try resourceTypes.types(.build)
        }
    }
}
