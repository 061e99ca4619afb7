import ArgumentParser
import SwiftDBT

/// `swiftdbt debug`: shows the project, profile and target (never a password).
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "debug", abstract: "Show the project, profile and target in use.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let loaded = try project.load(console: console)
            let target = loaded.session.target
            console.output("project: \(loaded.session.project.name) (\(loaded.session.project.path))")
            console.output("profile: \(target.profileName) from \(loaded.profileFile ?? "the embedded SQLite default")")
            console.output("target: \(target.name)")
            for (key, value) in target.publicFields.sorted(by: { $0.key < $1.key }) {
                console.output("  \(key): \(value.scalarString ?? JSONWriter.string(value))")
            }
            console.output("All checks passed!")
        }
    }
}
