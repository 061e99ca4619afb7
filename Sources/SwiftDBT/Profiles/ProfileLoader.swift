import Foundation
import Jinja

/// Finds and reads the profile a project uses, and picks its target.
///
/// Looked up, in order, in `--profiles-dir`, `$DBT_PROFILES_DIR`, the project folder and `~/.dbt`,
/// as `profiles.json` or `profiles.yml`. With no profile anywhere, the embedded default is SQLite
/// at `target/<project>.sqlite`.
public struct ProfileLoader {
    public var profilesDirectory: String?
    public var targetName: String?
    public var threads: Int?
    public var environment: [String: String]

    public init(profilesDirectory: String? = nil, targetName: String? = nil, threads: Int? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.profilesDirectory = profilesDirectory
        self.targetName = targetName
        self.threads = threads
        self.environment = environment
    }

    /// The result of loading: the target, and a note when the embedded default was used.
    public struct Loaded: Sendable {
        public var target: Target
        /// The profiles file used, or nil for the embedded default.
        public var file: String?
        /// A line to print when the embedded default is used.
        public var notice: String?
    }

    /// Loads `profileName` (from `dbt_project.yml`) for `project`; `context` renders `env_var()`/`var()` in values.
    public func load(profileName: String?, project: ProjectFile, templates: Jinja.Environment,
                     context: [String: Value]) throws -> Loaded {
        let explicit = profilesDirectory ?? environment["DBT_PROFILES_DIR"]
        var searched: [String] = []
        for directory in candidateDirectories(project: project) {
            for fileName in ["profiles.json", "profiles.yml", "profiles.yaml"] {
                let path = (directory as NSString).appendingPathComponent(fileName)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                searched.append(path)
                guard let name = profileName else { continue }
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                guard let root = try YAMLNode.parse(text, path: path), let profile = root[name] else { continue }
                let target = try readTarget(profile, profileName: name, templates: templates, context: context)
                return Loaded(target: target, file: path, notice: nil)
            }
        }
        if let explicit, let profileName {
            throw DBTError(.project, "profile '\(profileName)' not found in \(explicit)"
                           + (searched.isEmpty ? " (no profiles.json or profiles.yml there)" : ""))
        }
        return defaultTarget(project: project)
    }

    private func candidateDirectories(project: ProjectFile) -> [String] {
        var directories: [String] = []
        if let profilesDirectory { directories.append(profilesDirectory) }
        if let fromEnvironment = environment["DBT_PROFILES_DIR"] { directories.append(fromEnvironment) }
        directories.append(project.root)
        if let home = environment["HOME"] { directories.append((home as NSString).appendingPathComponent(".dbt")) }
        return directories
    }

    private func readTarget(_ profile: YAMLNode, profileName: String, templates: Jinja.Environment,
                            context: [String: Value]) throws -> Target {
        let outputs = profile["outputs"]
        guard let outputs, !outputs.entries.isEmpty else {
            throw DBTError(.project, "profile '\(profileName)' has no outputs", at: profile.location)
        }
        let chosen = try targetName ?? profile["target"]?.rendered(templates, context).scalarString
            ?? outputs.entries[0].key
        guard let output = outputs[chosen] else {
            throw DBTError(.project, "target '\(chosen)' is not an output of profile '\(profileName)'; outputs: "
                           + outputs.entries.map(\.key).joined(separator: ", "), at: outputs.location)
        }
        guard case .dict(let fields) = try output.rendered(templates, context) else {
            throw DBTError(.project, "output '\(chosen)' must be a mapping", at: output.location)
        }
        let values = ConfigValue.dict(fields)
        guard let type = values["type"]?.stringValue else {
            throw DBTError(.project, "output '\(chosen)' of profile '\(profileName)' has no 'type'", at: output.location)
        }
        let threadCount = threads ?? values["threads"].flatMap { value -> Int? in
            if case .int(let n) = value { return n }
            return value.scalarString.flatMap(Int.init)
        } ?? 1
        return Target(name: chosen, profileName: profileName, type: type,
                      schema: values["schema"]?.scalarString ?? "",
                      database: (values["database"] ?? values["dbname"])?.scalarString ?? "",
                      threads: max(1, threadCount), fields: fields)
    }

    private func defaultTarget(project: ProjectFile) -> Loaded {
        let path = (project.targetPath as NSString).appendingPathComponent("\(project.name).sqlite")
        let target = Target(name: "default", profileName: project.profile ?? project.name, type: "sqlite",
                            schema: "main", database: "main", threads: threads ?? 1,
                            fields: [("type", .string("sqlite")), ("path", .string(path)), ("schema", .string("main"))])
        return Loaded(target: target, file: nil,
                      notice: "No profile found: using the embedded SQLite default at \(path)")
    }
}
