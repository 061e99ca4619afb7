import Jinja

/// Generic tests from property files become test nodes, named as dbt names them.
extension ManifestBuilder {
    /// The name a generic test's name is made from: the model's, with `_v<version>` for a version (as dbt's).
    static func testSubject(_ name: String, version: String?) -> String {
        version.map { "\(name)_v\($0)" } ?? name
    }

    mutating func addGenericTests() {
        /// Unique IDs of models, seeds and snapshots by package, then name (`name_v2` for a version).
        var byName: [String: [String: String]] = [:]
        for index in nodes.indices where [.model, .seed, .snapshot].contains(nodes[index].resourceType) {
            let name = ManifestBuilder.testSubject(nodes[index].name, version: nodes[index].version?.version)
            if byName[nodes[index].packageName]?[name] == nil {
                byName[nodes[index].packageName, default: [:]][name] = nodes[index].uniqueID
            }
        }
        let disabledNames = Set(disabled.map { "\($0.packageName).\($0.name)" })
        var seen: Set<String> = []
        seen.reserveCapacity(testSpecs.count)
        var projectConfigs = ProjectConfigCache()
        /// The folders of the property file last seen (a file's tests come one after another; two packages
        /// may have files of the same path), and the key of their `dbt_project.yml` configs.
        var folders: (package: String, file: String, names: [String], configKey: String) = ("", "", [], "")
        // Names and unique IDs (the MD5 included) depend on nothing but the spec: made on both cores.
        let namings = ParallelMap.map(testSpecs) { TestNaming($0.spec, attached: $0.attached, package: $0.package.name) }
        // In order, what needs the specs before it (attached nodes, repeated IDs, the project configs cache); then
        // the nodes on both cores; then nodes and errors kept in the specs' order, as one pass in order keeps them.
        var plan: [TestStep] = []
        plan.reserveCapacity(testSpecs.count)
        for index in testSpecs.indices {
            // Fields read in place: a copy of the entry would retain and release all of it.
            let (package, file, location) = (testSpecs[index].package, testSpecs[index].file, testSpecs[index].spec.location)
            let attachedID: String
            switch testSpecs[index].attached {
            case .node(let model, let version, _):
                let name = ManifestBuilder.testSubject(model, version: version)
                guard let nodeID = byName[package.name]?[name] else {
                    plan.append(disabledNames.contains("\(package.name).\(name)") ? .skipped : .failed(DBTError(
                        .project, "test '\(testSpecs[index].spec.name)' is attached to '\(name)', which does not exist", at: location)))
                    continue
                }
                attachedID = nodeID
            case .source(let source, let table, _):
                attachedID = "source.\(package.name).\(source).\(table)"
            }
            guard seen.insert(namings[index].uniqueID).inserted else {
                plan.append(.failed(DBTError(.project, "the test '\(namings[index].name)' is defined twice for '\(namings[index].subject)'",
                                              at: location)))
                continue
            }
            if file != folders.file || package.name != folders.package {
                let names = Array(ASCIIText.split(file, "/").dropFirst().dropLast())
                folders = (package.name, file, names, ([package.name] + names).joined(separator: "\u{0}"))
            }
            var fqn = [package.name]
            fqn.reserveCapacity(folders.names.count + 2)
            fqn += folders.names
            fqn.append(namings[index].name)
            let configs = Result { try projectConfigs.configs(key: folders.configKey) { try projectConfig(.test, fqn: fqn, package: package) } }
            plan.append(.make(attachedID: attachedID, fqn: fqn, projectConfigs: configs))
        }
        let (steps, specs) = (plan, testSpecs)
        let session = self.session
        let testDefaults = NodeConfig(ManifestBuilder.defaults(for: .test))
        var made = ParallelMap.map(Array(specs.indices)) { index -> Result<ProjectNode, DBTError>? in
            guard case .make(let attachedID, let fqn, let configs) = steps[index] else { return nil }
            let (spec, attached, package, file) = specs[index]
            do {
                return .success(try ManifestBuilder.testNode(spec, attached: attached, attachedID: attachedID, package: package, file: file,
                                                             naming: namings[index], fqn: fqn, config: testDefaults,
                                                             projectConfigs: configs.get(), session: session))
            } catch let error as TemplateError {
                return .failure(DBTError(template: error, path: file))
            } catch let error as DBTError {
                return .failure(error)
            } catch {
                return .failure(DBTError(.project, "\(error)", at: spec.location))
            }
        }
        nodes.reserveCapacity(nodes.count + testSpecs.count)
        for index in steps.indices {
            if case .failed(let error) = steps[index] {
                errors.append(error)
                continue
            }
            // Taken out of `made`, not copied: a copy would retain every field of the node.
            switch made[index].take() {
            case .failure(let error)?: errors.append(error)
            case .success(let node)?: if node.config.enabled { nodes.append(node) } else { disabled.append(node) }
            case nil: break
            }
        }
    }

