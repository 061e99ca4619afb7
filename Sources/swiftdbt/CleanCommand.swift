import ArgumentParser
import Foundation
import SwiftDBT

/// `swiftdbt clean`: deletes the folders named by `clean-targets`.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Delete the clean-targets folders.")

    @Option(name: .customLong("project-dir"), help: "The folder holding dbt_project.yml.")
    var projectDirectory: String = "."

    func run() throws {
        Console.run { console in
            let project = try ProjectFile.load(root: projectDirectory, environment: .init(), context: [:])
            for folder in project.cleanTargets {
                let path = (project.root as NSString).appendingPathComponent(folder)
                let resolved = (path as NSString).standardizingPath
                guard resolved.hasPrefix((project.root as NSString).standardizingPath), resolved != (project.root as NSString).standardizingPath else {
                    throw DBTError(.project, "refusing to clean '\(folder)': it is not inside the project")
                }
                guard FileManager.default.fileExists(atPath: path) else { continue }
                try FileManager.default.removeItem(atPath: path)
                console.info("Cleaned \(folder)/")
            }
        }
    }
}
