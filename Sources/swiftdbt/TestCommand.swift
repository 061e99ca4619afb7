import ArgumentParser
import SwiftDBT

/// `swiftdbt test`: Run data tests on the selected nodes.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run data tests on the selected nodes.")

    @OptionGroup var options: BuildTestOptions

    func run() throws {
        options.run(.test, scope: .test)
    }
}