    /// What the pass in order found for one generic test spec.
    private enum TestStep: Sendable {
        /// Attached to a disabled node: no test, no error.
        case skipped
        case failed(DBTError)
        /// `projectConfigs`: the test's `dbt_project.yml` configs, or the error reading them gave.
        case make(attachedID: String, fqn: [String], projectConfigs: Result<[(key: String, value: ConfigValue)], Error>)
    }

    /// A generic test's node: config from the defaults, the project and the entry, references in its arguments,
    /// dbt's config call in its raw code. Its `enabled` config says whether it is kept or disabled.
    private static func testNode(_ spec: PropertyFile.TestSpec, attached: AttachedTarget, attachedID: String, package: PackageInfo,
                                 file: String, naming: TestNaming, fqn: [String], config defaults: NodeConfig,
                                 projectConfigs: [(key: String, value: ConfigValue)], session: CompileSession) throws -> ProjectNode {
        let (namespace, testName) = (naming.namespace, naming.testName)
        let (column, shortName, name) = (naming.column, naming.shortName, naming.name)
        var config = defaults
        // As dbt: the tags of what the test is written under and its own, sorted, without repeats.
        let tags = Set(spec.inheritedTags + spec.config.filter { $0.key == "tags" }.flatMap(\.value.stringList)).sorted()
        if !tags.isEmpty { config.apply([("tags", .list(tags.map(ConfigValue.string)))]) }
        config.apply(projectConfigs)
        config.apply(spec.config)
        var node = ProjectNode(
            uniqueID: naming.uniqueID, resourceType: .test, name: name, packageName: package.name,
            path: (spec.customName ?? shortName) + ".sql", originalFilePath: file, packageRoot: package.root, fqn: fqn,
            rawCode: "{{ \(namespace.map { $0 + "." } ?? "")test_\(testName)(**_dbt_generic_test_kwargs) }}",
            config: config, definedAt: spec.location)
        node.test = TestMetadata(name: testName, namespace: namespace,
                                 kwargs: column == nil || !spec.arguments.contains(where: { $0.key == "column_name" })
                                     ? spec.arguments : spec.arguments.filter { $0.key != "column_name" },
                                 columnName: column, attachedNode: attachedID)
        node.test?.propertyConfigKeys = Set(spec.config.map { NodeConfig.canonicalKey($0.key) })
        node.test?.modelArgument = naming.modelArgument
        if case .node(_, let version, _) = attached { node.test?.attachedVersion = version }
        try captureReferences(in: &node, session: session)
        let rendered = try renderedConfig(spec.config, of: node, session: session)
        node.config.apply(rendered)
        // As dbt: a generated name too long to file gives the test its short name as alias.
        var written = GenericTestConfigCall.entries(spec.config + rendered)
        if spec.customName == nil, shortName != name, !written.contains(where: { $0.key == "alias" }) {
            written.append(("alias", .string(shortName)))
            node.config.apply([("alias", .string(shortName))])
        }
        node.rawCode += GenericTestConfigCall.text(written)
        // dbt keeps what the entry wrote (and the alias it gave) as the test's unrendered config.
        node.unrenderedConfig.apply(GenericTestConfigCall.entries(spec.config + written.filter { $0.key == "alias" }))
        // As dbt: what the arguments reference, then what the test is attached to (its `model` argument, the last),
        // in refs/sources and so in depends_on, sources before refs.
        switch attached {
        case .source(let source, let table, _):
            node.sources.append(ProjectNode.SourceReference(source: source, table: table, location: spec.location))
        case .node(let name, let version, _):
            node.refs.append(ProjectNode.Reference(package: nil, name: name, version: version, location: spec.location))
        }
        return node
    }

