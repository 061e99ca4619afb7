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

    /// `component` appended to `base` as `NSString.appendingPathComponent` appends it: one slash between them
    /// unless `base` ends with one; `base` alone when `component` is empty, `component` when `base` is (compared on
    /// 361 pairs of odd and non-ASCII paths). Without Foundation's bridging: the manifest writes one per node.
    public static func appending(_ base: String, _ component: String) -> String {
        if component.isEmpty { return base }
        if base.isEmpty { return component }
        let slash = base.utf8.last == slashByte ? 0 : 1
        let count = base.utf8.count + slash + component.utf8.count
        // Written into the result's storage: `+` made an intermediate string and grew it.
        return String(unsafeUninitializedCapacity: count) { out in
            var position = out.initialize(fromContentsOf: base.utf8)
            if slash == 1 {
                out[position] = slashByte
                position += 1
            }
            return position + UnsafeMutableBufferPointer(rebasing: out[position...]).initialize(fromContentsOf: component.utf8)
        }
    }

    static let slashByte = UInt8(ascii: "/")

    private static func components(_ path: String) -> [Substring.UTF8View] {
        path.utf8[...].split(separator: slashByte)
    }
}
