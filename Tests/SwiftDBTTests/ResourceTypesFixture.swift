import Foundation
import TestSupport
import XCTest

/// Tests/Fixtures/resource_types, every kind of resource in one small project, and dbt's recordings beside it.
enum ResourceTypesFixture {
    /// A copy of the fixture with a SQLite profile writing into the copy's target folder; the caller removes the
    /// copy's parent folder when done.
    static func copy() throws -> String {
        let root = try copyFixture("resource_types")
        try "resource_types:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      path: \(root)/target/main.sqlite\n      schema: main\n"
            .write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
        return root
    }

    /// The recording `name` (`expected-found-line.json`, ...) as a JSON object.
    static func reference(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("resource_types/" + name))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
