import Jinja

/// What templates see of the invocation: dbt's `flags` (`flags.WHICH`, `flags.FULL_REFRESH`, ...)
/// and `selected_resources`, with the command line's real values.
public struct InvocationFlags: Sendable {
    /// The command: `compile`, `run`, `build`, `test`, `seed`, `show`, `run-operation`.
    public var which: String
    public var fullRefresh = false
    public var failFast = false
    public var warnError = false
    public var empty = false
    public var storeFailures = false
    /// The unique IDs the command selected.
    public var selectedResources: [String] = []

    public init(which: String, selectedResources: [String] = []) {
        self.which = which
        self.selectedResources = selectedResources
    }

    /// The flags of a `seed`, `run`, `test` or `build` of `selected`.
    public init(_ options: RunOptions, selected: [String]) {
        which = options.command.rawValue
        fullRefresh = options.fullRefresh
        failFast = options.failFast
        warnError = options.warnError
        empty = options.empty
        selectedResources = selected
    }

    /// `flags` in a template: a mapping read as `flags.NAME`.
    var value: Value {
        .dict([
            ("WHICH", .string(which)), ("FULL_REFRESH", .bool(fullRefresh)), ("FAIL_FAST", .bool(failFast)),
            ("WARN_ERROR", .bool(warnError)), ("EMPTY", .bool(empty)), ("STORE_FAILURES", .bool(storeFailures)),
            ("INTROSPECT", .bool(true)), ("PARTIAL_PARSE", .bool(false)), ("WRITE_JSON", .bool(true)),
        ])
    }
}
