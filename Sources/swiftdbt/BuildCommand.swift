import ArgumentParser
import SwiftDBT

/// `swiftdbt build`: Seed, build and test the selected nodes in DAG order.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Seed, build and test the selected nodes in DAG order.")

    @OptionGroup var options: BuildTestOptions

    func run() throws {
        options.run(.build, scope: .build)
    }
}
