import Foundation
import TestSupport
import XCTest

/// A 4 KB "billion laughs" document (aliases of aliases, nine levels of nine) fails with a
/// located error in every place swiftdbt reads YAML, instead of expanding to a billion nodes.
/// The CLI runs under a 2 GB address-space limit and a time limit, so the test itself stays
/// bounded when the limit is missing (the process then dies instead of exiting with 2).
final class YAMLAliasLimitTests: XCTestCase {
    /// `a` to `i`, each nine aliases of the one before: 9^9 (387 million) scalars when expanded.
    static let laughs: String = {
        var lines = ["lol_a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = Array("abcdefghi")
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("lol_\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let message = "YAML limit exceeded: aliases expand to more than 1000000 nodes"

    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-laughs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try write("dbt_project.yml", "name: laughs\nprofile: laughs\n")
        try write("models/m.sql", "select 1 as id\n")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: root)
    }

    func testBombInAPropertyFile() throws {
        try write("models/schema.yml", "version: 2\n" + Self.laughs)
        try expectLimit(at: "models/schema.yml:")
    }

    func testBombInTheProjectFile() throws {
        try write("dbt_project.yml", "name: laughs\nprofile: laughs\n" + Self.laughs)
        try expectLimit(at: "dbt_project.yml:")
    }

    func testBombInTheProfilesFile() throws {
        let profile = "laughs:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
        try write("profiles.yml", profile + Self.laughs)
        try expectLimit(at: "profiles.yml:")
    }

    func testBombThroughFromYAML() throws {
        try write("models/m.sql", "{% set text %}\n" + Self.laughs + "{% endset %}\n{% set data = fromyaml(text) %}\nselect 1 as id\n")
        try expectLimit(at: "models/m.sql:12:")
    }

    func testAliasesBelowTheLimitStillExpand() throws {
        try write("models/m.sql", """
            {% set data = fromyaml("base: &b {x: 1, y: [2, 3]}\\ncopy: *b") %}
            select {{ data['copy']['y'][1] }} as id
            """)
        let result = try runBounded(["compile", "--select", "m"])
        XCTAssertEqual(result.code, 0, result.stderr)
        let compiled = try String(contentsOfFile: root + "/target/compiled/laughs/models/m.sql", encoding: .utf8)
        XCTAssertEqual(compiled.trimmingCharacters(in: .whitespacesAndNewlines), "select 3 as id")
    }

    private func expectLimit(at place: String) throws {
        let started = Date()
        let result = try runBounded(["parse"])
        XCTAssertEqual(result.code, 2, result.stderr)
        XCTAssert(result.stderr.contains(place), result.stderr)
        XCTAssert(result.stderr.contains(Self.message), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    /// Runs the CLI in the project with at most 2 GB of address space and 120 seconds.
    private func runBounded(_ arguments: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
        let script = "ulimit -v 2097152 && exec timeout -s KILL 120 \"$@\""
        return try RunningProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script, "sh", swiftdbtExecutable().path] + arguments,
                                  in: root, environment: isolatedEnvironment(["NO_COLOR": "1"])).wait()
    }

    private func write(_ path: String, _ text: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }
}
