import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt clean`: deletes the folders named by `clean-targets` (only inside the project; see `CleanTask`).
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Delete the clean-targets folders.")

    @Option(name: .customLong("project-dir"), help: "The folder holding dbt_project.yml.")
    var projectDirectory: String = ProjectOptions.environmentProjectDirectory

    @Option(name: .customLong("profiles-dir"),
            help: "Accepted as dbt accepts it: clean reads no profile, but a folder named here (or by $DBT_PROFILES_DIR) must exist.")
    var profilesDirectory: String?

    @OptionGroup var logging: LogOptions

    func run() throws {
        Console.run { console in
            // dbt refuses a profiles folder that does not exist before anything else; one that does exist need hold no profile.
            if let folder = profilesDirectory ?? FlagVariables().text("DBT_PROFILES_DIR"), !FileManager.default.fileExists(atPath: folder) {
                throw DBTError(.usage, "Invalid value for '--profiles-dir': Path '\(folder)' does not exist.")
            }
            // dbt.log as dbt writes it for clean: the invocation's header and version, not the cleaned folders.
            let settings = try console.startLogging(logging, projectDirectory: projectDirectory)
            try console.log.open(settings, invocationID: console.log.id)
            let project = try ProjectLoader.projectFile(LoadOptions(projectDirectory: projectDirectory))
            for folder in try CleanTask.run(project) {
                console.info("Cleaned \(folder)/", .confirmCleanPath, data: [("path", .string(folder))])
            }
        }
    }
}