    /// Records `ref(...)`/`source(...)` written as test arguments (`to: ref('customers')`).
    private static func captureReferences(in node: inout ProjectNode, session: CompileSession) throws {
        let kwargs = node.test?.kwargs ?? []
        guard kwargs.contains(where: { if case .string(let text) = $0.value { return TestArguments.isReference(text) } else { return false } }) else {
            node.refs = []
            node.sources = []
            return
        }
        let state = RenderState(session: session, node: node, phase: .parse)
        for (_, value) in node.test?.kwargs ?? [] {
            guard case .string(let text) = value, TestArguments.isReference(text) else { continue }
            _ = try session.templates.evaluate("{{ \(text) }}", [:], name: node.definedAt.path,
                                               globals: state.scope(for: node.packageName))
        }
        node.refs = state.refs.map { var ref = $0; ref.location = node.definedAt; return ref }
        node.sources = state.sources
    }

    /// The test's own `config:` values that hold Jinja, rendered as dbt renders them when it parses the test
    /// (a lone `{{ expression }}` gives its value): `enabled: "{{ target.type == 'postgres' }}"` is a boolean.
    private static func renderedConfig(_ config: [(key: String, value: ConfigValue)], of node: ProjectNode,
                                       session: CompileSession) throws -> [(key: String, value: ConfigValue)] {
        let templated = config.filter { if case .string(let text) = $0.value { return text.contains("{") } else { return false } }
        guard !templated.isEmpty else { return [] }
        // The scope refers to its state without owning it.
        let state = RenderState(session: session, node: node, phase: .parse)
        return try withExtendedLifetime(state) {
            let scope = state.scope(for: node.packageName)
            return try templated.map { pair in
                guard case .string(let text) = pair.value else { return pair }
                return (pair.key, try ConfigValue(session.templates.evaluate(text, [:], name: node.definedAt.path, globals: scope)))
            }
        }
    }

    /// dbt's generic test names: `not_null_orders_id`, or a truncated name plus a hash past 63 characters.
    static func testNames(type: String, subject: String, kwargs: [(key: String, value: ConfigValue)]) -> (short: String, full: String) {
        // Built as bytes: `<type>_<subject>_` then the sanitized argument values joined by `__`.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(type.utf8.count + subject.utf8.count + 48)
        bytes.append(contentsOf: type.utf8)
        bytes.append(UInt8(ascii: "_"))
        bytes.append(contentsOf: subject.utf8)
        let identifierLength = bytes.count
        bytes.append(UInt8(ascii: "_"))
        var first = true
        func add(_ value: ConfigValue) {
            if !first {
                bytes.append(UInt8(ascii: "_"))
                bytes.append(UInt8(ascii: "_"))
            }
            first = false
            TestArguments.appendSanitized(TestArguments.text(value), to: &bytes)
        }
        let sorted = kwargs.count < 2 ? kwargs : kwargs.sorted(by: { $0.key < $1.key })
        for (key, value) in sorted where key != "model" {
            switch value {
            case .dict(let pairs): pairs.forEach { add($0.value) }
            case .list(let items): items.forEach(add)
            default: add(value)
            }
        }
        let fullName = String(decoding: bytes, as: UTF8.self)
        // Characters are never more than UTF-8 bytes: short names need no counting.
        if bytes.count >= 64, fullName.count >= 64 {
            let identifier = String(decoding: bytes[..<identifierLength], as: UTF8.self)
            return ("\(identifier.prefix(30))_\(HexDigest.md5(fullName))", fullName)
        }
        return (fullName, fullName)
    }
}

/// Helpers for generic test arguments.
enum TestArguments {
    /// Whether an argument is a `ref(...)` or `source(...)` call to evaluate (`to: ref('x')`).
    static func isReference(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return (trimmed.hasPrefix("ref(") || trimmed.hasPrefix("source(")) && trimmed.hasSuffix(")")
    }

    /// Whether an argument is a bare call dbt evaluates as if written in `{{ }}`: `ref`, `source`, `var`,
    /// `env_var` or `doc`, then `(`, something on one line, and `)`, whitespace around it allowed.
    static func isCall(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let name = ["env_var", "ref", "var", "source", "doc"].first(where: { trimmed.hasPrefix($0) }) else { return false }
        let rest = trimmed.dropFirst(name.count).drop(while: { $0.isWhitespace })
        guard rest.first == "(", rest.last == ")", rest.count > 2 else { return false }
        return !rest.dropFirst().dropLast().contains("\n")
    }

