import Foundation

/// Lists a package's files under its resource folders, in a stable order.
enum FileDiscovery {
    /// One file found under a resource folder.
    struct Found: Sendable {
        /// Absolute (or invocation-relative) path, for reading.
        var path: String
        /// Path relative to the package root (`models/staging/x.sql`).
        var originalFilePath: String
        /// Path relative to the resource folder (`staging/x.sql`).
        var resourcePath: String
    }

    /// Every file under `folders` of `root` whose extension is in `extensions`, sorted by path.
    ///
    /// Walks folders as dbt (Python's `os.walk`) does: a resource folder that is itself a symbolic
    /// link is followed, links to folders below it are not (so a link loop is never entered), links
    /// to files are kept; hidden folders are entered, hidden files skipped; names are matched on their
    /// lowercased extension.
    static func files(in root: String, folders: [String], extensions: Set<String>) -> [Found] {
        var found: [Found] = []
        for folder in folders {
            let base = PathText.appending(root, folder)
            var status = stat()
            guard stat(base, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
            walk(base, relative: "") { relative in
                found.append(Found(path: PathText.appending(base, relative), originalFilePath: normalized(PathText.appending(folder, relative)),
                                   resourcePath: relative))
            } wanted: { name in
                !name.hasPrefix(".") && extensions.contains(pathExtension(name).lowercased())
            }
        }
        return found.sorted { $0.originalFilePath < $1.originalFilePath }
    }

    /// Calls `visit` with the path (relative to `base`) of every wanted non-folder entry below `folder`.
    private static func walk(_ folder: String, relative: String, _ visit: (String) -> Void, wanted: (String) -> Bool) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let path = PathText.appending(folder, name)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                isFolder = status.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                walk(path, relative: childRelative, visit, wanted: wanted)
                continue
            }
            guard wanted(name) else { continue }
            if type != UInt8(DT_REG) {
                // Links and other entries count when they exist and are not folders (links are followed here).
                var status = stat()
                guard stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { continue }
            }
            visit(childRelative)
        }
    }

    /// `NSString.pathExtension` of a file name: what follows its last dot, unless the name starts there.
    static func pathExtension(_ name: String) -> String {
        if let bytes = asciiBytes(name) {
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return "" }
            return String(decoding: bytes[bytes.index(after: dot)...], as: UTF8.self)
        }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `NSString.lastPathComponent` (cheaply, for paths without a trailing slash).
    static func lastPathComponent(_ path: String) -> String {
        guard !path.isEmpty, !path.hasSuffix("/") else { return PathText.lastComponent(path) }
        if let bytes = asciiBytes(path) {
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return path }
            return String(decoding: bytes[bytes.index(after: slash)...], as: UTF8.self)
        }
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `NSString.deletingPathExtension` of a file name (of a path: its last component's).
    static func deletingPathExtension(_ name: String) -> String {
        if name.utf8.contains(UInt8(ascii: "/")) {
            let last = PathText.lastComponent(name)
            guard last != "/" else { return "/" }
            let folder = PathText.deletingLastComponent(name)
            let file = deletingPathExtension(last)
            return folder.isEmpty ? file : folder == "/" ? "/" + file : folder + "/" + file
        }
        if let bytes = asciiBytes(name) {
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return name }
            return String(decoding: bytes[..<dot], as: UTF8.self)
        }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The bytes of an ASCII text, where a byte is a character: searching them skips the character walk
    /// (thousands of instructions a file name).
    private static func asciiBytes(_ text: String) -> String.UTF8View? {
        ASCIIText.isASCII(text) ? text.utf8 : nil
    }

    /// The folders of a path relative to a resource folder (`a/b/x.sql` → `a`, `b`), as
    /// `NSString.deletingLastPathComponent` split on slashes.
    static func folders(of path: String) -> [String] {
        guard !path.hasSuffix("/"), !path.hasPrefix("/") else {
            return PathText.deletingLastComponent(path).split(separator: "/").map(String.init)
        }
        return Array(ASCIIText.split(path, "/").dropLast())
    }

    /// `./models/x.sql` → `models/x.sql`.
    private static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// Reads a file as UTF-8 text, or reports why it cannot.
    static func read(_ path: String, shownAs shown: String) throws -> String {
        if let text = readUTF8(path) { return text }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DBTError(.project, "cannot read \(shown)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DBTError(.project, "\(shown) is not valid UTF-8", at: FileLocation(path: shown, line: 1, column: 1))
        }
        return text
    }

    /// The file's text when it reads cleanly as UTF-8 without a byte order mark; nil otherwise
    /// (then Foundation reads it, and reports why it cannot).
    private static func readUTF8(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let asked = bytes.count - count
            let got = bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { Foundation.read(descriptor, $0 + count, asked) } ?? -1
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += got
            // A regular file reads short only at its end (one byte more than its size was asked): no call to find it.
            if got < asked { break }
        }
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard validUTF8(content) else { return nil }
            return String(decoding: content, as: UTF8.self)
        }
    }

    /// Whether `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    private static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            guard bytes[index + 1] >= lower, bytes[index + 1] <= upper else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
