import Foundation

/// swiftdbt's own macros (the `dbt` namespace): naming, generic tests, cross-database helpers.
enum BuiltinMacros {
    /// The macro files shipped in the `Resources/macros` folder.
    static func files() throws -> [MacroParser.File] {
        guard let folder = Bundle.module.url(forResource: "macros", withExtension: nil) else {
            throw DBTError(.project, "swiftdbt's built-in macros are missing from its installation")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try names.map { name in
            let path = folder.appendingPathComponent(name).path
            return MacroParser.File(package: MacroRegistry.internalPackage, path: path,
                                    originalFilePath: "swiftdbt/macros/\(name)",
                                    text: try FileDiscovery.read(path, shownAs: name))
        }
    }
}
