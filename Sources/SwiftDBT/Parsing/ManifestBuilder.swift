import Foundation
import Jinja

/// Builds the manifest of a loaded project: finds resource files, applies properties and
/// configs, renders every model once to learn its refs and config, adds generic tests and
/// sources, names relations and links references. Problems are collected in `errors`.
struct ManifestBuilder {
    let session: CompileSession
    let packages: [PackageInfo]
    /// The context `dbt_project.yml` config trees render with.
    let configContext: [String: Value]
    var errors: [DBTError] = []
    var nodes: [ProjectNode] = []
    var sources: [SourceTable] = []
    var disabled: [ProjectNode] = []
    /// Docs blocks of every package, read before anything whose description may use them.
    var docs: [DocBlock] = []
    private var descriptions: DescriptionRenderer
    /// `exposures:` property entries with their package, resolved once every node is linked.
    var exposurePatches: [(patch: PropertyFile.ExposurePatch, package: PackageInfo)] = []
    var exposures: [Exposure] = []
    /// `semantic_models:`, `metrics:` and `saved_queries:` entries (disabled ones too, until `finish`).
    var semanticModels: [SemanticModel] = []
    var metrics: [Metric] = []
    var savedQueries: [SavedQuery] = []
    /// `macros:` property entries by macro unique ID, descriptions rendered.
    private var macroDocs: [String: PropertyFile.MacroPatch] = [:]
    /// The text of every property file read, by the path messages show, to quote the line of an error found later.
    private var propertyTexts: [String: String] = [:]
    var groups: [ProjectGroup] = []
    var testSpecs: [(spec: PropertyFile.TestSpec, attached: AttachedTarget, package: PackageInfo, file: String)] = []
    var unitTestSpecs: [(spec: UnitTestSpec, package: PackageInfo)] = []

    /// What a generic test is written under.
    enum AttachedTarget {
        case node(name: String, version: String?, column: String?)
        case source(source: String, table: String, column: String?)
    }

    init(session: CompileSession, packages: [PackageInfo], configContext: [String: Value]) {
        self.session = session
        self.packages = packages
        self.configContext = configContext
        descriptions = DescriptionRenderer(docs: [], rootPackage: session.project.name, environment: session.templates,
                                           context: configContext)
    }

    mutating func collect() {
        PhaseTimer.mark("before collect")
        let (docs, docErrors) = DocsParser.parse(packages, environment: session.templates)
        self.docs = docs
        errors += docErrors
        descriptions = DescriptionRenderer(docs: docs, rootPackage: session.project.name, environment: session.templates,
                                           context: configContext)
        PhaseTimer.mark("docs")
        for package in packages {
            let properties = readProperties(package)
            PhaseTimer.mark("read properties")
            for group in properties.flatMap(\.groups) {
                groups.append(ProjectGroup(uniqueID: "group.\(package.name).\(group.name)", name: group.name, packageName: package.name,
                                           originalFilePath: group.file, owner: group.owner, description: group.description,
                                           meta: group.meta))
            }
            addResources(package, properties: properties)
            addSnapshots(package, patches: properties.flatMap(\.snapshots))
            PhaseTimer.mark("add resources")
            addSources(package, properties.flatMap(\.sources))
            describeMacros(package, properties.flatMap(\.macros))
            exposurePatches += properties.flatMap(\.exposures).map { ($0, package) }
            addSemanticLayer(properties, package: package)
            unitTestSpecs += properties.flatMap(\.unitTests).map { ($0, package) }
        }
        parseTemplates()
        PhaseTimer.mark("parse templates")
        splitDisabled()
        addGenericTests()
        PhaseTimer.mark("generic tests")
        let macroCalls = MacroDependencies.of(nodes, macros: session.macros)
        for index in nodes.indices { nodes[index].macroCalls = macroCalls[index] }
        PhaseTimer.mark("macro dependencies")
        checkUnitTests()
        nameRelations()
        PhaseTimer.mark("name relations")
        linkReferences()
        linkConstraintTargets()
        // Nothing after this changes a node's dependencies: the cycle check walks them on a thread of its own while
        // the rest is linked and checked.
        let linked = nodes
        let cyclic = BackgroundValue { ManifestBuilder.hasCycle(linked) }
        addSemanticLayer()
        addExposures()
        PhaseTimer.mark("link references")
        checkDuplicates()
        checkGroups()
        checkPropertyResources()
        checkSemanticModels()
        if cyclic.value { reportCycle() }
        if errors.isEmpty { warnUnusedConfigPaths() }
        PhaseTimer.mark("checks")
    }

