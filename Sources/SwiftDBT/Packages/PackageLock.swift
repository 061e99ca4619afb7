import Foundation
import Jinja

/// `package-lock.yml` as dbt 1.7+ writes it: every package pinned (hub versions, git commits), and
/// `sha1_hash`, the hash of the specification it was made from, so it is reused while that is unchanged.
struct PackageLock {
    static let fileName = "package-lock.yml"

    /// The pinned entries.
    var entries: [PackageSpecification.Entry]
    /// The hash of the specification the lock was made from.
    var hash: String?

    /// The lock file of the project at `root`, nil when there is none.
    static func load(root: String, environment: Jinja.Environment, early: EarlyContext) throws -> PackageLock? {
        guard let node = try PackageSpecification.document(root: root, name: fileName) else { return nil }
        return PackageLock(entries: try PackageSpecification.entries(node["packages"], environment: environment, early: early),
                           hash: node["sha1_hash"]?.scalarText)
    }

    /// Writes the lock of `packages`, made from `specification`, into the project at `root`.
    static func write(_ packages: [PinnedPackage], specification: PackageSpecification, root: String) throws {
        var text = "packages:\n"
        for package in packages {
            for (index, field) in package.lockEntry.enumerated() {
                text += (index == 0 ? "  - " : "    ") + field.key + ": " + yamlScalar(field.value) + "\n"
            }
        }
        text += "sha1_hash: " + hash(of: specification) + "\n"
        let path = PathText.appending(root, fileName)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DBTError(.project, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// dbt's hash of a specification: each entry as its package contract's JSON (keys sorted, the entry as
    /// written under `unrendered`), the lines sorted and joined by newlines, SHA-1 of that.
    static func hash(of specification: PackageSpecification) -> String {
        let lines = specification.entries.map { entry -> String in
            let rendered = entry.rendered
            var fields: [(key: String, value: ConfigValue)]
            switch entry.source {
            case .hub:
                fields = [("package", rendered["package"] ?? .null), ("version", rendered["version"] ?? .null),
                          ("install_prerelease", rendered["install_prerelease"] ?? .bool(false))]
            case .git:
                let key = rendered["git"] != nil ? "git" : "private"
                fields = [(key, rendered[key] ?? .null), ("revision", rendered["revision"] ?? .null),
                          ("subdirectory", rendered["subdirectory"] ?? .null), ("warn-unpinned", rendered["warn-unpinned"] ?? .null)]
                if key == "private" { fields.append(("provider", rendered["provider"] ?? .null)) }
            case .tarball:
                fields = [("tarball", rendered["tarball"] ?? .null), ("name", rendered["name"] ?? .null)]
            case .local:
                fields = [("local", rendered["local"] ?? .null)]
            }
            fields.append(("unrendered", entry.written))
            return pythonJSON(.dict(fields))
        }
        return HexDigest.sha1(lines.sorted().joined(separator: "\n"))
    }

    /// Python's `json.dumps(value, sort_keys=True)`: `", "` and `": "` separators, non-ASCII escaped.
    private static func pythonJSON(_ value: ConfigValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e16 ? String(format: "%.1f", number) : "\(number)"
        case .string(let text): return pythonString(text)
        case .list(let items): return "[" + items.map(pythonJSON).joined(separator: ", ") + "]"
        case .dict(let pairs):
            return "{" + pairs.sorted { $0.key < $1.key }.map { pythonString($0.key) + ": " + pythonJSON($0.value) }
                .joined(separator: ", ") + "}"
        }
    }

    private static func pythonString(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: out += String(format: "\\u%04x", unit)
            }
        }
        return out + "\""
    }

    /// A YAML scalar as PyYAML writes it: plain when that reads back as the same text, else single-quoted.
    private static func yamlScalar(_ text: String) -> String {
        let leading = CharacterSet(charactersIn: "-?:,[]{}#&*!|>'\"%@`=")
        let plain = !text.isEmpty && text.trimmingCharacters(in: .whitespaces) == text
            && text.unicodeScalars.first.map({ !leading.contains($0) }) == true
            && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":") && Double(text) == nil && Int(text) == nil
            && !["true", "false", "yes", "no", "null", "on", "off", "~"].contains(text.lowercased())
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
