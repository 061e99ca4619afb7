/// Paths cut at their slashes by bytes (a `/` byte is never part of another UTF-8 character), with
/// `NSString`'s rules for trailing and doubled slashes. Foundation's own path methods trap on some
/// non-ASCII paths on Linux (`"ü//é"`), and a path a user wrote must never crash swiftdbt.
public enum PathText {
    /// The last component: `a/b.sql` → `b.sql`, `a/b/` → `b`, `/` → `/`.
    public static func lastComponent(_ path: String) -> String {
        let parts = components(path)
        guard let last = parts.last else { return path.utf8.first == slashByte ? "/" : "" }
        return String(decoding: last, as: UTF8.self)
    }

    /// The path without its last component, doubled slashes made single: `a/b/c.sql` → `a/b`, `a` → ``,
    /// `/a` → `/`, `a//b/c/` → `a/b`.
    public static func deletingLastComponent(_ path: String) -> String {
        let root = path.utf8.first == slashByte ? "/" : ""
        let folders = components(path).dropLast()
        return root + folders.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }

    static let slashByte = UInt8(ascii: "/")

    private static func components(_ path: String) -> [Substring.UTF8View] {
        path.utf8[...].split(separator: slashByte)
    }
}
