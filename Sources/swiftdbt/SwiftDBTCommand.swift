import ArgumentParser

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

    /// Sets the allocator up (`MallocSettings`), then parses the command line and runs the command.
    static func main() {
        MallocSettings.apply()
        main(nil)
    }
}
