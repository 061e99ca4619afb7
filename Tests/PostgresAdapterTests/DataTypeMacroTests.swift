import Foundation
import XCTest
@testable import SwiftDBT

/// dbt's type macros compile as dbt-core 1.10 compiles them on both adapters (`TEXT` from
/// `api.Column.translate_type('string')`, not `varchar`, so a `cast(... as {{ dbt.type_string() }})`
/// column is `text` on PostgreSQL, as dbt-utils' `union_relations` builds it). Expected line recorded
/// from dbt-core by scripts/record-data-types.sh. Compiling asks no database.
final class DataTypeMacroTests: XCTestCase {
    func testTypeMacrosCompileAsDbtCompilesThem() throws {
        let (root, _) = try projectWithBothTargets("execution/test_macro_config", profile: "test_macro_config")
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let template = "{{ dbt.type_string() }}|{{ dbt.type_int() }}|{{ dbt.type_bigint() }}|{{ dbt.type_float() }}|"
            + "{{ dbt.type_numeric() }}|{{ dbt.type_timestamp() }}|{{ dbt.type_boolean() }}"
        for target in ["sqlite", "postgres"] {
            let loaded = try load(root, target: target, environment: ["PGHOST": "localhost"])
            let compiler = Compiler(session: loaded.session, manifest: loaded.manifest)
            XCTAssertEqual(try compiler.compileInline(template), "TEXT|integer|bigint|float|numeric(28,6)|timestamp|boolean", target)
        }
    }
}
