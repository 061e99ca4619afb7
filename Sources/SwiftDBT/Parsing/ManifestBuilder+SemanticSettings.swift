/// `metrics:`, `semantic-models:` and `saved-queries:` in `dbt_project.yml`: `enabled`, `group` and `meta`
/// scoped by package and folder as for models (fqn: package, folders of the property file, name); what the
/// entry's own `config:` sets wins, and `meta` is merged key by key as dbt merges it.
extension ManifestBuilder {
    /// The settings after the project's: `enabled`, `group`, `meta` given those the entry wrote (`written`).
    mutating func projectSettings(_ type: ResourceType, name: String, file: String, package: PackageInfo,
                                  written: ConfigValue, enabled: Bool, group: String?,
                                  meta: ConfigValue) -> (enabled: Bool, group: String?, meta: ConfigValue) {
        let settings: [(key: String, value: ConfigValue)]
        do {
            settings = try projectConfig(type, fqn: Manifest.fqn(package: package.name, file: file, name: name), package: package)
        } catch let error as DBTError {
            errors.append(error)
            return (enabled, group, meta)
        } catch {
            errors.append(DBTError(.project, "\(error)"))
            return (enabled, group, meta)
        }
        var result = (enabled: true, group: String?.none, meta: ConfigValue.dict([]))
        var metaPairs: [(key: String, value: ConfigValue)] = []
        func mergeMeta(_ value: ConfigValue?) {
            guard case .dict(let pairs)? = value else { return }
            for pair in pairs {
                if let index = metaPairs.firstIndex(where: { $0.key == pair.key }) { metaPairs[index] = pair } else { metaPairs.append(pair) }
            }
        }
        for (key, value) in settings {
            switch key {
            case "enabled": result.enabled = value.boolValue ?? result.enabled
            case "group": result.group = value.scalarString
            case "meta": mergeMeta(value)
            default: continue
            }
        }
        if written["enabled"] != nil { result.enabled = enabled }
        if written["group"] != nil { result.group = group }
        mergeMeta(meta)
        result.meta = .dict(metaPairs)
        return result
    }
}
