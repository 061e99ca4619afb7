import Foundation
import XCTest
import TestSupport
@testable import SwiftDBT

/// `swiftdbt docs serve`: the target folder over HTTP on loopback, GET and HEAD only, nothing outside it.
final class DocsServeTests: XCTestCase {
    /// A port free on loopback right now (the kernel's pick for port 0).
    private func freePort() throws -> UInt16 {
        let (socket, port) = try DocsServer(root: "/nonexistent", host: "127.0.0.1", port: 0).listen()
        close(socket)
        return port
    }

    /// Sends `request` to 127.0.0.1:`port`; the whole response, or nil when nothing listens.
    private func exchange(_ request: String, port: UInt16) -> String? {
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard connection >= 0 else { return nil }
        defer { close(connection) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        _ = Array(request.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }

    func testServesTheSiteAndNothingOutsideTarget() throws {
        let root = try copyFixture("docs_site")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let generated = try runCLI(["docs", "generate", "--empty-catalog"], in: root)
        XCTAssertEqual(generated.code, 0, generated.stdout + generated.stderr)
        // A symbolic link inside target/ to a file outside it is not followed out.
        try FileManager.default.createSymbolicLink(atPath: (root as NSString).appendingPathComponent("target/linked.yml"),
                                                   withDestinationPath: "../dbt_project.yml")
        let port = try freePort()
        let server = try startCLI(["docs", "serve", "--port", String(port), "--no-browser"], in: root)
        defer {
            server.send(SIGTERM)
            _ = server.wait()
        }
        var page: String?
        for _ in 0..<100 where page == nil {
            page = exchange("GET / HTTP/1.0\r\n\r\n", port: port)
            if page == nil { usleep(100_000) }
        }
        let index = try XCTUnwrap(page, "the server never answered")
        XCTAssertTrue(index.hasPrefix("HTTP/1.0 200 OK\r\n"), index)
        XCTAssertTrue(index.contains("Content-Type: text/html; charset=utf-8"))
        XCTAssertTrue(index.contains("<script id=\"docs-data\" type=\"application/json\">{\"project\": \"docs_site\""))
        XCTAssertTrue(exchange("GET /catalog.json HTTP/1.0\r\n\r\n", port: port)?.hasPrefix("HTTP/1.0 200 OK") == true)
        for outside in ["/../dbt_project.yml", "/%2e%2e/dbt_project.yml", "/compiled/../../dbt_project.yml", "/linked.yml", "/nothing.html"] {
            let answer = exchange("GET \(outside) HTTP/1.0\r\n\r\n", port: port) ?? ""
            XCTAssertTrue(answer.hasPrefix("HTTP/1.0 404 Not Found"), outside + ": " + answer)
            XCTAssertFalse(answer.contains("config-version"), outside)
        }
        XCTAssertTrue(exchange("POST / HTTP/1.0\r\n\r\n", port: port)?.hasPrefix("HTTP/1.0 405") == true)
    }

    /// `DBT_HOST` stands for `--host`, as dbt reads it; `--host` wins over it.
    func testHostVariableStandsForTheFlag() throws {
        let root = try copyFixture("docs_site")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        XCTAssertEqual(try runCLI(["docs", "generate", "--empty-catalog"], in: root).code, 0)
        // A port taken on 127.0.0.1, so that a server ignoring DBT_HOST fails (on the port) rather than serving.
        let (taken, busyPort) = try DocsServer(root: "/nonexistent", host: "127.0.0.1", port: 0).listen()
        defer { close(taken) }
        let refused = try runCLI(["docs", "serve", "--port", String(busyPort), "--no-browser"], in: root,
                                 environment: ["DBT_HOST": "nowhere"])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.stderr.contains("--host must be an IPv4 address such as 127.0.0.1, not 'nowhere'"), refused.stderr)
        let port = try freePort()
        let server = try startCLI(["docs", "serve", "--port", String(port), "--no-browser", "--host", "127.0.0.1"], in: root,
                                  environment: ["DBT_HOST": "nowhere"])
        defer {
            server.send(SIGTERM)
            _ = server.wait()
        }
        var page: String?
        for _ in 0..<100 where page == nil {
            page = exchange("GET / HTTP/1.0\r\n\r\n", port: port)
            if page == nil { usleep(100_000) }
        }
        XCTAssertTrue(page?.hasPrefix("HTTP/1.0 200 OK\r\n") == true, page ?? "the server never answered")
    }

    func testServingWithoutAGeneratedSiteIsAUsageError() throws {
        let root = try copyFixture("docs_site")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let result = try runCLI(["docs", "serve", "--port", "0", "--no-browser"], in: root)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("index.html to serve; run `swiftdbt docs generate` first"), result.stderr)
    }
}
