import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// Groups and `access` (Tests/Fixtures/groups): a private model may be referred to only from its own
/// group, a node's group must be defined, and the manifest's `groups`/`group_map`, with dbt-core 1.10's messages (`expected.json`, recorded by scripts/record-groups-reference.py).
final class ModelAccessTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("groups")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("groups/expected.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testSameGroupRefersToAPrivateModel() throws {
        let result = try runCLI(["build"], in: root)
        XCTAssertEqual(try expected()["parses"] as? Bool, true)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/target/manifest.json")))
                                     as? [String: Any])
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(nodes["model.groups.revenue"]?["access"] as? String, "private")
        XCTAssertEqual(nodes["model.groups.campaigns"]?["access"] as? String, "public")
        XCTAssertEqual(nodes["model.groups.ledger"]?["access"] as? String, "protected")
        // The groups and group_map dbt-core writes.
        let reference = try expected()
        XCTAssertEqual(manifest["groups"] as? NSDictionary, reference["groups"] as? NSDictionary)
        let groupMap = try XCTUnwrap(manifest["group_map"] as? [String: [String]])
        XCTAssertEqual(groupMap.mapValues { $0.sorted() } as NSDictionary, reference["group_map"] as? NSDictionary)
    }

    func testAGroupNoGroupsEntryDefinesIsALoadError() throws {
        try "{{ config(group='sales') }}\nselect 1 as id\n".write(toFile: root + "/models/unknown_group.sql", atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        let reference = try XCTUnwrap(try expected()["unknown_group"] as? [String: Any])
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("models/unknown_group.sql:1:1: "), result.stderr)
        XCTAssertTrue(result.stderr.contains(try XCTUnwrap(reference["message"] as? String)), result.stderr)
    }

    func testOtherGroupOrNoGroupCannotReferToAPrivateModel() throws {
        let errors = try XCTUnwrap(try expected()["errors"] as? [String: [String: Any]])
        let texts = ["other_group": "{{ config(group='marketing') }}\nselect * from {{ ref('revenue') }}\n",
                     "no_group": "select * from {{ ref('revenue') }}\n"]
        XCTAssertEqual(Set(errors.keys), Set(texts.keys))
        for (name, text) in texts {
            let file = root + "/models/\(name).sql"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let result = try runCLI(["parse"], in: root)
            XCTAssertEqual(result.code, 2, name)
            let message = try XCTUnwrap(errors[name]?["message"] as? String)
            let line = name == "other_group" ? 2 : 1
            XCTAssertTrue(result.stderr.contains("models/\(name).sql:\(line):"), result.stderr)
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
    }

    func testAnAccessDBTDoesNotKnowIsALoadError() throws {
        let schema = root + "/models/schema.yml"
        try String(contentsOfFile: schema, encoding: .utf8).replacingOccurrences(of: "access: public", with: "access: friends")
            .write(toFile: schema, atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("Node model.groups.campaigns has an invalid value (friends) for the access field"),
                      result.stderr)
    }
}

/// Nothing in a property file is dropped silently: a top-level key dbt does not know, and one swiftdbt
/// does not read yet, each give a warning with its location.
final class PropertyFileKeyTests: XCTestCase {
    func testUnknownAndUnreadTopLevelKeysWarnWithTheirLocation() throws {
        let root = try copyFixture("groups")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        try "version: 2\ncolours: [red]\nanalyses:\n  - name: weekly_revenue\n    description: Weekly revenue\n"
            .write(toFile: root + "/models/extra.yml", atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(result.code, 0, result.stderr)
        let output = result.stdout + result.stderr
        XCTAssertTrue(output.contains("[WARNING]: models/extra.yml:2:10: 'colours' is not a key of dbt's property files: ignored"), output)
        XCTAssertTrue(output.contains("[WARNING]: models/extra.yml:4:3: swiftdbt does not read 'analyses' yet: ignored"), output)
    }
}
