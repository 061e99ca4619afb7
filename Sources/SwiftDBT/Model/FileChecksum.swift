import Foundation

/// A node's `checksum` in `manifest.json`, computed as dbt computes it, so that state comparison
/// (`state:modified`) means the same in both tools.
public struct FileChecksum: Sendable, Equatable {
    /// `sha256`, `path` (seeds over 1 MiB: the checksum is the file's path) or `none` (generic tests).
    public var name: String
    public var checksum: String

    /// What generic tests carry: they have no file of their own.
    public static let none = FileChecksum(name: "none", checksum: "")

    /// Seeds larger than this are not hashed: their checksum is their path, as in dbt.
    public static let largestHashedSeed = 1024 * 1024

    /// The SHA-256 of a file's text with leading and trailing whitespace removed (as Python's
    /// `str.strip()` removes it, which is what dbt hashes).
    public static func sha256(of contents: String) -> FileChecksum {
        FileChecksum(name: "sha256", checksum: HexDigest.sha256(String(stripped(contents))))
    }

    /// The checksum of a seed file: its stripped text's SHA-256, or its path when it is over 1 MiB.
    public static func seed(at path: String, originalFilePath: String, shownAs shown: String) throws -> FileChecksum {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) <= largestHashedSeed else {
            return FileChecksum(name: "path", checksum: originalFilePath)
        }
        let text = try FileDiscovery.read(path, shownAs: shown)
        // Foundation drops a leading byte order mark; dbt (Python's utf-8 codec) keeps it as U+FEFF and hashes it.
        return sha256(of: startsWithByteOrderMark(path) ? "\u{FEFF}" + text : text)
    }

    private static func startsWithByteOrderMark(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 3)) == Data([0xEF, 0xBB, 0xBF])
    }

    /// `text` without the leading and trailing characters Python's `str.isspace()` accepts: Unicode
    /// white space and the separators U+001C to U+001F.
    static func stripped(_ text: String) -> Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return Substring(scalars[first...last])
    }
}
