import ArgumentParser
import SwiftDBT

/// `swiftdbt run`: Build the selected models.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Build the selected models.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var flags: RunFlags
    @OptionGroup var deferral: DeferOptions

    func run() throws {
        Console.run(format: project.logFormat) { console in
            try RunInvocation.execute(.run, project: project, flags: flags, console: console,
                                      args: InvocationArgs("run", project: project, selection: selection, flags: flags, deferral: deferral),
                                      deferral: { loaded, selected, connection in
                try deferral.apply(loaded, selected: selected, stateFolder: selection.state, connection: connection, console: console)
            }) { loaded in
                try selection.select(in: loaded, types: [.model], console: console)
            }
        }
    }
}
