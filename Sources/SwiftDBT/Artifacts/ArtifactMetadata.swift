import Foundation

/// The entries every dbt artifact's `metadata` starts with: its schema, the dbt version swiftdbt claims, when it was
/// written, and the invocation.
enum ArtifactMetadata {
    /// `schema` is the artifact's schema path, e.g. `manifest/v12`.
    static func entries(schema: String, session: CompileSession, generatedAt: Date = Date()) -> [(key: String, value: ConfigValue)] {
        [
            ("dbt_schema_version", .string("https://schemas.getdbt.com/dbt/\(schema).json")),
            ("dbt_version", .string(SwiftDBTVersion.dbtCompatible)),
            ("generated_at", .string(ArtifactTime.string(generatedAt))),
            ("invocation_id", .string(session.invocationID)),
            ("invocation_started_at", .string(ArtifactTime.string(session.runStartedAt))),
            ("env", .dict([])),
        ]
    }
}
