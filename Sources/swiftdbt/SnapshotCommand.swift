import ArgumentParser
import SwiftDBT

/// `swiftdbt snapshot`: Build the selected snapshots.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "Build the selected snapshots.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var flags: RunFlags

    func run() throws {
        RunInvocation.run(.snapshot, project: project, selection: selection, flags: flags) {
            [.snapshot]
        }
    }
}
