import Foundation

/// `swiftdbt docs serve`: a small HTTP server for the files under one folder (the target path), GET and
/// HEAD only, one request per connection. Foundation has no server, and the site needs nothing more
/// than static files, so this is a few POSIX socket calls rather than a new dependency.
public struct DocsServer: Sendable {
    /// The folder served; nothing outside it is ever read (after resolving `..` and symbolic links).
    public let root: String
    public let host: String
    public let port: UInt16

    public init(root: String, host: String, port: UInt16) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Binds and listens; returns the listening socket and the port it got (the one asked, or a free one for 0).
    public func listen() throws -> (socket: Int32, port: UInt16) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw DBTError(.usage, "--host must be an IPv4 address such as 127.0.0.1, not '\(host)'")
        }
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw DBTError(.usage, "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Foundation.listen(listener, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw DBTError(.usage, "cannot listen on \(host):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        return (listener, UInt16(bigEndian: actual.sin_port))
    }

    /// Answers connections on `listener` until the process ends.
    public func serve(_ listener: Int32) -> Never {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16_384, !request.ends(with: [13, 10, 13, 10]) {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2, line[0] == "GET" || line[0] == "HEAD" else {
            return send(connection, status: "405 Method Not Allowed", type: "text/plain", body: Array("only GET and HEAD\n".utf8), head: false)
        }
        guard let file = file(for: String(line[1])), let body = FileManager.default.contents(atPath: file) else {
            return send(connection, status: "404 Not Found", type: "text/plain", body: Array("not found\n".utf8), head: line[0] == "HEAD")
        }
        send(connection, status: "200 OK", type: DocsServer.contentType(of: file), body: Array(body), head: line[0] == "HEAD")
    }

    /// The file a request path names inside `root`, or nil when it names none there (a `..` that climbs out,
    /// a symbolic link pointing out, a folder, a NUL).
    func file(for target: String) -> String? {
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let decoded = path.removingPercentEncoding, decoded.hasPrefix("/"), !decoded.contains("\0") else { return nil }
        let relative = decoded == "/" ? "index.html" : String(decoded.dropFirst())
        guard !relative.split(separator: "/").contains("..") else { return nil }
        let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: (base as NSString).appendingPathComponent(relative)).resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard resolved.hasPrefix(base + "/"), FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder),
              !isFolder.boolValue else { return nil }
        return resolved
    }

    private static func contentType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "json": return "application/json"
        case "css": return "text/css"
        case "js": return "text/javascript"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "sql", "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    private func send(_ connection: Int32, status: String, type: String, body: [UInt8], head: Bool) {
        let header = "HTTP/1.0 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        var bytes = Array(header.utf8)
        if !head { bytes += body }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Foundation.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
