import Foundation
import TestSupport
import XCTest
@testable import SparkAdapter
@testable import SwiftDBT

/// The Spark Connect server the suite uses (started by scripts/test.sh with scripts/spark.sh: SPARK_HOST,
/// SPARK_PORT). Without one the test fails under `CI=true` and is skipped elsewhere.
func requireSpark() throws -> (host: String, port: String) {
    let environment = ProcessInfo.processInfo.environment
    guard let host = environment["SPARK_HOST"], let port = environment["SPARK_PORT"] else {
        throw missingPrerequisite("no Spark Connect server is configured: set SPARK_HOST and SPARK_PORT (scripts/spark.sh starts one)")
    }
    return (host, port)
}

/// A `spark` target (method connect) on `host`:`port` with `schema`.
func sparkTarget(host: String, port: String, schema: String = "default", extra: [(String, ConfigValue)] = []) -> Target {
    Target(name: "spark", profileName: "p", type: "spark", schema: schema, database: "", threads: 1,
           fields: [("type", .string("spark")), ("method", .string("connect")), ("host", .string(host)), ("port", .string(port)),
                    ("schema", .string(schema))] + extra)
}

/// A connection to the suite's server.
func sparkConnection() throws -> any DatabaseConnection {
    let server = try requireSpark()
    return try SparkAdapterFactory().connect(sparkTarget(host: server.host, port: server.port), projectRoot: "/")
}

/// The repository's `Tests/SparkAdapterTests/Fixtures` folder.
let sparkFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A fixture project of `sparkFixtures` copied into a new temporary folder, with a `profiles.yml` for the suite's
/// server and a schema of its own; `remove()` drops the schema and the folder.
struct SparkFixtureProject {
    /// The temporary folder holding the copy.
    let root: String
    /// The project folder inside `root`.
    let path: String
    let schema: String

    init(_ fixture: String, server: (host: String, port: String), threads: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-spark-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        path = root + "/" + fixture
        try FileManager.default.copyItem(at: sparkFixtures.appendingPathComponent(fixture), to: URL(fileURLWithPath: path))
        schema = "t_" + UUID().uuidString.prefix(8).lowercased()
        try """
        \(fixture):
          target: dev
          outputs:
            dev:
              type: spark
              method: connect
              host: "\(server.host)"
              port: \(server.port)
              schema: \(schema)
              threads: \(threads)
        """.write(toFile: path + "/profiles.yml", atomically: true, encoding: .utf8)
    }

    func remove() {
        if let connection = try? sparkConnection() { try? connection.dropSchema(schema) }
        try? FileManager.default.removeItem(atPath: root)
    }
}
