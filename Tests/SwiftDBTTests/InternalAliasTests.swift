import Foundation
import XCTest
@testable import SQLiteAdapter

/// The names compiled SQL makes from model names and aliases (an ephemeral model's CTE, `--empty`'s subquery
/// alias) are quoted when they are more than letters, digits and underscores, so a file or alias name is never
/// read as SQL; plain ones stay as dbt writes them.
final class InternalAliasTests: XCTestCase {
    func testCTEAndEmptySubqueryNamesFromOddNamesAreQuoted() throws {
        let project = try ExecutionProject("schema_names")
        defer { try? FileManager.default.removeItem(atPath: (project.root as NSString).deletingLastPathComponent) }
        try project.write("{{ config(materialized='table') }}\nselect 5 as k", to: "models/keep.sql")
        try project.write("{{ config(materialized='ephemeral') }}\nselect 1 as id", to: "models/eph it's.sql")
        try project.write("{{ config(materialized='table', alias='t) x; drop table main.keep; --') }}\nselect * from {{ ref(\"eph it's\") }}",
                          to: "models/user.sql")
        try project.write("{{ config(materialized='table') }}\nselect * from {{ ref('user') }}", to: "models/after.sql")
        let selection = ["--select", "keep", "user", "after"]
        let run = try project.run(["run"] + selection)
        XCTAssertEqual(run.code, 0, run.all)
        let empty = try project.run(["run", "--empty"] + selection)
        XCTAssertEqual(empty.code, 0, empty.all)
        let compiled = { (model: String) in
            try String(contentsOfFile: project.root + "/target/run/schema_names/models/\(model).sql", encoding: .utf8)
        }
        XCTAssertEqual(try compiled("user"), "with \"__dbt__cte__eph it's\" as (\n\nselect 1 as id\n)\n\nselect * from \"__dbt__cte__eph it's\"")
        XCTAssertEqual(try compiled("after"), "\nselect * from (select * from \"main\".\"t) x; drop table main.keep; --\" where false limit 0) "
                       + "\"_dbt_empty_t) x; drop table main.keep; --\"")
        XCTAssertEqual(try project.rows("select name from sqlite_master order by name"),
                       [["after"], ["keep"], ["t) x; drop table main.keep; --"]])
    }
}
