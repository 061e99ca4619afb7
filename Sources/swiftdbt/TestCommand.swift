import ArgumentParser
import SwiftDBT

/// `swiftdbt test`: Run data tests on the selected nodes.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run data tests on the selected nodes.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resourceTypes: ResourceTypeOptions
    @OptionGroup var flags: RunFlags
    @OptionGroup var deferral: DeferOptions

    func run() throws {
        Console.run(format: project.logFormat) { console in
            try RunInvocation.execute(.test, project: project, flags: flags, console: console,
                                      args: InvocationArgs("test", project: project, selection: selection, resourceTypes: resourceTypes, flags: flags,
                                                           deferral: deferral),
                                      deferral: { loaded, selected, connection in
                try deferral.apply(loaded, selected: selected, stateFolder: selection.state, connection: connection, console: console)
            }) { loaded in
                try selection.select(in: loaded, types: try resourceTypes.types(.test), console: console)
            }
        }
    }
}
