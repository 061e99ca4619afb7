import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `restrict-access: true` in a package's dbt_project.yml (Tests/Fixtures/restrict_access): its protected
/// models may not be referred to from another package, as dbt-core 1.10 enforces it (`expected.json`,
/// recorded by scripts/record-restrict-access-reference.py).
final class RestrictAccessTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try copyFixture("restrict_access")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root))
    }

    private func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("restrict_access/expected.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testAPublicModelOfARestrictedPackageMayBeReferredTo() throws {
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(try expected()["parses"] as? Bool, true)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
    }

    func testAProtectedModelOfARestrictedPackageIsALoadError() throws {
        try "select * from {{ ref('vendor_orders') }}\n".write(toFile: root + "/models/uses_protected.sql", atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        let reference = try XCTUnwrap(try expected()["protected_ref"] as? [String: Any])
        XCTAssertEqual(Int32(try XCTUnwrap(reference["code"] as? Int)), result.code)
        XCTAssertTrue(result.stderr.contains("models/uses_protected.sql:1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains(try XCTUnwrap(reference["message"] as? String)), result.stderr)
    }

    func testWithoutRestrictAccessProtectedModelsAreOpenToOtherPackages() throws {
        try "select * from {{ ref('vendor_orders') }}\n".write(toFile: root + "/models/uses_protected.sql", atomically: true, encoding: .utf8)
        try "name: vendor\n".write(toFile: root + "/dbt_packages/vendor/dbt_project.yml", atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(try expected()["protected_ref_unrestricted_parses"] as? Bool, true)
        XCTAssertEqual(result.code, 0, result.stdout + result.stderr)
    }

    func testRestrictAccessMustBeABoolean() throws {
        try "name: vendor\nrestrict-access: sometimes\n".write(toFile: root + "/dbt_packages/vendor/dbt_project.yml", atomically: true, encoding: .utf8)
        let result = try runCLI(["parse"], in: root)
        XCTAssertEqual(result.code, 2)
        XCTAssertTrue(result.stderr.contains("dbt_project.yml:2:18: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("'restrict-access' must be true or false, not the text 'sometimes'"), result.stderr)
    }
}
