import Foundation
import SwiftDBT

extension InvocationArgs {
    /// The args of this invocation of `which` (`build`, `clone`, ...) from its options, for `run_results.json`.
    init(_ which: String, project: ProjectOptions, selection: SelectionOptions, resourceTypes: ResourceTypeOptions? = nil,
         flags: RunFlags? = nil, deferral: DeferOptions? = nil) {
        self.init(which: which,
                  projectDirectory: URL(fileURLWithPath: project.projectDirectory).standardizedFileURL.path,
                  invocationCommand: (["swiftdbt"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
        select = selection.select
        exclude = selection.exclude
        selector = selection.selector
        self.resourceTypes = resourceTypes?.resourceTypeNames ?? []
        excludeResourceTypes = resourceTypes?.excludedTypeNames ?? []
        indirectSelection = selection.indirectSelection ?? "eager"
        state = selection.state
        let options = try? flags?.options(.build)
        fullRefresh = options?.fullRefresh ?? false
        failFast = options?.failFast ?? false
        warnError = options?.warnError ?? false
        empty = options?.empty ?? false
        threads = project.threads
        target = project.targetName
        vars = (try? LoadOptions.parseMapping(project.vars, option: "--vars")) ?? []
        profilesDirectory = project.profilesDirectory
        deferToState = deferral?.deferToState ?? false
        favorState = deferral?.favorState ?? false
        logFormat = project.logFormat.rawValue
        if let settings = try? project.logging.settings(projectDirectory: project.projectDirectory,
                                                        environment: ProcessInfo.processInfo.environment) {
            logPath = URL(fileURLWithPath: settings.folder).standardizedFileURL.path
            logLevel = settings.stdout?.rawValue ?? "none"
            logLevelFile = settings.file?.rawValue ?? "none"
            logFormatFile = settings.fileFormat.rawValue
            quiet = project.logging.quiet
        }
        versionCheck = project.versionCheck
    }
}

extension InvocationArgs: RunSettings {
    /// The command's flags as they were: what `retry` runs again with.
    func options(_ command: RunOptions.Command) -> RunOptions {
        var options = RunOptions(command: command)
        options.fullRefresh = fullRefresh
        options.failFast = failFast
        options.empty = empty
        options.warnError = warnError
        return options
    }
}
