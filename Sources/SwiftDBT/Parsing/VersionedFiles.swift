/// Which model files define the versions of the models with `versions:` in a package: `defined_in`,
/// else `<model>_v<v>`, and for the latest version also a file named as the model.
struct VersionedFiles {
    private var byFile: [String: (patch: PropertyFile.ResourcePatch, version: ModelVersion)] = [:]
    /// Versions no file defines: the file name dbt looked for, and the property file.
    private(set) var missing: [(name: String, file: String)] = []

    init(patches: some Sequence<PropertyFile.ResourcePatch>, modelFiles: Set<String>) {
        for patch in patches where !patch.versions.isEmpty {
            let highest = patch.versions.map(\.v).max { ModelVersion.compare($0, $1) == .orderedAscending }
            let latest = patch.latestVersion ?? highest ?? ""
            for entry in patch.versions {
                let version = ModelVersion(version: entry.v, latest: latest, deprecationDate: entry.deprecationDate)
                let fileName = entry.definedIn ?? "\(patch.name)_v\(entry.v)"
                if modelFiles.contains(fileName) {
                    byFile[fileName] = (patch, version)
                } else if version.standing == .latest, modelFiles.contains(patch.name), byFile[patch.name] == nil {
                    byFile[patch.name] = (patch, version)
                } else {
                    missing.append((fileName, patch.file))
                }
            }
        }
    }

    /// The model and version a model file (its name without `.sql`) defines, if it defines one.
    func file(_ name: String) -> (patch: PropertyFile.ResourcePatch, version: ModelVersion)? { byFile[name] }
}
