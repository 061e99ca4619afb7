import ArgumentParser
import SwiftDBT

/// `swiftdbt retry`: runs again what errored, failed or was skipped in the last `run_results.json`.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry",
                                                    abstract: "Re-run what failed or was skipped last time.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var flags: RunFlags

    func run() throws {
        Console.run(format: project.logFormat) { console in
            try RunInvocation.execute(.build, project: project, flags: flags, console: console, retriedBatches: { loaded in
                try RunResultsWriter.partialBatches(in: loaded.session.project)
            }) { loaded in
                try RunResultsWriter.unfinished(in: loaded.session.project)
            }
        }
    }
}
