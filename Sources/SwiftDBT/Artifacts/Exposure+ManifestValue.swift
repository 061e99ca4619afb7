extension Exposure {
    /// The exposure as manifest.json's `exposures` and the `graph` template variable describe it.
    var manifestValue: ConfigValue {
        func text(_ value: String?) -> ConfigValue { value.map(ConfigValue.string) ?? .null }
        return .dict([
            ("name", .string(name)), ("resource_type", .string("exposure")),
            ("package_name", .string(packageName)), ("path", .string(originalFilePath)),
            ("original_file_path", .string(originalFilePath)), ("unique_id", .string(uniqueID)),
            ("fqn", .list([.string(packageName), .string(name)])), ("type", .string(type)),
            ("owner", .dict([("email", text(ownerEmail)), ("name", text(ownerName))])),
            ("description", .string(description)), ("label", text(label)),
            ("maturity", text(maturity)), ("meta", meta),
            ("tags", .list(tags.map(ConfigValue.string))), ("url", text(url)),
            ("depends_on", .dict([("macros", .list([])), ("nodes", .list(dependsOn.map(ConfigValue.string)))])),
        ])
    }
}
