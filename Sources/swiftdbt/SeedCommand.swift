import ArgumentParser
import SwiftDBT

/// `swiftdbt seed`: Load seed CSV files into tables.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Load seed CSV files into tables.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var flags: RunFlags

    func run() throws {
        RunInvocation.run(.seed, project: project, selection: selection, flags: flags) {
            [.seed]
        }
    }
}