    /// A cycle of refs is reported with the whole cycle.
    private mutating func reportCycle() {
        do {
            _ = try ProjectGraph(nodes: finish().graphNodes).topologicalOrder()
        } catch let error as DBTError {
            errors.append(error)
        } catch {
            errors.append(DBTError(.project, "\(error)"))
        }
    }

    /// Whether the nodes' dependencies form a cycle (sources have none) in the graph `ProjectGraph` builds: the first
    /// node of a repeated unique ID, unknown IDs ignored. A depth-first walk along dependencies that meets a node still
    /// on its path; it keeps one state byte a node rather than lists of parents and children (20,000 small arrays on a
    /// 10,000-model project).
    private static func hasCycle(_ nodes: [ProjectNode]) -> Bool {
        enum Visit { case new, onPath, done }
        var visits = [Visit](repeating: .new, count: nodes.count)
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(nodes.count)
        for index in nodes.indices {
            if indexByID[nodes[index].uniqueID] == nil {
                indexByID[nodes[index].uniqueID] = index
            } else {
                visits[index] = .done
            }
        }
        var path: [(node: Int, nextDependency: Int)] = []
        for root in nodes.indices where visits[root] == .new {
            visits[root] = .onPath
            path.append((root, 0))
            while let top = path.last {
                let node = top.node, next = top.nextDependency
                guard next < nodes[node].dependsOn.count else {
                    visits[node] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].nextDependency = next + 1
                guard let parent = indexByID[nodes[node].dependsOn[next]] else { continue }
                switch visits[parent] {
                case .onPath: return true
                case .new:
                    visits[parent] = .onPath
                    path.append((parent, 0))
                case .done: break
                }
            }
        }
        return false
    }

    func finish() -> Manifest {
        var manifest = Manifest(projectName: session.project.name, nodes: nodes, sources: sources,
                 macros: session.macros.packageNames.flatMap { package in
                     session.macros.names(in: package).sorted().compactMap { session.macros.macro($0, in: package) }
                 }.map { macro in
                     guard let patch = macroDocs[macro.uniqueID] else { return macro }
                     var described = macro
                     described.description = patch.description
                     described.arguments = patch.arguments
                     described.patchPath = "\(macro.packageName)://\(patch.file)"
                     return described
                 }, disabled: disabled, docs: docs, exposures: exposures.filter(\.enabled), groups: groups,
                 semanticModels: semanticModels.filter(\.enabled), metrics: metrics.filter(\.enabled),
                 savedQueries: savedQueries.filter(\.enabled))
        // dbt does not link disabled ones: their depends_on (and a metric's input_measures) stay empty.
        manifest.disabledPropertyResources = exposures.filter { !$0.enabled }.map {
            ($0.uniqueID, ResourceJSON.describe($0, session: session))
        } + semanticModels.filter { !$0.enabled }.map { model in
            var model = model
            model.dependsOn = []
            return (model.uniqueID, ResourceJSON.describe(model, session: session))
        } + metrics.filter { !$0.enabled }.map { metric in
            var metric = metric
            (metric.dependsOn, metric.inputMeasures) = ([], [])
            return (metric.uniqueID, ResourceJSON.describe(metric, session: session))
        } + savedQueries.filter { !$0.enabled }.map { query in
            var query = query
            query.dependsOn = []
            return (query.uniqueID, ResourceJSON.describe(query, session: session))
        }
        return manifest
    }

    // MARK: Files

