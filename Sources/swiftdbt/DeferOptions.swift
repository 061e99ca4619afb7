import ArgumentParser
import SwiftDBT

/// `--defer` and `--favor-state` (`DBT_DEFER`, `DBT_FAVOR_STATE`): refs to nodes not built now read
/// the relations of `--state`.
struct DeferOptions: ParsableArguments {
    @Flag(name: .customLong("defer"), help: "Refs to nodes not selected read --state's relations where this target has none ($DBT_DEFER).")
    var deferToState = false

    @Flag(name: .customLong("favor-state"), help: "With --defer, read --state's relations even where this target has its own ($DBT_FAVOR_STATE).")
    var favorState = false

    /// The project with refs deferred, when `--defer` (or `DBT_DEFER`) asks for it; `stateFolder` is `--state`.
    func apply(_ loaded: LoadedProject, selected: [String], stateFolder: String?, connection: any DatabaseConnection,
               console: Console) throws -> LoadedProject {
        let variables = FlagVariables(loaded.session.environmentVariables)
        guard try deferToState || variables.isSet("DBT_DEFER") else { return loaded }
        guard let folder = stateFolder ?? variables.text("DBT_STATE") else {
            throw DBTError(.usage, "--defer needs --state (or DBT_STATE): the target folder of an earlier invocation")
        }
        let result = try Deferral.apply(loaded, state: StateManifest.read(folder), selected: Set(selected),
                                        favorState: try favorState || variables.isSet("DBT_FAVOR_STATE"), connection: connection)
        if !result.deferred.isEmpty { console.info("Deferred \(result.deferred.count) unselected nodes to the relations of \(folder)") }
        return result.loaded
    }
}
