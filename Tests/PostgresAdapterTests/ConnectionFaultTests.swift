import Foundation
import TestSupport
import XCTest
@testable import PostgresAdapter
@testable import SwiftDBT

/// Connection problems are one clear `.connection` error naming the target, host and port, never the password.
final class ConnectionFaultTests: XCTestCase {
    private func target(_ overrides: [(String, ConfigValue)], environment: [String: String]) -> Target {
        var fields: [(key: String, value: ConfigValue)] = [
            ("type", .string("postgres")), ("host", .string(environment["PGHOST"] ?? "127.0.0.1")),
            ("port", .string(environment["PGPORT"] ?? "5432")), ("user", .string(environment["PGUSER"] ?? "postgres")),
            ("password", .string(environment["PGPASSWORD"] ?? "")), ("dbname", .string(environment["PGDATABASE"] ?? "postgres")),
            ("connect_timeout", .int(3)),
        ]
        for (key, value) in overrides {
            fields.removeAll { $0.key == key }
            fields.append((key, value))
        }
        return Target(name: "faulty", profileName: "p", type: "postgres", schema: "public", database: "", threads: 1, fields: fields)
    }

    private func connectionError(_ target: Target) -> DBTError? {
        do {
            _ = try PostgresAdapterFactory().connect(target, projectRoot: ".")
            return nil
        } catch let error as DBTError {
            return error
        } catch {
            return nil
        }
    }

    func testWrongPasswordNamesTargetHostAndPortButNotThePassword() throws {
        let environment = try requirePostgres()
        let secret = "not-the-password-\(Int.random(in: 1000...9999))"
        let error = try XCTUnwrap(connectionError(target([("password", .string(secret))], environment: environment)))
        XCTAssertEqual(error.kind, .connection)
        XCTAssertEqual(error.exitCode, 2)
        XCTAssert(error.message.contains("target 'faulty'"), error.message)
        XCTAssert(error.message.contains("\(environment["PGHOST"] ?? ""):\(environment["PGPORT"] ?? "")"), error.message)
        XCTAssert(error.message.contains("password authentication failed"), error.message)
        XCTAssertFalse(error.description.contains(secret))
    }

    func testUnknownDatabase() throws {
        let environment = try requirePostgres()
        let error = try XCTUnwrap(connectionError(target([("dbname", .string("no_such_database"))], environment: environment)))
        XCTAssertEqual(error.kind, .connection)
        XCTAssert(error.message.contains("database \"no_such_database\" does not exist"), error.message)
    }

    func testUnreachableServer() throws {
        let environment = try requirePostgres()
        let error = try XCTUnwrap(connectionError(target([("port", .string("1"))], environment: environment)))
        XCTAssertEqual(error.kind, .connection)
        XCTAssert(error.message.contains(":1:"), error.message)
    }

    /// A profile reading its user and password from `DBT_ENV_SECRET_*`: the server's refusal quotes
    /// the user, which is masked on screen and in every file under `target/`.
    func testSecretsInARefusedProfileAreMaskedEverywhere() throws {
        let environment = try requirePostgres()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-pg-secret-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try "name: secrets\nprofile: secrets\n".write(toFile: root + "/dbt_project.yml", atomically: true, encoding: .utf8)
        try "select 1 as id\n".write(toFile: root + "/models/a.sql", atomically: true, encoding: .utf8)
        try """
        secrets:
          target: pg
          outputs:
            pg:
              type: postgres
              host: "{{ env_var('PGHOST') }}"
              port: "{{ env_var('PGPORT') }}"
              user: "{{ env_var('DBT_ENV_SECRET_USER') }}"
              password: "{{ env_var('DBT_ENV_SECRET_PASSWORD') }}"
              dbname: "{{ env_var('PGDATABASE', 'postgres') }}"
              schema: public
              connect_timeout: 3

        """.write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
        let user = "user\(Int.random(in: 100_000...999_999))", password = "pw\(Int.random(in: 100_000...999_999))"
        let result = try runCLI(["build"], in: root, environment: [
            "PGHOST": environment["PGHOST"] ?? "", "PGPORT": environment["PGPORT"] ?? "5432",
            "PGDATABASE": environment["PGDATABASE"] ?? "postgres",
            "DBT_ENV_SECRET_USER": user, "DBT_ENV_SECRET_PASSWORD": password,
        ])
        XCTAssertEqual(result.code, 2, result.stdout + result.stderr)
        XCTAssert(result.stderr.contains("password authentication failed for user \"*****\""), result.stderr)
        var outputs = [result.stdout, result.stderr]
        for file in FileManager.default.subpaths(atPath: root + "/target") ?? [] {
            if let text = try? String(contentsOfFile: root + "/target/" + file, encoding: .utf8) { outputs.append(text) }
        }
        for text in outputs {
            XCTAssertFalse(text.contains(user), text)
            XCTAssertFalse(text.contains(password), text)
        }
    }
}
