import Foundation
import Jinja

/// Finds the `{% docs %}` blocks of every package's `.md` files under its `docs-paths`.
enum DocsParser {
    /// The package that holds the front page shown when the project defines no `__overview__`.
    static let builtinPackage = "dbt"

    /// Every docs block of `packages` (plus the built-in overview), in file order; problems are collected.
    static func parse(_ packages: [PackageInfo], environment: Jinja.Environment) -> (docs: [DocBlock], errors: [DBTError]) {
        let files = packages.flatMap { package in
            FileDiscovery.files(in: package.root, folders: package.project.docsPaths, extensions: ["md"]).map { (package, $0) }
        }
        let results = ParallelMap.map(files) { package, found -> Result<(blocks: [DocBlock], text: String), DBTError> in
            let shown = ProjectLoader.shown(found, package)
            do {
                let text = try FileDiscovery.read(found.path, shownAs: shown)
                let template = try environment.parse(text, name: shown)
                return .success((try template.blocks.filter { $0.kind == .docs }.map { block in
                    let location = block.macro.location
                    return DocBlock(uniqueID: "doc.\(package.name).\(block.name)", name: block.name, packageName: package.name,
                                    path: found.resourcePath, originalFilePath: found.originalFilePath,
                                    blockContents: try environment.call(block.macro, Arguments()).str
                                        .trimmingCharacters(in: .whitespacesAndNewlines),
                                    definedAt: FileLocation(path: shown, line: location.line, column: location.column))
                }, text))
            } catch let error as TemplateError {
                return .failure(DBTError(template: error, path: shown))
            } catch let error as DBTError {
                return .failure(error)
            } catch {
                return .failure(DBTError(.project, "\(error)", at: FileLocation(path: shown, line: 1, column: 1)))
            }
        }
        var docs = [overview]
        var errors: [DBTError] = []
        var seen: [String: FileLocation] = [:]
        for result in results {
            switch result {
            case .success(let (blocks, text)):
                for block in blocks {
                    if let first = seen[block.uniqueID] {
                        errors.append(DBTError(.project, "doc '\(block.name)' is defined twice in package '\(block.packageName)' "
                                               + "(first at \(first))", at: block.definedAt)
                                      .quotingLine(of: text, path: block.definedAt.path))
                        continue
                    }
                    seen[block.uniqueID] = block.definedAt
                    docs.append(block)
                }
            case .failure(let error):
                errors.append(error)
            }
        }
        return (docs, errors)
    }

    /// The front page of a project without its own `__overview__` block.
    private static let overview = DocBlock(
        uniqueID: "doc.\(builtinPackage).__overview__", name: "__overview__", packageName: builtinPackage,
        path: "overview.md", originalFilePath: "docs/overview.md",
        blockContents: """
            ### Project documentation

            This site describes the project's models, seeds, sources and tests: what each one means, its
            columns, its SQL, and where its data comes from and goes.

            Open a node from the project or database tree, search by name, description or column, or
            open the lineage graph to follow data through the project. A project sets its own front page
            with a `{% docs __overview__ %}` block.
            """,
        definedAt: FileLocation(path: "docs/overview.md", line: 1, column: 1))
}
