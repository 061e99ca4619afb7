import ArgumentParser
import SwiftDBT

/// `swiftdbt debug`: shows the project, profile and target (never a password), then connects and runs a
/// query as dbt's connection test does. Exits 1 when the test fails, with the database's message.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "debug", abstract: "Show the project, profile and target in use, and test the connection.")

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
            guard let adapter = ProjectOptions.adapters.factory(for: target.type) as? any ExecutionAdapter else {
                throw DBTError(.project, "the '\(target.type)' adapter cannot connect to a database")
            }
            do {
                let connection = try adapter.connect(target, projectRoot: loaded.session.project.root)
                _ = try connection.query("select 1 as id", limit: 1)
            } catch {
                console.output("  Connection test: [\(console.paint("ERROR", .red))]")
                console.output("")
                console.output(console.paint("1 check failed:", .red))
                console.output("could not connect to the target database:")
                console.output("  " + ((error as? DBTError)?.description ?? "\(error)"))
                throw ExitCode.failure
            }
            console.output("  Connection test: [\(console.paint("OK connection ok", .green))]")
            console.output("")
            console.output(console.paint("All checks passed!", .green))
        }
    }
}
