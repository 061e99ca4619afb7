import ArgumentParser
import SwiftDBT

/// `swiftdbt ls`: lists the selected resources.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List the selected resources.",
                                                    aliases: ["list"])

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions

    enum Output: String, ExpressibleByArgument {
        case selector, name, path, json
    }

    @Option(name: [.short, .long], help: "selector (default), name, path or json.")
    var output: Output = .selector

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let logSettings = try project.logSettings(console)
            var options = LoadOptions(projectDirectory: project.projectDirectory, profilesDirectory: project.profilesDirectory,
                                      target: project.targetName, vars: project.vars, threads: project.threads,
                                      versionCheck: project.versionCheck)
            options.invocationID = console.log.id
            let loaded = try ProjectLoader.load(options, adapters: ProjectOptions.adapters)
            // Nothing but the nodes on standard output; dbt.log as every invocation keeps it (the nodes in it too).
            try console.log.open(logSettings, invocationID: loaded.session.invocationID)
            // As dbt's ls, analyses only when --resource-type names them.
            let selected = try selection.select(in: loaded, defaultTypes: Set(ResourceType.allCases).subtracting([.analysis]),
                                                console: console)
            for line in NodeListing.lines(loaded, selected: selected, format: output.rawValue) {
                console.output(line)
            }
        }
    }
}
