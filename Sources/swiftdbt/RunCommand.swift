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
        RunInvocation.run(.run, project: project, selection: selection, flags: flags, deferral: deferral) {
            [.model]
        }
    }
}
