import ArgumentParser
import Foundation

/// `swiftdbt`: a dbt-compatible SQL transformation tool.
@main
struct SwiftDBTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftdbt",
        abstract: "Build dbt projects into SQLite or PostgreSQL.",
        version: "swiftdbt 0.1.0 (dbt 1.10 compatible)",
        subcommands: [ParseCommand.self, CompileCommand.self, ListCommand.self, SeedCommand.self, RunCommand.self, TestCommand.self,
                      BuildCommand.self, SnapshotCommand.self, RetryCommand.self, CloneCommand.self, ShowCommand.self, RunOperationCommand.self, SourceCommand.self, DebugCommand.self,
                      CleanCommand.self, DepsCommand.self, DocsCommand.self])

    /// Sets the allocator up (`MallocSettings`), then parses the command line and runs the command; a command
    /// line it cannot parse is refused as dbt's click refuses it (`UsageRefusal`, exit 2).
    static func main() {
        MallocSettings.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let refusal = UsageRefusal(message: message(for: error), command: UsageRefusal.command(inFullMessage: fullMessage(for: error)))
            FileHandle.standardError.write(Data(refusal.text.utf8))
            Foundation.exit(UsageRefusal.exitCode)
        }
    }
}