    /// Reads every property file of a package, in parallel.
    private mutating func readProperties(_ package: PackageInfo) -> [PropertyFile] {
        let project = package.project
        let folders = project.modelPaths + project.seedPaths + project.analysisPaths + project.snapshotPaths + project.macroPaths
        let files = FileDiscovery.files(in: package.root, folders: folders, extensions: ["yml", "yaml"])
        let results = ParallelMap.map(files) { found -> Result<(file: PropertyFile, shown: String, text: String), DBTError> in
            let shown = ProjectLoader.shown(found, package)
            do {
                let text = try FileDiscovery.read(found.path, shownAs: shown)
                var file = try PropertyFileParser.parse(text, path: found.path, shownAs: shown)
                file.relocate(to: found.originalFilePath)
                return .success((file, shown, text))
            } catch let error as DBTError {
                return .failure(error)
            } catch {
                return .failure(DBTError(.project, "\(error)", at: FileLocation(path: shown, line: 1, column: 1)))
            }
        }
        return results.compactMap { result in
            switch result {
            case .success(let read):
                for warning in read.file.warnings { session.log(warning) }
                propertyTexts[read.shown] = read.text
                return read.file
            case .failure(let error):
                errors.append(error)
                return nil
            }
        }
    }

    private mutating func addResources(_ package: PackageInfo, properties: [PropertyFile]) {
        let project = package.project
        let modelPatches = Dictionary(properties.flatMap(\.models).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let seedPatches = Dictionary(properties.flatMap(\.seeds).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let kinds: [(ResourceType, [String], Set<String>)] = [
            (.model, project.modelPaths, ["sql", "py"]), (.seed, project.seedPaths, ["csv"]),
            (.analysis, project.analysisPaths, ["sql"]), (.test, project.testPaths, ["sql"]),
        ]
        var resources: [(type: ResourceType, found: FileDiscovery.Found, shown: String)] = []
        for (type, folders, extensions) in kinds {
            for found in FileDiscovery.files(in: package.root, folders: folders, extensions: extensions) {
                // Generic test macros and unit test fixtures live under the test paths too; they are not singular tests.
                if type == .test, let top = found.resourcePath.split(separator: "/").first, top == "generic" || top == "fixtures" {
                    continue
                }
                resources.append((type, found, ProjectLoader.shown(found, package)))
            }
        }
        // Room for this package's nodes made once: grown by appends, 10,000 nodes were copied twice over.
        nodes.reserveCapacity(nodes.count + resources.count)
        // File contents are read and hashed on every core (seeds only hashed) while this thread makes the nodes, in file
        // order, from what does not need them (names, configs, properties); each node takes its file's text after.
        let reading = BackgroundValue { [resources] in ManifestBuilder.read(resources) }
        let versions = VersionedFiles(patches: modelPatches.values,
                                      modelFiles: Set(resources.filter { $0.type == .model }.map {
                                          FileDiscovery.deletingPathExtension(FileDiscovery.lastPathComponent($0.found.resourcePath))
                                      }))
        var made: [(node: Result<ProjectNode, DBTError>?, describeErrors: [DBTError])] = []
        made.reserveCapacity(resources.count)
        for index in resources.indices {
            let (type, found, shown) = resources[index]
            let fileName = FileDiscovery.deletingPathExtension(FileDiscovery.lastPathComponent(found.resourcePath))
            let versioned = type == .model ? versions.file(fileName) : nil
            let patch = versioned?.patch ?? (type == .seed ? seedPatches[fileName] : (type == .model ? modelPatches[fileName] : nil))
            let name = patch?.name ?? fileName
            // Errors met describing the node stay with it: a file that cannot be read reports only that, as it did.
            let errorCount = errors.count
            let node: Result<ProjectNode, DBTError>
            do {
                node = .success(try makeNode(type, name: name, found: found, shown: shown, raw: "", package: package, patch: patch,
                                             version: versioned?.version))
            } catch let error as DBTError {
                node = .failure(quotingPropertyLine(error))
            } catch {
                node = .failure(DBTError(.project, "\(error)", at: FileLocation(path: shown, line: 1, column: 1)))
            }
            made.append((node, errors.count > errorCount ? Array(errors[errorCount...]) : []))
            if errors.count > errorCount { errors.removeSubrange(errorCount...) }
            let version = versioned?.version.version
            for column in patch?.columns(version: version) ?? [] {
                for spec in column.tests {
                    testSpecs.append((spec, .node(name: name, version: version, column: column.name), package, patch?.file ?? shown))
                }
            }
            for spec in patch?.tests(version: version) ?? [] {
                testSpecs.append((spec, .node(name: name, version: version, column: nil), package, patch?.file ?? shown))
            }
        }
        for (index, content) in reading.value.enumerated() {
            switch content {
            case .failure(let error):
                errors.append(error)
            case .success(let read):
                errors += made[index].describeErrors
                // Taken out of `made`, not copied: the node's fields stay unshared and take the text in place.
                switch made[index].node.take() {
                case .failure(let error)?:
                    errors.append(error)
                case .success(var node)?:
                    node.rawCode = read.text
                    node.checksum = read.checksum
                    nodes.append(node)
                case nil:
                    break
                }
            }
        }
        let known = Set(nodes.indices.map { nodes[$0].name })
        // dbt warns and ignores the properties (and their tests) of a model no file defines.
        let missing = modelPatches.values.filter { $0.versions.isEmpty && !known.contains($0.name) }
            .map { ($0.name, $0.file) } + versions.missing
        for (name, file) in missing.sorted(by: { $0.0 < $1.0 }) {
            session.log("[WARNING]: Did not find matching node for patch with name '\(name)' in the 'models' section of "
                        + "file '\(file)'")
        }
    }

    /// The text and checksum of each model, analysis and singular test file (the checksum alone of a seed), or why it
    /// could not be read; on every core.
    private static func read(_ resources: [(type: ResourceType, found: FileDiscovery.Found, shown: String)])
        -> [Result<(text: String, checksum: FileChecksum), DBTError>] {
        ParallelMap.map(resources) { resource in
            do {
                guard resource.type != .seed else {
                    return .success(("", try FileChecksum.seed(at: resource.found.path, originalFilePath: resource.found.originalFilePath,
                                                               shownAs: resource.shown)))
                }
                let text = try FileDiscovery.read(resource.found.path, shownAs: resource.shown)
                return .success((text, FileChecksum.sha256(of: text)))
            } catch let error as DBTError {
                return .failure(error)
            } catch {
                return .failure(DBTError(.project, "\(error)", at: FileLocation(path: resource.shown, line: 1, column: 1)))
            }
        }
    }

    /// A node of `type` from a file; `fqn` when it is not the file's folders and `name` (a snapshot's holds its file's name).
    mutating func makeNode(_ type: ResourceType, name: String, found: FileDiscovery.Found, shown: String, raw: String,
                           package: PackageInfo, patch: PropertyFile.ResourcePatch?, version: ModelVersion?,
                           fqn fixedFQN: [String]? = nil) throws -> ProjectNode {
        // A version's fqn ends in its model's name and `v<version>`, as dbt's; an analysis's starts its folders
        // with `analysis` (so `analyses:` configs in dbt_project.yml match as dbt's do).
        let fqn = fixedFQN ?? [package.name] + (type == .analysis ? ["analysis"] : []) + FileDiscovery.folders(of: found.resourcePath)
            + [name] + (version.map { ["v\($0.version)"] } ?? [])
        let versionPatch = patch?.versionPatch(version?.version)
        let language: ModelLanguage = type == .model && found.path.hasSuffix(".py") ? .python : .sql
        var config = NodeConfig(ManifestBuilder.defaults(for: type))
        // A Python model is a table unless configured otherwise, as in dbt.
        if language == .python { config.apply([("materialized", .string("table"))]) }
        var written = NodeConfig()
        for level in [try projectConfig(type, fqn: fqn, package: package), try render(patch?.config ?? []),
                      try render(versionPatch?.config ?? [])] {
            config.apply(level)
            written.apply(level)
        }
        let uniqueID = "\(type.rawValue).\(package.name).\(name)" + (version.map { ".v\($0.version)" } ?? "")
        // An analysis's path is under `analysis/` (dbt's compiled path of it), its folder under analysis-paths kept.
        var node = ProjectNode(uniqueID: uniqueID, resourceType: type, name: name,
                               packageName: package.name, path: type == .analysis ? "analysis/" + found.resourcePath : found.resourcePath,
                               originalFilePath: found.originalFilePath, packageRoot: package.root, fqn: fqn, rawCode: raw, config: config,
                               definedAt: FileLocation(path: shown, line: 1, column: 1))
        node.description = describe(versionPatch?.description ?? patch?.description ?? "", owner: node.uniqueID, package: package,
                                    at: patch?.descriptionAt)
        node.unrenderedConfig = written
        node.language = language
        node.patchPath = patch?.file
        node.version = version
        // A version's own constraints replace the model's; a version listing none keeps the model's (dbt's rule).
        node.constraints = versionPatch.flatMap { $0.constraints.isEmpty ? nil : $0.constraints } ?? patch?.constraints ?? []
        node.timeSpine = patch?.timeSpine
        // A column a version describes again replaces the model's, in its place.
        for column in patch?.columns(version: version?.version) ?? [] {
            let info = ProjectNode.ColumnInfo(name: column.name, description: describe(column.description, owner: node.uniqueID,
                                                                                       package: package, at: column.descriptionAt),
                                              dataType: try column.dataType.map(renderedDataType), meta: column.meta,
                                              constraints: column.constraints, quote: column.quote,
                                              granularity: column.granularity)
            if let index = node.columns.firstIndex(where: { $0.name == column.name }) {
                node.columns[index] = info
            } else {
                node.columns.append(info)
            }
        }
        return node
    }

    /// The `dbt_project.yml` configs for a node: the package's own tree, then the root project's. As in dbt, an
    /// analysis reads the `models:` tree (where its fqn's first folder is `analysis`).
    func projectConfig(_ type: ResourceType, fqn: [String], package: PackageInfo) throws -> [(key: String, value: ConfigValue)] {
        let type = type == .analysis ? .model : type
        var result: [(key: String, value: ConfigValue)] = []
        if !package.isRoot {
            result += try ProjectConfigTree(root: package.project.configTrees[type])
                .configs(for: fqn, environment: session.templates, context: configContext)
        }
        let rootTree = ProjectConfigTree(root: session.project.configTrees[type])
        result += try rootTree.configs(for: fqn, environment: session.templates, context: configContext)
        return result
    }

    /// A property file's `config:` entries with their Jinja rendered (hooks and `loaded_at_query` kept as written).
    func render(_ config: [(key: String, value: ConfigValue)]) throws -> [(key: String, value: ConfigValue)] {
        try config.map { key, value in
            ["pre_hook", "post_hook", "loaded_at_query"].contains(key) ? (key, value) : (key, try render(value))
        }
    }

    /// A property file's config value with every templated string in it rendered, however deep
    /// (`column_types: {amount: "{{ 'float' if ... }}"}`), as dbt renders property files. The
    /// value's depth is bounded by the YAML reader's nesting limit.
    private func render(_ value: ConfigValue) throws -> ConfigValue {
        switch value {
        case .string(let text) where YAMLNode.isTemplated(text):
            return try ConfigValue(session.templates.evaluate(text, configContext))
        case .list(let items): return .list(try items.map(render))
        case .dict(let pairs): return .dict(try pairs.map { ($0.key, try render($0.value)) })
        default: return value
        }
    }

    /// A column's `data_type:`, rendered as dbt renders property files (`"{{ 'int' if ... }}"`).
    private func renderedDataType(_ text: String) throws -> String {
        try render(.string(text)).stringValue ?? text
    }

    /// The `macros:` entries of a package, descriptions (and their arguments') rendered; an entry for a
    /// macro the package does not define is ignored, as dbt does after a warning.
    private mutating func describeMacros(_ package: PackageInfo, _ patches: [PropertyFile.MacroPatch]) {
        for var patch in patches {
            let uniqueID = "macro.\(package.name).\(patch.name)"
            patch.description = describe(patch.description, owner: uniqueID, package: package, at: patch.descriptionAt)
            for index in patch.arguments.indices {
                patch.arguments[index].description = describe(patch.arguments[index].description, owner: uniqueID, package: package,
                                                              at: patch.arguments[index].descriptionAt)
            }
            macroDocs[uniqueID] = patch
        }
    }

    /// A description rendered (`doc()`, vars); a failure is collected and the text kept as written,
    /// so that the resource stays and nothing that uses it reports it missing.
    mutating func describe(_ text: String, owner: String, package: PackageInfo, at location: FileLocation?) -> String {
        do {
            return try descriptions.render(text, owner: owner, package: package.name, at: location)
        } catch let error as DBTError {
            errors.append(quotingPropertyLine(error))
        } catch {
            errors.append(DBTError(.compilation, "\(error)", at: location))
        }
        return text
    }

    /// `error` with the line it points at quoted, when that line is in a property file.
    func quotingPropertyLine(_ error: DBTError) -> DBTError {
        guard let path = error.location?.path, let text = propertyTexts[path] else { return error }
        return error.quotingLine(of: text, path: path)
    }

    /// A YAML string with Jinja in it (`schema: "{{ env_var('RAW', 'raw') }}"`), rendered.
    private func renderText(_ text: String) throws -> String {
        guard YAMLNode.isTemplated(text) else { return text }
        return try session.templates.evaluate(text, configContext).str
    }

    static func defaults(for type: ResourceType) -> [(key: String, value: ConfigValue)] {
        switch type {
        case .model: return [("enabled", .bool(true)), ("materialized", .string("view"))]
        case .seed: return [("enabled", .bool(true)), ("materialized", .string("seed")), ("delimiter", .string(","))]
        case .test: return [("enabled", .bool(true)), ("materialized", .string("test")), ("schema", .string("dbt_test__audit")),
                            ("severity", .string("ERROR")),
                            ("warn_if", .string("!= 0")), ("error_if", .string("!= 0")), ("store_failures", .null)]
        case .analysis: return [("enabled", .bool(true)), ("materialized", .string("view"))]
        case .snapshot: return [("enabled", .bool(true)), ("materialized", .string("snapshot"))]
        default: return [("enabled", .bool(true))]
        }
    }

    private mutating func addSources(_ package: PackageInfo, _ patches: [PropertyFile.SourceTablePatch]) {
        for patch in patches {
            let folders = ASCIIText.split(PathText.deletingLastComponent(patch.file), "/").dropFirst()
            do {
                var config = NodeConfig([("enabled", .bool(true))])
                config.apply(try projectConfig(.source, fqn: [package.name, patch.sourceName, patch.name], package: package))
                config.apply(try render(patch.config))
                let uniqueID = "source.\(package.name).\(patch.sourceName).\(patch.name)"
                let source = SourceTable(
                    uniqueID: uniqueID, sourceName: patch.sourceName,
                    name: patch.name, packageName: package.name,
                    fqn: [package.name] + folders.filter { $0 != "/" } + [patch.sourceName, patch.name],
                    originalFilePath: patch.file,
                    relation: RelationName(database: try renderText(patch.database ?? session.target.database),
                                           schema: try renderText(patch.schema), identifier: try renderText(patch.identifier)),
                    loader: patch.loader, sourceDescription: patch.sourceDescription,
                    description: describe(patch.description, owner: uniqueID, package: package, at: patch.descriptionAt),
                    columns: patch.columns.map {
                        ProjectNode.ColumnInfo(name: $0.name, description: describe($0.description, owner: uniqueID, package: package,
                                                                                     at: $0.descriptionAt),
                                               dataType: $0.dataType, meta: $0.meta)
                    },
                    config: config, definedAt: patch.location, quoting: patch.quoting)
                guard config.enabled else { continue }
                if sources.contains(where: { $0.uniqueID == source.uniqueID }) {
                    errors.append(DBTError(.project, "source '\(patch.sourceName).\(patch.name)' is defined twice", at: patch.location))
                    continue
                }
                sources.append(source)
                for spec in patch.tests {
                    testSpecs.append((spec, .source(source: patch.sourceName, table: patch.name, column: nil), package, patch.file))
                }
                for column in patch.columns {
                    for spec in column.tests {
                        testSpecs.append((spec, .source(source: patch.sourceName, table: patch.name, column: column.name), package, patch.file))
                    }
                }
            } catch let error as DBTError {
                errors.append(quotingPropertyLine(error))
            } catch {
                errors.append(DBTError(.project, "\(error)", at: patch.location))
            }
        }
    }

    // MARK: Parse-time rendering

    /// Parses every template and renders it once with the parse context, in parallel.
    private mutating func parseTemplates() {
        let session = self.session
        let results = ParallelMap.map(Array(nodes.indices)) { [nodes] index -> Result<ParseResult, DBTError>? in
            ManifestBuilder.parseResult(nodes[index], session: session)
        }
        // A node that fails to parse stays (without its refs), so nodes that use it do not
        // report it as missing on top of its own error.
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let parsed)?:
                nodes[index].template = parsed.template
                nodes[index].refs = parsed.refs
                nodes[index].sources = parsed.sources
                nodes[index].config.apply(parsed.config)
                nodes[index].unrenderedConfig.apply(parsed.config)
            case .failure(let error)?: errors.append(error)
            case nil: break
            }
        }
    }

    /// What parsing a node's template finds.
    struct ParseResult: Sendable {
        /// Nil for a Python model.
        var template: Template?
        var refs: [ProjectNode.Reference]
        var sources: [ProjectNode.SourceReference]
        var config: [(key: String, value: ConfigValue)]
    }

    /// The template, refs, sources and `config()` settings of a node; nil for seeds.
    static func parseResult(_ node: ProjectNode, session: CompileSession) -> Result<ParseResult, DBTError>? {
        guard node.resourceType != .seed else { return nil }
        do {
            if node.language == .python {
                do {
                    let declared = try PythonModelReader.read(node.rawCode, path: node.definedAt.path)
                    return .success(ParseResult(template: nil, refs: declared.refs, sources: declared.sources, config: declared.config))
                } catch let error as DBTError {
                    return .failure(error.quotingLine(of: node.rawCode, path: node.definedAt.path))
                }
            }
            let template = try session.templates.parse(node.rawCode, name: node.definedAt.path)
            let state = RenderState(session: session, node: node, phase: .parse)
            // As dbt's parse: an attribute, item or call of an undefined name (an uninstalled package's macro)
            // passes here and fails when an enabled node is compiled.
            var templates = session.templates
            templates.undefinedBehavior = .chainable
            _ = try templates.render(template, [:], globals: state.scope(for: node.packageName))
            let shift = snapshotBodyLineShift(node)
            return .success(ParseResult(template: template, refs: shift(references: state.refs), sources: shift(sources: state.sources),
                                        config: state.config))
        } catch let error as TemplateError {
            return .failure(snapshotBodyLineShift(node)(error: DBTError(template: error, path: node.definedAt.path)))
        } catch let error as DBTError {
            return .failure(error)
        } catch {
            return .failure(DBTError(.compilation, "\(error)", at: node.definedAt))
        }
    }

    private mutating func splitDisabled() {
        guard nodes.indices.contains(where: { !nodes[$0].config.enabled }) else { return }
        var enabled: [ProjectNode] = []
        enabled.reserveCapacity(nodes.count)
        for node in nodes {
            if node.config.enabled { enabled.append(node) } else { disabled.append(node) }
        }
        nodes = enabled
    }
}
