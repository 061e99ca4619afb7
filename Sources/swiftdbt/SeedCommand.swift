import ArgumentParser
import SwiftDBT

/// `swiftdbt seed`: Load seed CSV files into tables.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Load seed CSV files into tables.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var flags: RunFlags

    func run() throws {
        Console.run(format: project.logFormat) { console in
            try RunInvocation.execute(.seed, project: project, flags: flags, console: console,
                                      args: InvocationArgs("seed", project: project, selection: selection, flags: flags)) { loaded in
                try selection.select(in: loaded, types: [.seed], console: console)
            }
        }
    }
}
