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
