import Foundation
import Jinja

/// Parses macro files (project, packages and the built-in `dbt` namespace) into macro entries.
enum MacroParser {
    /// A macro file to parse.
    struct File: Sendable {
        var package: String
        var path: String
        var originalFilePath: String
        var text: String
    }

    /// Every top-level macro, `{% test %}` block and `{% materialization %}` block of `files`.
    /// Syntax errors are collected, not thrown one by one.
    static func parse(_ files: [File], environment: Jinja.Environment) -> (macros: [MacroEntry], errors: [DBTError]) {
        let results = ParallelMap.map(files) { file -> Result<[MacroEntry], DBTError> in
            do {
                let template = try environment.parse(file.text, name: file.originalFilePath)
                var entries = template.macros.map { entry(file, $0) }
                for block in template.blocks where block.kind == .test || block.kind == .materialization {
                    entries.append(entry(file, block.macro))
                    // `adapter=['a', 'b']`: the same materialization under each adapter's name.
                    for adapter in block.adapters.dropFirst() {
                        entries.append(entry(file, block.macro, name: "materialization_\(block.name)_\(adapter)"))
                    }
                }
                return .success(entries)
            } catch let error as TemplateError {
                return .failure(DBTError(template: error, path: file.originalFilePath))
            } catch {
                return .failure(DBTError(.compilation, "\(error)", at: FileLocation(path: file.originalFilePath, line: 1, column: 1)))
            }
        }
        var macros: [MacroEntry] = []
        var errors: [DBTError] = []
        var seen: [String: String] = [:]
        for result in results {
            switch result {
            case .success(let entries):
                for macro in entries {
                    if let first = seen[macro.uniqueID], macro.packageName != MacroRegistry.internalPackage {
                        errors.append(DBTError(.project, "macro '\(macro.name)' is defined twice in package '\(macro.packageName)': "
                                               + "\(first) and \(macro.originalFilePath)",
                                               at: FileLocation(path: macro.originalFilePath, line: macro.definition.location.line,
                                                                column: macro.definition.location.column)))
                    }
                    seen[macro.uniqueID] = macro.originalFilePath
                    macros.append(macro)
                }
            case .failure(let error):
                errors.append(error)
            }
        }
        return (macros, errors)
    }

    private static func entry(_ file: File, _ definition: MacroDefinition, name: String? = nil) -> MacroEntry {
        let name = name ?? definition.name
        return MacroEntry(uniqueID: "macro.\(file.package).\(name)", name: name, packageName: file.package,
                          originalFilePath: file.originalFilePath, definition: definition)
    }
}

extension DBTError {
    /// A template error as a project error at the template's line and column; an undefined name gets dbt's hint
    /// (`undefinedHint`) unless `hinted` is false (dbt's `run-operation` prints a failing macro's error without it).
    init(template error: TemplateError, path: String, kind: Kind = .compilation, hinted: Bool = true) {
        let location = error.location.map {
            FileLocation(path: error.templateName ?? path, line: $0.line, column: $0.column)
        } ?? FileLocation(path: path, line: 1, column: 1)
        let message = hinted && error.kind == .undefinedValue ? error.message + ". " + Self.undefinedHint : error.message
        self.init(kind, message, at: location, sourceLine: error.sourceLine,
                  notes: error.callStack.reversed().map { "in macro " + $0 })
    }

    /// What dbt adds after an undefined name in a node, a macro it runs or an operation it cannot find.
    static let undefinedHint = "This can happen when calling a macro that does not exist. "
        + "Check for typos and/or install package dependencies with \"swiftdbt deps\"."
}
