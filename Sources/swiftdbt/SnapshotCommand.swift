import ArgumentParser
import SwiftDBT

/// `swiftdbt snapshot`: Build the selected snapshots.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "Build the selected snapshots.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var flags: RunFlags

    func run() throws {
        Console.run(format: project.logFormat) { console in
            try RunInvocation.execute(.snapshot, project: project, flags: flags, console: console,
                                      args: InvocationArgs("snapshot", project: project, selection: selection, flags: flags)) { loaded in
                try selection.select(in: loaded, types: [.snapshot], console: console)
            }
        }
    }
}
