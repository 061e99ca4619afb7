import ArgumentParser
import SwiftDBT

/// The options `build` and `test` both take (as in dbt 1.10): the project, the selection with `--resource-type`,
/// the run's flags and `--defer`.
struct BuildTestOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resourceTypes: ResourceTypeOptions
    @OptionGroup var flags: RunFlags
    @OptionGroup var deferral: DeferOptions

    /// Runs `command` over the selected nodes of the types `--resource-type` leaves of `scope`'s.
    func run(_ command: RunOptions.Command, scope: ResourceTypeOptions.Scope) -> Never {
        RunInvocation.run(command, project: project, selection: selection, resourceTypes: resourceTypes, flags: flags,
                          deferral: deferral) {
            try resourceTypes.types(scope)
        }
    }
}
