import ArgumentParser
import Foundation
import PostgresAdapter
import SQLiteAdapter
import SparkAdapter
import SwiftDBT

/// Where the project and profile are, and what to render them with.
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("project-dir"), help: "The folder holding dbt_project.yml (default: $DBT_PROJECT_DIR, or here).")
    var projectDirectory: String = ProjectOptions.environmentProjectDirectory

    /// `DBT_PROJECT_DIR`, or the current folder.
    static var environmentProjectDirectory: String {
        ProcessInfo.processInfo.environment["DBT_PROJECT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
    }

    @Option(name: .customLong("profiles-dir"), help: "The folder holding profiles.json or profiles.yml.")
    var profilesDirectory: String?

    @Option(name: .shortAndLong, help: "The profile output to use (default: $DBT_TARGET, or the profile's target).")
    var target: String?

    /// `--target`, else `DBT_TARGET`.
    var targetName: String? { target ?? FlagVariables().text("DBT_TARGET") }

    @Option(help: "Variables as YAML or JSON, like '{key: value}'.")
    var vars: String?

    @Option(help: "How many nodes run at once.")
    var threads: Int?

    @Flag(inversion: .prefixedNo, help: "Check require-dbt-version of the project and its packages (DBT_VERSION_CHECK).")
    var versionCheck = true

    @Option(name: .customLong("log-format"),
            help: "default (plain lines, as text), debug, or json: one of dbt's structured events per line ($DBT_LOG_FORMAT).")
    var logFormat: Console.Format = .default

    @OptionGroup var logging: LogOptions

    /// The adapters this binary links.
    static var adapters: AdapterRegistry {
        var registry = AdapterRegistry()
        registry.register(SQLiteAdapterFactory())
        registry.register(PostgresAdapterFactory())
        registry.register(SparkAdapterFactory())
        return registry
    }

    /// The database templates reach while compiling `loaded`: its target's adapter, connected on first use.
    static func runtime(for loaded: LoadedProject, transactional: Bool = false) throws -> DatabaseRuntime {
        let target = loaded.session.target
        guard let adapter = adapters.factory(for: target.type) as? any ExecutionAdapter else {
            throw DBTError(.project, "the '\(target.type)' adapter cannot run queries")
        }
        let root = loaded.session.project.root
        return DatabaseRuntime(transactional: transactional) { try adapter.connect(target, projectRoot: root) }
    }

    /// The log options (and `DBT_*` variables) as settings, applied to `console`, then dbt's first event
    /// (`Running with dbt=...`: printed in JSON, kept in `dbt.log` in every format); `dbt.log` opens once the
    /// project is loaded.
    func logSettings(_ console: Console) throws -> Console.LogSettings {
        try console.startLogging(logging, projectDirectory: projectDirectory)
    }

    /// Loads and parses the project, printing the profile notice and the "Found ..." line.
    func load(console: Console) throws -> LoadedProject {
        let logSettings = try logSettings(console)
        var options = LoadOptions(projectDirectory: projectDirectory, profilesDirectory: profilesDirectory, target: targetName,
                                  vars: vars, threads: threads, versionCheck: versionCheck, log: { console.info($0) })
        options.invocationID = console.log.id
        let loaded = try ProjectLoader.load(options, adapters: ProjectOptions.adapters)
        KeptUntilExit.keep(loaded)
        try console.log.open(logSettings, invocationID: loaded.session.invocationID)
        if let notice = loaded.profileNotice { console.info(notice) }
        let project = loaded.session.project
        let summary = ProjectSummary.line(loaded.manifest, operations: project.onRunStart.count + project.onRunEnd.count)
        console.info(summary, .foundStats, data: [("stat_line", .string(summary.replacingOccurrences(of: "Found ", with: "")))])
        return loaded
    }
}

extension Console.Format: ExpressibleByArgument {}
