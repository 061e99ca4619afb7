import Foundation

/// How to find and read a project: the command line's view of it.
public struct LoadOptions: Sendable {
    public var projectDirectory: String
    public var profilesDirectory: String?
    public var target: String?
    /// `--vars` as YAML or JSON.
    public var vars: String?
    public var threads: Int?
    /// `--no-version-check` (or `DBT_VERSION_CHECK=false`) turns this off: `require-dbt-version` is not checked.
    public var versionCheck: Bool
    public var environment: [String: String]
    /// Receives `log()`/`print()` lines from templates and notices from loading.
    public var log: @Sendable (String) -> Void
    /// The invocation's ID (`invocation_id`), known before loading so that the first log events carry it.
    public var invocationID = UUID().uuidString.lowercased()

    public init(projectDirectory: String = ".", profilesDirectory: String? = nil, target: String? = nil,
                vars: String? = nil, threads: Int? = nil, versionCheck: Bool = true,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.projectDirectory = projectDirectory
        self.profilesDirectory = profilesDirectory
        self.target = target
        self.vars = vars
        self.threads = threads
        self.versionCheck = versionCheck
        self.environment = environment
        self.log = log
    }
}

/// A loaded project: the shared compile session and everything parsing found.
public struct LoadedProject: Sendable {
    public let session: CompileSession
    public let manifest: Manifest
    public let packages: [PackageInfo]
    /// The profiles file used, or nil for the embedded SQLite default.
    public let profileFile: String?
    /// A line to print when the embedded default profile was chosen.
    public let profileNotice: String?
}

extension LoadOptions {
    /// A command-line mapping (`--vars`, `run-operation --args`) written as YAML or JSON: `'{key: value}'`.
    public static func parseMapping(_ text: String?, option: String) throws -> [(key: String, value: ConfigValue)] {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        guard let node = try YAMLNode.parse(text, path: option) else { return [] }
        guard case .dict(let pairs) = node.value else {
            throw DBTError(.usage, "\(option) must be a YAML or JSON mapping, like '{key: value}'")
        }
        return pairs
    }
}
