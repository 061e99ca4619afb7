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
}
