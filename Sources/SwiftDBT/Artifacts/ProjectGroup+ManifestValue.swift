extension ProjectGroup {
    /// The group as manifest.json's `groups` and the `graph` template variable describe it.
    var manifestValue: ConfigValue {
        .dict([
            ("name", .string(name)), ("resource_type", .string("group")), ("package_name", .string(packageName)),
            // `path` is relative to the resource folder, as a node's.
            ("path", .string(ASCIIText.split(originalFilePath, "/", maxSplits: 1).last ?? originalFilePath)),
            ("original_file_path", .string(originalFilePath)),
            ("unique_id", .string(uniqueID)), ("owner", owner),
            ("description", description.map(ConfigValue.string) ?? .null), ("config", .dict([("meta", meta)])),
        ])
    }
}
