import Jinja

/// Snapshots: the `{% snapshot name %}...{% endsnapshot %}` blocks of the `.sql` files under a package's
/// `snapshot-paths`, one node each, as dbt-core parses them.
extension ManifestBuilder {
    /// Adds a node for every snapshot block of `package`: named by the block, its code the block's body,
    /// its fqn the package, the file's path without extension and the name (dbt keeps the file name in it),
    /// its checksum the whole file's, its config `dbt_project.yml`'s `snapshots:` tree and its `config()` call.
    mutating func addSnapshots(_ package: PackageInfo) {
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
                    var node = try makeNode(.snapshot, name: block.name, found: found, shown: shown, raw: block.rawBody,
                                            package: package, patch: nil, version: nil, fqn: fileFQN + [block.name])
                    node.checksum = FileChecksum.sha256(of: text)
                    node.definedAt = FileLocation(path: shown, line: block.macro.location.line, column: block.macro.location.column)
                    nodes.append(node)
                }
            } catch let error as DBTError {
                errors.append(error)
            } catch {
                errors.append(DBTError(.project, "\(error)", at: FileLocation(path: shown, line: 1, column: 1)))
            }
        }
    }
}
