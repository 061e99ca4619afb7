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
        RunInvocation.run(.test, project: project, selection: selection, resourceTypes: resourceTypes, flags: flags, deferral: deferral) {
            try resourceTypes.types(.test)
        }
    }
}
