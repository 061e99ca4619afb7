import XCTest
@testable import SwiftDBT

/// The value patterns behind the methods: `fnmatch` wildcards, `path:` globs and `fqn` matching.
final class SelectionPatternTests: XCTestCase {
    func testWildcardsFollowFnmatch() {
        let cases: [(String, String, Bool)] = [
            ("*", "", true), ("*", "a/b.c", true), ("a?c", "abc", true), ("a?c", "ac", false),
            ("[abc]x", "bx", true), ("[a-c]x", "dx", false), ("[!a-c]x", "dx", true), ("[]]", "]", true),
            ("[!]]", "a", true), ("[z-a]", "m", false), ("[a-]", "-", true), ("[abc", "[abc", true),
            ("*_source", "snowplow_source", true), ("*_source", "snowplow_sources", false),
            ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false), ("Tag", "tag", false), ("é?", "éa", true),
        ]
        for (pattern, text, expected) in cases {
            XCTAssertEqual(WildcardPattern(pattern).matches(text), expected, "\(pattern) ~ \(text)")
        }
    }

    func testPathsMatchFilesAndTheirFolders() {
        let cases: [(String, String, Bool)] = [
            ("models", "models/staging/a.sql", true), ("models/staging", "models/staging/a.sql", true),
            ("models/stag", "models/staging/a.sql", false), ("models/*/a.sql", "models/staging/a.sql", true),
            ("models/*", "models/a.sql", true), ("*/a.sql", "models/staging/a.sql", false),
            ("**/a.sql", "models/staging/a.sql", true), ("models/**", "models/a.sql", true),
            ("models/**/x", "models/a.sql", false), ("models/st*", "models/staging/a.sql", true),
            ("", "seeds/s.csv", true), ("./seeds/", "seeds/s.csv", true),
        ]
        for (pattern, path, expected) in cases {
            XCTAssertEqual(PathPattern(pattern).contains(path), expected, "\(pattern) ~ \(path)")
        }
    }

    func testQualifiedNames() {
        let fqn = ["jaffle_shop", "staging", "stripe", "stg_payments"]
        let cases: [(String, Bool)] = [
            ("stg_payments", true), ("jaffle_shop", true), ("staging", true), ("staging.stripe", true),
            ("stripe", false), ("jaffle_shop.stripe", false), ("jaffle_shop.staging.stripe.stg_payments", true),
            ("jaffle_shop.staging.stripe.stg_payments.extra", false), ("*.stripe.*", true),
            ("staging.*", true), ("jaffle_shop.*payments", true), ("staging.str?pe", false),
            ("staging.str?pe.*", true),
            ("stg_pay", false), ("*", true), ("jaffle_shop.staging.stripe.*", true),
            ("jaffle_shop.staging.stripe.stg_payments.*", false), ("staging.stripe.stg_payments.*", false),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(QualifiedNamePattern(value).matches(fqn), expected, value)
        }
        XCTAssertTrue(QualifiedNamePattern("pkg.model").matches(["pkg", "model.v2"]), "dots inside parts separate")
        XCTAssertTrue(QualifiedNamePattern("model.v2").matches(["pkg", "model.v2"]))
        XCTAssertTrue(QualifiedNamePattern("pkg.model.*").matches(["pkg", "model.v2"]), "a star tail counts dotted words")
        XCTAssertFalse(QualifiedNamePattern("pkg.model.v2.*").matches(["pkg", "model.v2"]))
        XCTAssertFalse(QualifiedNamePattern("x").matches([]))
    }
}