    /// The last part of a generic test's unique ID, as dbt makes it: the last 10 hex digits of the MD5 of the
    /// node's name and Python's `repr` of the test's name, namespace and arguments (`model` and `column_name`
    /// included), dict keys sorted and every scalar as its `str`. Tests of the same name whose arguments differ
    /// only where the name cannot show it (`{a: 1}` and `{b: 1}`, `'x y'` and `'x-y'`) are two nodes.
    static func hash(name: String, test: String, namespace: String?, kwargs: [(key: String, value: ConfigValue)],
                     model: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 256)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "{'kwargs': {".utf8)
        var sorted = kwargs
        sorted.append(("model", .string(model)))
        // Argument names are identifiers: `<` orders them as Python's `sorted` does.
        if sorted.count > 1 { sorted.sort { $0.key < $1.key } }
        var first = true
        for (key, value) in sorted {
            if !first { bytes.append(contentsOf: ", ".utf8) }
            first = false
            appendStringRepr(key, to: &bytes)
            bytes.append(contentsOf: ": ".utf8)
            appendHashableRepr(value, to: &bytes)
        }
        bytes.append(contentsOf: "}, 'name': ".utf8)
        appendStringRepr(test, to: &bytes)
        bytes.append(contentsOf: ", 'namespace': ".utf8)
        appendStringRepr(namespace ?? "None", to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return String(HexDigest.md5(bytes).suffix(10))
    }

    /// Python's `repr` of a value with dict keys sorted and every scalar turned into its `str`.
    private static func appendHashableRepr(_ value: ConfigValue, to out: inout [UInt8]) {
        switch value {
        case .dict(let pairs):
            out.append(UInt8(ascii: "{"))
            let sorted = pairs.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (index, pair) in sorted.enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                appendStringRepr(pair.key, to: &out)
                out.append(contentsOf: ": ".utf8)
                appendHashableRepr(pair.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                appendHashableRepr(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            appendStringRepr(text(value), to: &out)
        }
    }

    /// Python's `repr` of a string: single quotes unless it holds `'` and no `"`. ASCII text in one pass, copied
    /// whole when nothing in it needs a backslash (the usual case).
    private static func appendStringRepr(_ text: String, to out: inout [UInt8]) {
        var single = false, double = false, special = false
        for byte in text.utf8 {
            switch byte {
            case 0x80...: out.append(contentsOf: Value.string(text).repr.utf8); return
            case UInt8(ascii: "'"): single = true
            case UInt8(ascii: "\""): double = true
            case UInt8(ascii: "\\"), 0..<0x20, 0x7F: special = true
            default: break
            }
        }
        let quote = single && !double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        out.append(quote)
        if !special && !(single && double) {
            out.append(contentsOf: text.utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"), quote: out += [UInt8(ascii: "\\"), byte]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20, 0x7F: out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default: out.append(byte)
                }
            }
        }
        out.append(quote)
    }

    static func text(_ value: ConfigValue) -> String {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "True" : "False"
        case .null: return "None"
        default: return value.jinjaValue.str
        }
    }

    /// Appends `text` with each run of characters other than ASCII letters, digits and `_` as one `_`.
    static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        var inRun = false
        for byte in text.utf8 {
            // Bytes of non-ASCII characters are all outside these ranges, so such a character joins a run.
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") {
                out.append(byte)
                inRun = false
            } else if !inRun {
                out.append(UInt8(ascii: "_"))
                inRun = true
            }
        }
    }
}

/// `dbt_project.yml` configs of generic tests, by package and folders (what they depend on:
/// a config tree is walked down to the node's folder, never by its name).
struct ProjectConfigCache {
    private var cached: [String: Result<[(key: String, value: ConfigValue)], Error>] = [:]

    /// `key`: the package and folders (a test's fqn without its name).
    mutating func configs(key: String,
                          _ make: () throws -> [(key: String, value: ConfigValue)]) throws -> [(key: String, value: ConfigValue)] {
        if let found = cached[key] { return try found.get() }
        let result = Result { try make() }
        cached[key] = result
        return try result.get()
    }
}
