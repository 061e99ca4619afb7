import ArgumentParser
import SwiftDBT

/// `swiftdbt parse`: reads the project and writes `target/manifest.json`.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse the project and write the manifest.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let loaded = try project.load(console: console)
            try ManifestWriter.write(loaded)
        }
    }
}
