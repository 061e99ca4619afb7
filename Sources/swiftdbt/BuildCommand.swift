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
        Console.run(format: project.logFormat) { console in
            try RunInvocation.execute(.build, project: project, flags: flags, console: console,
                                      args: InvocationArgs("build", project: project, selection: selection, resourceTypes: resourceTypes, flags: flags,
                                                           deferral: deferral),
                                      deferral: { loaded, selected, connection in
                try deferral.apply(loaded, selected: selected, stateFolder: selection.state, connection: connection, console: console)
            }) { loaded in
                try selection.select(in: loaded, types: try resourceTypes.types(.build), console: console)
            }
        }
    }
}
