/// `exposures:` in `dbt_project.yml` (`enabled`, `tags`, `meta`, with or without `+`, scoped by package and
/// folder as for models) as dbt-core 1.10 applies them: each level's value replaces the outer one's (an
/// exposure's config does not merge `tags` or `meta` across levels), the entry's own `config:` replaces both,
/// and the result's tags are then joined with the entry's own and sorted, its meta merged over the entry's.
extension ManifestBuilder {
    /// The exposure's `enabled`, final `tags` and `meta`, and `unrendered_config` (the settings that reached it).
    mutating func settings(of patch: PropertyFile.ExposurePatch, package: PackageInfo)
        -> (enabled: Bool, tags: [String], meta: ConfigValue, unrendered: ConfigValue) {
        var settings: [(key: String, value: ConfigValue)] = []
        do {
            settings = try projectConfig(.exposure, fqn: Manifest.fqn(package: package.name, file: patch.file, name: patch.name),
                                         package: package)
        } catch let error as DBTError {
            errors.append(error)
        } catch {
            errors.append(DBTError(.project, "\(error)"))
        }
        var config: [(key: String, value: ConfigValue)] = []
        for (key, value) in settings + patch.config {
            if let index = config.firstIndex(where: { $0.key == key }) { config[index].value = value } else { config.append((key, value)) }
        }
        let found = ConfigValue.dict(config)
        // dbt reads the package's unprefixed top-level `tags` and `meta` under `exposures:` once more.
        let top = package.project.configTrees[.exposure]?.value ?? .dict([])
        let tags = Set(ManifestBuilder.exposureTags(top["tags"]) + patch.tags + ManifestBuilder.exposureTags(found["tags"])).sorted()
        var meta = NodeConfig()
        for case let level? in [top["meta"], patch.meta, found["meta"]] { meta.set("meta", level) }
        return (found["enabled"]?.boolValue ?? true, tags, meta["meta"] ?? .dict([]), found)
    }

    /// An exposure config's `tags`: a list's strings; a lone string is read as dbt reads it there, as its characters.
    private static func exposureTags(_ value: ConfigValue?) -> [String] {
        if case .string(let text)? = value { return text.map(String.init) }
        return value?.stringList ?? []
    }
}
