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
        if let threads, threads < 1 {
            throw DBTError(.usage, "--threads must be at least 1, not \(threads)")
        }
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
                let target: Target
                do {
                    target = try readTarget(profile, profileName: name, templates: templates, context: context)
                } catch let error as DBTError {
                    throw error.quotingLine(of: text, path: path)
                }
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
        let chosen = try targetName ?? targetSetting(profile["target"], templates: templates, context: context)
            ?? outputs.entries[0].key
        guard let output = outputs[chosen] else {
            throw DBTError(.project, "target '\(chosen)' is not an output of profile '\(profileName)'; outputs: "
                           + outputs.entries.map(\.key).joined(separator: ", "), at: outputs.location)
        }
        guard case .dict(let fields) = try output.rendered(templates, context) else {
            throw DBTError(.project, "output '\(chosen)' must be a mapping", at: output.location)
        }
        let values = ConfigValue.dict(fields)
        // Connection settings are single values; a list or mapping is a mistake, not an absent setting.
        for key in ["type", "schema", "database", "dbname", "host", "port", "user", "path", "search_path", "role"] {
            if let value = values[key], value.scalarString == nil, value != .null {
                throw DBTError(.project, "'\(key)' must be text or a number, not \(value.kindDescription)",
                               at: output[key]?.location ?? output.location)
            }
        }
        guard let type = values["type"]?.stringValue else {
            throw DBTError(.project, "output '\(chosen)' of profile '\(profileName)' has no 'type'", at: output.location)
        }
        return Target(name: chosen, profileName: profileName, type: type,
                      schema: values["schema"]?.scalarString ?? "",
                      database: (values["database"] ?? values["dbname"])?.scalarString ?? "",
                      threads: try threads ?? threadCount(values["threads"], at: output["threads"]?.location) ?? 1,
                      fields: fields)
    }

    /// A profile's `target:`, the output used when `--target` names none.
    private func targetSetting(_ node: YAMLNode?, templates: Jinja.Environment, context: [String: Value]) throws -> String? {
        guard let node, !node.isNull else { return nil }
        guard let name = try node.rendered(templates, context).scalarString else {
            throw DBTError(.project, "'target' must be the name of an output, not \(node.value.kindDescription)", at: node.location)
        }
        return name
    }

    /// An output's `threads`: a whole number of at least 1 (`4`, or `"4"` rendered from `env_var()`).
    private func threadCount(_ value: ConfigValue?, at location: FileLocation?) throws -> Int? {
        guard let value else { return nil }
        let count: Int?
        switch value {
        case .int(let n): count = n
        case .string(let text): count = Int(text.trimmingCharacters(in: .whitespaces))
        default: count = nil
        }
        guard let count, count >= 1 else {
            throw DBTError(.project, "'threads' must be a whole number of at least 1, not \(value.kindDescription)", at: location)
        }
        return count
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
