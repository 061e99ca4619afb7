import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt source`: commands on the project's sources (`freshness`).
struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: "Commands on the project's sources.",
                                                    subcommands: [SourceFreshnessCommand.self])
}

/// `swiftdbt source freshness`: how long ago each selected source table was last loaded, judged by its `freshness:`
/// criteria; writes `target/sources.json` (or `--output`'s file), which `source_status:` selection compares. Exits 1
/// when a table is stale past `error_after` or its check fails. Like dbt-core 1.10 it writes no run_results.json, and
/// warns that `--output` is deprecated (dbt's `CustomOutputPathInSourceFreshnessDeprecation`, summed up after `Done.`).
struct SourceFreshnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "freshness",
                                                    abstract: "Check how recently the selected sources were loaded.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: [.customShort("o"), .long], help: "Write the results here (inside the project) instead of target/sources.json.")
    var output: String?

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let loaded = try project.load(console: console)
            if let output { console.emit(.customOutputPathDeprecation(output)) }
            // dbt's summary of the deprecation, after `Done.`.
            func finish() {
                if output != nil { console.emit(.deprecationsSummary([.customOutputPathInSourceFreshnessDeprecation])) }
            }
            let sources = FreshnessRunner.checked(try selection.select(in: loaded, types: [.source], console: console),
                                                  in: loaded.manifest)
            let path = try output.map { try SourcesWriter.outputPath($0, project: loaded.session.project) }
                ?? TargetPaths(loaded.session.project).file("sources.json")
            let (adapter, lock, connection) = try RunInvocation.open(loaded, console: console)
            defer { withExtendedLifetime(lock) {} }
            let target = loaded.session.target
            let root = loaded.session.project.root
            let threads = min(target.threads, adapter.maxConnections)
            let started = Date()
            guard !sources.isEmpty else {
                console.emit(LogEvent(.nothingToDo, level: .warn,
                                      message: "Nothing to do. Try checking your model configs and model specification args"))
                try SourcesWriter.write([], loaded: loaded, elapsed: Date().timeIntervalSince(started), to: path)
                console.info("Done.", .freshnessCheckComplete, data: [])
                return finish()
            }
            console.info("")
            console.info("Concurrency: \(threads) threads (target='\(target.name)')", .concurrencyLine,
                         data: [("num_threads", .int(threads)), ("target_name", .string(target.name)), ("node_count", .int(sources.count))])
            console.info("")
            let reporter = FreshnessConsole(console: console, dialect: loaded.session.dialect)
            let runner = FreshnessRunner(loaded: loaded, threads: threads, connect: { try adapter.connect(target, projectRoot: root) },
                                         reporter: reporter)
            let results = try runner.run(sources, on: connection)
            let elapsed = Date().timeIntervalSince(started)
            try SourcesWriter.write(results, loaded: loaded, elapsed: elapsed, to: path)
            try ManifestWriter.write(loaded)
            reporter.summarize(results, sources: sources, elapsed: elapsed)
            finish()
            if results.contains(where: \.isFailure) { throw ExitCode.failure }
        }
    }
}
