import Foundation
import Jinja

/// Reads a project from disk and parses it: project file, packages, profile, macros,
/// models, seeds, tests, sources and properties, into a `Manifest`.
///
/// Every problem found is collected; loading fails with all of them at once.
public enum ProjectLoader {
    public static func load(_ options: LoadOptions, adapters: AdapterRegistry) throws -> LoadedProject {
        let templates = Jinja.Environment()
        let cliVars = try parseCLIVars(options.vars)
        let invocationID = options.invocationID
        let runStartedAt = Date()
        let early = EarlyContext(cliVars: cliVars, environment: options.environment, invocationID: invocationID,
                                 runStartedAt: runStartedAt)
        // As dbt: the profile first, named by the project's settings rendered without a target; then the whole
        // project rendered with the profile's target.
        let named = try ProjectFile.load(root: options.projectDirectory, environment: templates, context: early.values,
                                         renderedKeys: ProjectFile.profileKeys)
        let loader = ProfileLoader(profilesDirectory: options.profilesDirectory, targetName: options.target,
                                   threads: options.threads, environment: options.environment)
        let profile = try loader.load(profileName: named.profile, project: named, templates: templates,
                                      context: early.profileValues)
        guard let factory = adapters.factory(for: profile.target.type) else {
            throw DBTError(.project, "no adapter for type '\(profile.target.type)' (available: \(adapters.types.joined(separator: ", ")))")
        }
        let target = try factory.normalize(profile.target, projectRoot: named.root, projectName: named.name)
        var withTarget = early.values
        withTarget["target"] = .dict(target.publicFields.map { ($0.key, $0.value.jinjaValue) })

        let project = try ProjectFile.load(root: options.projectDirectory, environment: templates, context: withTarget)
            .overridden(by: options.environment)
        let packages = [PackageInfo(name: project.name, root: project.root, project: project, isRoot: true)]
            + (try InstalledPackages.load(
                for: project, specification: PackageSpecification.load(root: project.root, environment: templates, early: early),
                environment: templates, early: early, context: withTarget))
        for package in packages { package.project.warnings.forEach(options.log) }
        let checkVersions = options.versionCheck
            && !["false", "f", "0", "no", "n", "off"].contains(options.environment["DBT_VERSION_CHECK"]?.lowercased() ?? "")
        if checkVersions { for package in packages { try package.project.requiredDBTVersion?.check(package: package.name) } }
        // `vars:` stay as written: `var()` renders a value when a node reads it, in that node's context.
        let projectVars: [(key: String, value: ConfigValue)]
        if case .dict(let pairs)? = project.vars?.value { projectVars = pairs } else { projectVars = [] }
        let packageVars = PackageInfo.ownVars(of: packages)

        PhaseTimer.mark("project and profile")
        var errors: [DBTError] = []
        let macroFiles = try BuiltinMacros.files(adapter: factory) + packages.flatMap(macroFiles)
        let (macros, macroErrors) = MacroParser.parse(macroFiles, environment: templates)
        errors += macroErrors
        PhaseTimer.mark("macros")
        let session = CompileSession(
            project: project, packageRoots: Dictionary(packages.map { ($0.name, $0.root) }, uniquingKeysWith: { a, _ in a }),
            target: target, dialect: factory.dialect(for: target),
            macros: MacroRegistry(macros: macros, rootPackage: project.name, adapterType: target.type, dispatch: project.dispatch),
            templates: templates, cliVars: cliVars, projectVars: projectVars, packageVars: packageVars,
            invocationID: invocationID, runStartedAt: runStartedAt,
            environmentVariables: options.environment, log: options.log)

        var builder = ManifestBuilder(session: session, packages: packages, configContext: withTarget)
        builder.collect()
        let manifest = builder.finish()
        errors += builder.errors
        errors += MaterializationCheck.errors(in: manifest, session: session)
        // A snapshot whose template failed has no config to check.
        if errors.isEmpty { errors += SnapshotCheck.errors(in: manifest, session: session) }
        errors += ModelConfigCheck.errors(in: manifest, session: session)
        guard errors.isEmpty else { throw DBTErrors(errors) }
        PhaseTimer.mark("finish")
        return LoadedProject(session: session, manifest: manifest, packages: packages,
                             profileFile: profile.file, profileNotice: profile.notice)
    }

