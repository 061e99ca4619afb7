import Jinja

/// Snapshots, as dbt-core parses them: the `{% snapshot name %}...{% endsnapshot %}` blocks of the `.sql` files
/// under a package's `snapshot-paths`, and (dbt 1.9+) `snapshots:` property entries with a `relation:` of their own.
extension ManifestBuilder {
    /// Adds a node for every snapshot block of `package`: named by the block, its code the block's body,
    /// its fqn the package, the file's path without extension and the name (dbt keeps the file name in it),
    /// its checksum the whole file's, its config `dbt_project.yml`'s `snapshots:` tree, its property entry's and
    /// its `config()` call; then one for every property entry with a `relation:`.
    mutating func addSnapshots(_ package: PackageInfo, patches: [PropertyFile.ResourcePatch]) {
        let byName = Dictionary(patches.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for found in FileDiscovery.files(in: package.root, folders: package.project.snapshotPaths, extensions: ["sql"]) {
            let shown = ProjectLoader.shown(found, package)
            do {
                let text = try FileDiscovery.read(found.path, shownAs: shown)
                let template: Template
                do {
                    template = try session.templates.parse(text, name: shown)
                } catch let error as TemplateError {
                    throw DBTError(template: error, path: shown)
                }
                let fileFQN = [package.name] + ASCIIText.split(FileDiscovery.deletingPathExtension(found.resourcePath), "/")
                for block in template.blocks where block.kind == .snapshot {
                    let patch = byName[block.name]
                    var node = try makeNode(.snapshot, name: block.name, found: found, shown: shown, raw: block.rawBody,
                                            package: package, patch: patch.flatMap { $0.relation == nil ? $0 : nil },
                                            version: nil, fqn: fileFQN + [block.name])
                    node.checksum = FileChecksum.sha256(of: text)
                    node.definedAt = FileLocation(path: shown, line: block.macro.location.line, column: block.macro.location.column)
                    nodes.append(node)
                    if let patch, patch.relation == nil { addTestSpecs(of: patch, named: block.name, package: package) }
                }
            } catch let error as DBTError {
                errors.append(error)
            } catch {
                errors.append(DBTError(.project, "\(error)", at: FileLocation(path: shown, line: 1, column: 1)))
            }
        }
        for patch in patches where patch.relation != nil {
            do {
                nodes.append(try yamlSnapshot(patch, package: package))
                addTestSpecs(of: patch, named: patch.name, package: package)
            } catch let error as DBTError {
                errors.append(quotingPropertyLine(error))
            } catch {
                errors.append(DBTError(.project, "\(error)", at: patch.location))
            }
        }
    }

    /// A snapshot a property entry defines: `select * from {{ <relation> }}`, as dbt writes its code. Its path is
    /// dbt's, the property file's followed by `<name>.sql`; its fqn the file's folders and the name.
    private mutating func yamlSnapshot(_ patch: PropertyFile.ResourcePatch, package: PackageInfo) throws -> ProjectNode {
        let relation = (patch.relation ?? "").trimmingCharacters(in: .whitespaces)
        guard relation.hasPrefix("ref(") || relation.hasPrefix("source("), relation.hasSuffix(")") else {
            throw DBTError(.project, "snapshot '\(patch.name)': relation must be a ref() or source() call, not '\(relation)'",
                           at: patch.relationAt ?? patch.location)
        }
        let inFolder = ASCIIText.split(patch.file, "/").dropFirst().joined(separator: "/")
        let found = FileDiscovery.Found(path: PathText.appending(package.root, patch.file), originalFilePath: patch.file,
                                        resourcePath: inFolder + "/" + patch.name + ".sql")
        let raw = "select * from {{ " + relation + " }}"
        var node = try makeNode(.snapshot, name: patch.name, found: found, shown: ProjectLoader.shown(found, package), raw: raw,
                                package: package, patch: patch, version: nil,
                                fqn: [package.name] + FileDiscovery.folders(of: inFolder) + [patch.name])
        node.checksum = FileChecksum.sha256(of: raw)
        node.definedAt = patch.location
        return node
    }

    /// The generic tests of a snapshot's property entry and its columns.
    private mutating func addTestSpecs(of patch: PropertyFile.ResourcePatch, named name: String, package: PackageInfo) {
        for column in patch.columns {
            for spec in column.tests {
                testSpecs.append((spec, .node(name: name, version: nil, column: column.name), package, patch.file))
            }
        }
        for spec in patch.tests {
            testSpecs.append((spec, .node(name: name, version: nil, column: nil), package, patch.file))
        }
    }

    /// Places in a `{% snapshot %}` block's body moved to the lines of its file (the body is parsed alone, from
    /// the block's first line); other nodes' are kept.
    struct LineShift {
        var path: String
        var lines: Int

        func callAsFunction(error: DBTError) -> DBTError {
            var moved = error
            moved.location = error.location.map(shift)
            return moved
        }

        func callAsFunction(references: [ProjectNode.Reference]) -> [ProjectNode.Reference] {
            guard lines != 0 else { return references }
            return references.map { reference in
                var moved = reference
                moved.location = reference.location.map(shift)
                return moved
            }
        }

        func callAsFunction(sources: [ProjectNode.SourceReference]) -> [ProjectNode.SourceReference] {
            guard lines != 0 else { return sources }
            return sources.map { source in
                var moved = source
                moved.location = source.location.map(shift)
                return moved
            }
        }

        private func shift(_ location: FileLocation) -> FileLocation {
            guard location.path == path else { return location }
            return FileLocation(path: location.path, line: location.line + lines, column: location.column)
        }
    }

    static func snapshotBodyLineShift(_ node: ProjectNode) -> LineShift {
        let isBlock = node.resourceType == .snapshot && node.originalFilePath.hasSuffix(".sql")
        return LineShift(path: node.definedAt.path, lines: isBlock ? node.definedAt.line - 1 : 0)
    }
}
