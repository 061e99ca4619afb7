import Foundation

/// The values of the `DBT_ENV_SECRET*` environment variables, as dbt treats them: readable by
/// `env_var()` only in profiles (see `ContextFunctions.environmentVariable`), and replaced by
/// `*****` in everything swiftdbt prints or writes (`Console`, `TargetPaths.write`).
public struct SecretMask: Sendable {
    /// Environment variables whose names start with this hold secrets.
    public static let prefix = "DBT_ENV_SECRET"
    /// What a secret is replaced with.
    public static let placeholder = "*****"
    /// The secrets of this process's environment.
    public static let process = SecretMask(environment: ProcessInfo.processInfo.environment)

    /// Each secret as it is and as it reads inside a JSON string (`"` → `\"`), longest first, so that
    /// a secret holding another is masked whole. Blank values are not secrets.
    private let secrets: [String]

    public init(environment: [String: String]) {
        let values = environment
            .filter { $0.key.hasPrefix(SecretMask.prefix) && !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map(\.value)
        let inJSON = values.map { String(JSONWriter.string(.string($0)).dropFirst().dropLast()) }
        secrets = Set(values + inJSON).sorted { $0.utf8.count > $1.utf8.count }
    }

    /// Whether there is no secret to mask.
    var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret replaced by `*****`.
    public func apply(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        return secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: SecretMask.placeholder) }
    }

    /// UTF-8 `pieces` joined, with every secret replaced; the pieces as they are when there is no secret.
    func apply(_ pieces: [[UInt8]]) -> [[UInt8]] {
        guard !secrets.isEmpty else { return pieces }
        return [Array(apply(String(decoding: pieces.joined(), as: UTF8.self)).utf8)]
    }
}
