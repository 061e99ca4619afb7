import Foundation
import TestSupport
import XCTest

/// `swiftdbt debug` on PostgreSQL really connects: a wrong port or password is a failed connection test
/// (exit 1, the server's message, never the password); the right ones pass.
final class DebugConnectionTests: XCTestCase {
    private let secret = "not-the-password-\(Int.random(in: 1000...9999))"

    /// A project whose profile has a good output and two broken ones.
    private func project(_ environment: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-debug-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
        try "name: p\nversion: '1.0'\nprofile: p\n".write(toFile: root + "/p/dbt_project.yml", atomically: true, encoding: .utf8)
        func output(_ name: String, port: String, password: String) -> String {
            """
                \(name):
                  type: postgres
                  host: "\(environment["PGHOST"] ?? "")"
                  port: \(port)
                  user: "\(environment["PGUSER"] ?? "postgres")"
                  password: "\(password)"
                  dbname: "\(environment["PGDATABASE"] ?? "postgres")"
                  schema: public
                  connect_timeout: 5
                  threads: 1

            """
        }
        let port = environment["PGPORT"] ?? "5432"
        let profiles = "p:\n  target: good\n  outputs:\n" + output("good", port: port, password: "{{ env_var('PGPASSWORD') }}")
            + output("wrong_port", port: "1", password: "{{ env_var('PGPASSWORD') }}") + output("wrong_password", port: port, password: secret)
        try profiles.write(toFile: root + "/p/profiles.yml", atomically: true, encoding: .utf8)
        return root
    }

    func testTheConnectionTestPassesOnlyWithTheRightPortAndPassword() throws {
        let environment = try requirePostgres()
        let root = try project(environment)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let passing = ["PGPASSWORD": environment["PGPASSWORD"] ?? ""]
        let good = try runCLI(["debug", "--profiles-dir", "."], in: root + "/p", environment: passing)
        XCTAssertEqual(good.code, 0, good.stdout + good.stderr)
        XCTAssert(good.stdout.hasSuffix("  Connection test: [OK connection ok]\n\nAll checks passed!\n"), good.stdout)
        for (target, message) in [("wrong_port", "cannot connect to target 'wrong_port' at \(environment["PGHOST"] ?? ""):1: "),
                                  ("wrong_password", "password authentication failed")] {
            let run = try runCLI(["debug", "--profiles-dir", ".", "--target", target], in: root + "/p", environment: passing)
            XCTAssertEqual(run.code, 1, run.stdout + run.stderr)
            XCTAssert(run.stdout.contains("  Connection test: [ERROR]\n\n1 check failed:\ncould not connect to the target database:\n  "),
                      run.stdout)
            XCTAssert(run.stdout.contains(message), run.stdout)
            XCTAssertFalse(run.stdout.contains("All checks passed!"), run.stdout)
            XCTAssertFalse((run.stdout + run.stderr).contains(secret), "the password is never printed")
        }
    }
}
