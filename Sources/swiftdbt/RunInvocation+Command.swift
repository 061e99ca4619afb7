import SwiftDBT

extension RunInvocation {
    /// The whole of `seed`, `snapshot`, `run`, `test` and `build` from their options: `command` over the nodes of
    /// `types` in the selection, with `--defer` where the command takes `deferral`; `resourceTypes` (where the
    /// command takes them) and `deferral` also go to `run_results.json`'s args. `types` is asked once the project
    /// is loaded, so a project error still comes before an option's.
    static func run(_ command: RunOptions.Command, project: ProjectOptions, selection: SelectionOptions,
                    resourceTypes: ResourceTypeOptions? = nil, flags: RunFlags, deferral: DeferOptions? = nil,
                    types: () throws -> Set<ResourceType>) -> Never {
        Console.run(format: project.logFormat) { console in
            let args = InvocationArgs(command.rawValue, project: project, selection: selection, resourceTypes: resourceTypes,
                                      flags: flags, deferral: deferral)
            try execute(command, project: project, flags: flags, console: console, args: args,
                        deferral: { loaded, selected, connection in
                guard let deferral else { return loaded }
                return try deferral.apply(loaded, selected: selected, stateFolder: selection.state, connection: connection, console: console)
            }) { loaded in
                try selection.select(in: loaded, types: try types(), console: console)
            }
        }
    }
}