    /// Reads only `dbt_project.yml`, rendered as `load` renders it (`env_var()`, `var()` of `--vars`) but without a
    /// profile, as dbt's `clean` reads it (`target` is empty).
    public static func projectFile(_ options: LoadOptions) throws -> ProjectFile {
        let early = EarlyContext(cliVars: try parseCLIVars(options.vars), environment: options.environment)
        return try ProjectFile.load(root: options.projectDirectory, environment: Jinja.Environment(), context: early.withoutProfile)
            .overridden(by: options.environment)
    }

    /// Macro files of a package: its macro paths, plus `generic/` folders under its test paths.
    private static func macroFiles(_ package: PackageInfo) -> [MacroParser.File] {
        let folders = package.project.macroPaths + package.project.testPaths.map { ($0 as NSString).appendingPathComponent("generic") }
        return FileDiscovery.files(in: package.root, folders: folders, extensions: ["sql"]).compactMap { found in
            guard let text = try? FileDiscovery.read(found.path, shownAs: found.originalFilePath) else { return nil }
            return MacroParser.File(package: package.name, path: found.path,
                                    originalFilePath: shown(found, package), text: text)
        }
    }

    /// How a file is named in messages: relative to the root project, prefixed for packages.
    static func shown(_ found: FileDiscovery.Found, _ package: PackageInfo) -> String {
        package.isRoot ? found.originalFilePath : (package.root as NSString).appendingPathComponent(found.originalFilePath)
    }

    /// `--vars '{key: value}'` (YAML or JSON).
    static func parseCLIVars(_ text: String?) throws -> [(key: String, value: ConfigValue)] {
        try LoadOptions.parseMapping(text, option: "--vars")
    }
}

/// The context `dbt_project.yml` and profiles render with (dbt's base context): `env_var()`, `var()` of
/// `--vars`, `run_started_at`, `invocation_id`, `modules`, `dbt_version` and the stateless helpers.
struct EarlyContext {
    /// For `dbt_project.yml` and the values built from it: a secret env var is an error.
    let values: [String: Value]
    /// For profiles, the one place secret env vars may be read: `values` with an `env_var()` that allows them.
    let profileValues: [String: Value]
    /// For commands that read `dbt_project.yml` without a profile (`clean`, `deps`): `values` with an empty `target`,
    /// whose fields render as '' as under dbt's unset profile.
    var withoutProfile: [String: Value] { values.merging(["target": .dict([])]) { $1 } }

    init(cliVars: [(key: String, value: ConfigValue)], environment: [String: String],
         invocationID: String = UUID().uuidString.lowercased(), runStartedAt: Date = Date()) {
        var values = ContextFunctions.all.reduce(into: [String: Value]()) { $0[$1.key] = .function($1.key, $1.value) }
        values["env_var"] = .function("env_var") { arguments, _ in
            try ContextFunctions.environmentVariable(arguments, environment: environment)
        }
        values["var"] = .function("var") { arguments, _ in
            let name = arguments.value(0, "name")?.str ?? ""
            if let value = cliVars.last(where: { $0.key == name })?.value { return value.jinjaValue }
            if let fallback = arguments.value(1, "default") { return fallback }
            throw TemplateError(.raised, "required var '\(name)' not found (only --vars are visible here)")
        }
        values["run_started_at"] = .object(DateTimeObject(runStartedAt))
        values["invocation_id"] = .string(invocationID)
        values["modules"] = .object(ModulesObject())
        values["dbt_version"] = .string(SwiftDBTVersion.dbtCompatible)
        self.values = values
        var profileValues = values
        profileValues["env_var"] = .function("env_var") { arguments, _ in
            try ContextFunctions.environmentVariable(arguments, environment: environment, allowsSecrets: true)
        }
        self.profileValues = profileValues
    }
}
