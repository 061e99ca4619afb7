/// One output of a profile: the database to build into, as `target.*` shows it to templates.
public struct Target: Sendable {
    /// The output's name (`dev`, `sqlite`, `prod`).
    public var name: String
    /// The profile it came from.
    public var profileName: String
    /// The adapter type (`sqlite`, `postgres`).
    public var type: String
    public var schema: String
    public var database: String
    public var threads: Int
    /// Every field of the output as written (rendered), including adapter-specific ones.
    public var fields: [(key: String, value: ConfigValue)]
    /// Field names whose values must never be printed or written out.
    public static let secretFields: Set<String> = ["password", "pass", "token", "private_key", "private_key_passphrase", "keyfile_json"]

    public init(name: String, profileName: String, type: String, schema: String, database: String,
                threads: Int, fields: [(key: String, value: ConfigValue)]) {
        self.name = name
        self.profileName = profileName
        self.type = type
        self.schema = schema
        self.database = database
        self.threads = threads
        self.fields = fields
    }

    /// A field by name.
    public func field(_ key: String) -> ConfigValue? {
        fields.last(where: { $0.key == key })?.value
    }

    /// The fields with secrets removed, as `target` in templates and `debug` show them.
    public var publicFields: [(key: String, value: ConfigValue)] {
        var visible = fields.filter { !Target.secretFields.contains($0.key) }
        for (key, value) in [("name", ConfigValue.string(name)), ("profile_name", .string(profileName)),
                             ("type", .string(type)), ("schema", .string(schema)),
                             ("database", .string(database)), ("threads", .int(threads))] {
            visible.removeAll { $0.key == key }
            visible.append((key, value))
        }
        return visible
    }
}
