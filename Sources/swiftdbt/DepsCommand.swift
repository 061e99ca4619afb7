import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt deps`: installs the packages of packages.yml (or dependencies.yml) into packages-install-path.
struct DepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deps", abstract: "Install the project's packages.")

    @Option(name: .customLong("project-dir"), help: "The folder holding dbt_project.yml.")
    var projectDirectory: String = ProjectOptions.environmentProjectDirectory

    @Option(help: "Variables as YAML or JSON, like '{key: value}'.")
    var vars: String?

    @Flag(help: "Resolve the packages again even when package-lock.yml matches packages.yml.")
    var upgrade = false

    @Flag(help: "Write package-lock.yml only; install nothing.")
    var lock = false

    @Option(name: .customLong("add-package"), help: "Add a package to packages.yml first: name@version.")
    var addPackage: String?

    @Option(help: "Where --add-package comes from: hub (default), git or local.")
    var source: AddedPackage.Source = .hub

    @Flag(name: .customLong("no-version-check"), help: "Install hub versions whatever dbt version they require.")
    var noVersionCheck = false

    @OptionGroup var logging: LogOptions

    /// dbt's deps takes the profile options every command takes and reads no profile (packages' CI
    /// scripts run `dbt deps --target postgres`); so does this one.
    @Option(name: .customLong("profiles-dir"), help: "Accepted as dbt accepts it; deps reads no profile.")
    var profilesDirectory: String?

    @Option(help: "Accepted as dbt accepts it; deps reads no profile.")
    var profile: String?

    @Option(name: .shortAndLong, help: "Accepted as dbt accepts it; deps reads no profile.")
    var target: String?

    func run() throws {
        Console.run { console in
            // dbt.log as for every command: the invocation's header, its version, then what deps says.
            let settings = try console.startLogging(logging, projectDirectory: projectDirectory)
            try console.log.open(settings, invocationID: console.log.id)
            let added = try addPackage.map { try AddedPackage($0, source: source) }
            let onTerminal = isatty(STDOUT_FILENO) == 1
            try DepsTask.run(DepsTask.Options(projectDirectory: projectDirectory, vars: vars, upgrade: upgrade, lockOnly: lock,
                                              versionCheck: !noVersionCheck, addPackage: added),
                             progress: { line in if onTerminal { console.info(line) } },
                             log: { console.warn($0) })
        }
    }
}

extension AddedPackage.Source: ExpressibleByArgument {}
