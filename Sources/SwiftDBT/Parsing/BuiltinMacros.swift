import Foundation

/// swiftdbt's own macros (the `dbt` namespace): naming, generic tests, cross-database helpers, then the
/// adapter's own variants of them (`sqlite__…`, `postgres__…`), which live in the adapter's target.
enum BuiltinMacros {
    /// The macro files of the core's `Resources/macros` folder, then those of `adapter`'s macro folder.
    static func files(adapter: any AdapterFactory) throws -> [MacroParser.File] {
        guard let folder = Bundle.module.url(forResource: "macros", withExtension: nil) else {
            throw DBTError(.project, "swiftdbt's built-in macros are missing from its installation")
        }
        let core = try files(in: folder, shownUnder: "swiftdbt/macros")
        guard let adapterFolder = adapter.macroFolder else { return core }
        return core + (try files(in: adapterFolder, shownUnder: "swiftdbt/\(adapter.type)/macros"))
    }

    private static func files(in folder: URL, shownUnder shownFolder: String) throws -> [MacroParser.File] {
        // Every `.sql` file, in subfolders too (the global project is laid out as dbt's: `materializations/models/...`).
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".sql") }.sorted()
        return try names.map { name in
            let path = folder.appendingPathComponent(name).path
            return MacroParser.File(package: MacroRegistry.internalPackage, path: path,
                                    originalFilePath: "\(shownFolder)/\(name)",
                                    text: try FileDiscovery.read(path, shownAs: name))
        }
    }
}
