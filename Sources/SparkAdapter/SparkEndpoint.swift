import Foundation
import SwiftDBT

/// Where a Spark target's Spark Connect server is, read from its profile as dbt-spark reads it:
/// `method: connect` (swiftdbt's name for a Spark Connect server at `host` and `port`, default 15002,
/// with an optional `token` and `use_ssl`) or `method: session` (the server `SPARK_REMOTE` names,
/// `sc://host:port`, as dbt-spark's session method accepts it).
struct SparkEndpoint: Sendable, Hashable {
    var host: String
    var port: Int
    /// Sent as `authorization: Bearer <token>`; never printed.
    var token: String?
    var useSSL: Bool

    static let defaultPort = 15002

    init(host: String, port: Int = SparkEndpoint.defaultPort, token: String? = nil, useSSL: Bool = false) {
        self.host = host
        self.port = port
        self.token = token
        self.useSSL = useSSL
    }

    /// The endpoint of `target`; a `.project` error names what is missing or wrong.
    init(target: Target, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let method = target.field("method")?.scalarString ?? "connect"
        switch method {
        case "connect":
            guard let host = target.field("host")?.scalarString, !host.isEmpty else {
                throw DBTError(.project, "target '\(target.name)' (type spark, method connect) needs a `host`")
            }
            let portText = target.field("port")?.scalarString ?? String(SparkEndpoint.defaultPort)
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw DBTError(.project, "target '\(target.name)': `port` must be a TCP port number, not '\(portText)'")
            }
            let token = target.field("token")?.scalarString.flatMap { $0.isEmpty ? nil : $0 }
            let ssl = target.field("use_ssl")?.scalarString.map { ["true", "yes", "1"].contains($0.lowercased()) } ?? false
            self.init(host: host, port: port, token: token, useSSL: ssl)
        case "session":
            guard let remote = environment["SPARK_REMOTE"], !remote.isEmpty else {
                throw DBTError(.project, "target '\(target.name)' (type spark, method session) needs SPARK_REMOTE (sc://host:port) "
                               + "in the environment")
            }
            try self.init(remote: remote)
        default:
            throw DBTError(.project, "target '\(target.name)': Spark method '\(method)' is not supported (use connect or session)")
        }
    }

    /// Reads a Spark Connect address, `sc://host[:port][/;param=value;...]`: `token` and `use_ssl` parameters as the
    /// Spark Connect clients read them.
    init(remote: String) throws {
        guard remote.hasPrefix("sc://") else {
            throw DBTError(.project, "SPARK_REMOTE must start with sc:// (sc://host:port)")
        }
        let rest = remote.dropFirst(5)
        let address = rest.prefix { $0 != "/" && $0 != ";" }
        var parameters: [String: String] = [:]
        for pair in rest.dropFirst(address.count).split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { parameters[String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))] = String(parts[1]) }
        }
        var host = String(address)
        var port = SparkEndpoint.defaultPort
        if let colon = address.lastIndex(of: ":"), !address[address.index(after: colon)...].contains("]") {
            guard let number = Int(address[address.index(after: colon)...]), (1...65535).contains(number) else {
                throw DBTError(.project, "SPARK_REMOTE has no usable port (sc://host:port)")
            }
            port = number
            host = String(address[..<colon])
        }
        guard !host.isEmpty else { throw DBTError(.project, "SPARK_REMOTE names no host (sc://host:port)") }
        let token = parameters["token"]
        self.init(host: host, port: port, token: token, useSSL: parameters["use_ssl"] == "true" || token != nil)
    }
}
