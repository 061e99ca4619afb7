import Foundation
import PostgresAdapter
import TestSupport
import XCTest
@testable import SwiftDBT

/// The `merge` strategy is one `MERGE` on PostgreSQL 15 and later; an older server gets the same rows from an
/// update of the matched rows and an insert of the others. Only PostgreSQL 15 is installed, so the older
/// server is the dialect told to assume `server_version_num` 140000.
final class MergeFallbackTests: XCTestCase {
    func testMergeBeforePostgres15LeavesTheSameRowsAsMerge() throws {
        let environment = try requirePostgres()
        let (root, _) = try projectWithBothTargets("execution/materializations", profile: "materializations")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let first = try runCLI(["run", "--target", "postgres", "--profiles-dir", root, "--vars", "{batch: 1}", "--select", "merged"],
                               in: root, environment: environment)
        XCTAssertEqual(first.code, 0, first.stdout + first.stderr)
        let loaded = try load(root, target: "postgres", environment: environment)
        let connection = try connect(loaded)
        let dialect = loaded.session.dialect
        let node = try XCTUnwrap(loaded.manifest.nodes.first { $0.name == "merged" })
        let relation = try XCTUnwrap(node.relation)
        XCTAssertGreaterThanOrEqual(connection.serverVersion ?? 0, 150000)

        // The second batch of the fixture's `source_rows`, staged as the materialization stages it.
        let staged = dialect.suffixed(relation, "__staged")
        try connection.execute("create table \(dialect.render(staged)) as select 2 as id, 'a' as part, 'two v2' as name, 21 as amount "
                               + "union all select 3, 'a', 'three', 30")
        let columns = try connection.columns(of: relation).map(\.name)
        var fingerprints: [String] = []
        let servers: [(suffix: String, dialect: any Dialect)] = [("__merge", dialect),
                                                                 ("__update_insert", PostgresDialect(assumedServerVersion: 140000))]
        for (suffix, serverDialect) in servers {
            let target = dialect.suffixed(relation, suffix)
            try connection.execute("create table \(dialect.render(target)) as select * from \(dialect.render(relation))")
            let materializer = Materializer(connection: connection, dialect: serverDialect, relations: RelationCache(), fullRefresh: false)
            let statements = try materializer.statements(node, target: target, staged: staged, columns: columns)
            let merges = statements.filter { $0.hasPrefix("merge into") }.count
            XCTAssertEqual(statements.count, suffix == "__merge" ? 1 : 2, statements.joined(separator: ";\n"))
            XCTAssertEqual(merges, suffix == "__merge" ? 1 : 0, statements.joined(separator: ";\n"))
            // The macros (`postgres__get_merge_sql`, asking `adapter.supports_merge()`) write the same statements.
            let macro = try Compiler(session: session(loaded.session, dialect: serverDialect), manifest: loaded.manifest)
                .incrementalStrategySQL(node, strategy: "merge", target: target, staged: staged,
                                        columns: try connection.columns(of: relation), on: connection)
            XCTAssertEqual(macro, statements.joined(separator: ";\n"), suffix)
            for statement in statements { try connection.execute(statement) }
            let (rows, checksum) = try fingerprint(dialect.render(target), connection)
            fingerprints.append("\(rows)\n\(checksum)")
        }
        // And the run's own second batch (PostgreSQL 15: `MERGE`) gives those rows too.
        let second = try runCLI(["run", "--target", "postgres", "--profiles-dir", root, "--vars", "{batch: 2}", "--select", "merged"],
                                in: root, environment: environment)
        XCTAssertEqual(second.code, 0, second.stdout + second.stderr)
        let (rows, checksum) = try fingerprint(dialect.render(relation), connection)
        fingerprints.append("\(rows)\n\(checksum)")
        XCTAssertEqual(Set(fingerprints).count, 1, fingerprints.joined(separator: "\n--\n"))
        XCTAssertTrue(fingerprints[0].hasPrefix("4\n"), fingerprints[0])
    }

    /// `loaded` with another dialect.
    private func session(_ loaded: CompileSession, dialect: any Dialect) -> CompileSession {
        CompileSession(project: loaded.project, packageRoots: loaded.packageRoots, target: loaded.target, dialect: dialect,
                       macros: loaded.macros, templates: loaded.templates, cliVars: loaded.cliVars, projectVars: loaded.projectVars,
                       packageVars: loaded.packageVars, invocationID: loaded.invocationID, runStartedAt: loaded.runStartedAt,
                       environmentVariables: loaded.environmentVariables, log: loaded.log)
    }
}
