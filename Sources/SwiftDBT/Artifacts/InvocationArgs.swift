import Foundation

/// The invocation's command, flags and selection, as dbt writes them under `run_results.json` `args`
/// (and as `retry` reads them back): the flags that mean something to swiftdbt, under dbt's keys, with
/// dbt's rule that a false `full_refresh`, `fail_fast` or `warn_error` and an option not given are left out.
public struct InvocationArgs: Sendable {
    /// `seed`, `run`, `test`, `build` (dbt's `which`).
    public var which: String
    public var select: [String] = []
    public var exclude: [String] = []
    public var selector: String?
    public var resourceTypes: [String] = []
    public var excludeResourceTypes: [String] = []
    public var indirectSelection = "eager"
    public var fullRefresh = false
    public var failFast = false
    public var warnError = false
    public var empty = false
    public var threads: Int?
    public var target: String?
    /// `--vars`, parsed.
    public var vars: [(key: String, value: ConfigValue)] = []
    public var projectDirectory: String
    public var profilesDirectory: String?
    public var state: String?
    public var deferToState = false
    public var favorState = false
    /// `default`, `text`, `json` or `debug`.
    public var logFormat = "default"
    public var logPath: String?
    /// What standard output and `dbt.log` show (`info`, `debug`, ...), and the file's format.
    public var logLevel = "info"
    public var logLevelFile = "debug"
    public var logFormatFile = "debug"
    public var quiet = false
    /// `--no-version-check` makes it false.
    public var versionCheck = true
    /// The command line as typed (`swiftdbt build -s x`).
    public var invocationCommand: String
    /// `run-operation`'s macro and its `--args` (nil when none were given).
    public var macro: String?
    public var macroArguments: [(key: String, value: ConfigValue)]?
    /// `docs generate`'s `--empty-catalog` and `--static`.
    public var emptyCatalog = false, staticPage = false

    public init(which: String, projectDirectory: String, invocationCommand: String) {
        self.which = which
        self.projectDirectory = projectDirectory
        self.invocationCommand = invocationCommand
    }

    /// The `args` mapping of `run_results.json`.
    public var document: ConfigValue {
        var entries: [(key: String, value: ConfigValue)] = [
            ("which", .string(which)),
            ("select", .list(select.map(ConfigValue.string))),
            ("exclude", .list(exclude.map(ConfigValue.string))),
            ("indirect_selection", .string(indirectSelection)),
            ("vars", .dict(vars)),
            ("project_dir", .string(projectDirectory)),
            ("defer", .bool(deferToState)),
            ("favor_state", .bool(favorState)),
            ("log_format", .string(logFormat)),
            ("log_level", .string(logLevel)),
            ("log_level_file", .string(logLevelFile)),
            ("log_format_file", .string(logFormatFile)),
            ("quiet", .bool(quiet)),
            ("invocation_command", .string(invocationCommand)),
            ("version_check", .bool(versionCheck)),
            ("write_json", .bool(true)),
            ("send_anonymous_usage_stats", .bool(false)),
        ]
        // Options only some commands have, as dbt's commands have them.
        if ["build", "test"].contains(which) || !resourceTypes.isEmpty || !excludeResourceTypes.isEmpty {
            entries += [("resource_types", .list(resourceTypes.map(ConfigValue.string))),
                        ("exclude_resource_types", .list(excludeResourceTypes.map(ConfigValue.string)))]
        }
        if ["build", "run"].contains(which) || empty { entries.append(("empty", .bool(empty))) }
        if let selector { entries.append(("selector", .string(selector))) }
        if fullRefresh { entries.append(("full_refresh", .bool(true))) }
        if failFast { entries.append(("fail_fast", .bool(true))) }
        if warnError { entries.append(("warn_error", .bool(true))) }
        if let threads { entries.append(("threads", .int(threads))) }
        if let target { entries.append(("target", .string(target))) }
        if let profilesDirectory { entries.append(("profiles_dir", .string(profilesDirectory))) }
        if let state { entries.append(("state", .string(state))) }
        if let logPath { entries.append(("log_path", .string(logPath))) }
        if let macro { entries.append(("macro", .string(macro))) }
        if let macroArguments { entries.append(("args", .dict(macroArguments))) }
        if which == "generate" { entries += [("empty_catalog", .bool(emptyCatalog)), ("static", .bool(staticPage))] }
        return .dict(entries)
    }

    /// The args of an earlier invocation, read from its `run_results.json` (dbt's or swiftdbt's);
    /// nil without `which`. Keys neither tool writes are ignored.
    public init?(_ node: YAMLNode) {
        guard let which = node["which"]?.scalarText else { return nil }
        self.which = which
        projectDirectory = node["project_dir"]?.scalarText ?? "."
        invocationCommand = node["invocation_command"]?.scalarText ?? ""
        func strings(_ key: String) -> [String] {
            guard let value = node[key] else { return [] }
            if let single = value.scalarText, !value.isNull { return single.isEmpty ? [] : [single] }
            return value.items.compactMap(\.scalarText)
        }
        func flag(_ key: String) -> Bool { node[key]?.value.boolValue ?? false }
        select = strings("select")
        exclude = strings("exclude")
        selector = node["selector"]?.scalarText
        resourceTypes = strings("resource_types")
        excludeResourceTypes = strings("exclude_resource_types")
        indirectSelection = node["indirect_selection"]?.scalarText ?? "eager"
        fullRefresh = flag("full_refresh")
        failFast = flag("fail_fast")
        warnError = flag("warn_error")
        empty = flag("empty")
        threads = node["threads"]?.scalarText.flatMap { Int($0) }
        target = node["target"]?.scalarText
        if case .dict(let pairs)? = node["vars"]?.value { vars = pairs }
        profilesDirectory = node["profiles_dir"]?.scalarText
        state = node["state"]?.scalarText
        deferToState = flag("defer")
        favorState = flag("favor_state")
        logFormat = node["log_format"]?.scalarText ?? "default"
        logPath = node["log_path"]?.scalarText
        logLevel = node["log_level"]?.scalarText ?? "info"
        logLevelFile = node["log_level_file"]?.scalarText ?? "debug"
        logFormatFile = node["log_format_file"]?.scalarText ?? "debug"
        quiet = node["quiet"]?.value.boolValue ?? false
        versionCheck = node["version_check"]?.value.boolValue ?? true
        macro = node["macro"]?.scalarText
        if case .dict(let pairs)? = node["args"]?.value { macroArguments = pairs }
        emptyCatalog = flag("empty_catalog")
        staticPage = flag("static")
    }

    /// `--vars` as the command line would give it again (JSON), nil when there were none.
    public var varsText: String? {
        vars.isEmpty ? nil : JSONWriter.string(.dict(vars))
    }
}
