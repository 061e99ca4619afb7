import Foundation
import TestSupport
import XCTest

/// `DBT_ENV_SECRET_*` values, read by a profile, appear nowhere swiftdbt prints or writes: not in
/// standard output or error (a `log()` line, a database error quoting the value), not in any file
/// under `target/` (compiled and run SQL, manifest, run results). `*****` stands in their place.
final class SecretMaskingTests: XCTestCase {
    private var root = ""
    private let note = "hush\(UUID().uuidString.prefix(8).lowercased())"
    private let password = "pw-\(UUID().uuidString.prefix(8))"
    private let quoted = "say \"hé\" \\ \(UUID().uuidString.prefix(8))"
    private var secrets: [String: String] {
        ["DBT_ENV_SECRET_NOTE": note, "DBT_ENV_SECRET_PASSWORD": password, "DBT_ENV_SECRET_QUOTED": quoted]
    }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-secrets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        let files = [
            "dbt_project.yml": "name: secrets\nprofile: secrets\n",
            "profiles.yml": """
            secrets:
              target: dev
              outputs:
                dev:
                  type: sqlite
                  schema: main
                  path: target/secrets.sqlite
                  password: "{{ env_var('DBT_ENV_SECRET_PASSWORD') }}"
                  note: "{{ env_var('DBT_ENV_SECRET_NOTE') }}"
                  quoted: "{{ env_var('DBT_ENV_SECRET_QUOTED') }}"

            """,
            // The note reaches templates as `target.note`: in a log line, in SQL, and in a database error.
            "models/shown.sql": "{{ config(materialized='table') }}\n{{ log('the note is ' ~ target.note, info=True) }}\nselect '{{ target.note }}' as note\n",
            "models/broken.sql": "select {{ target.note }} as x\n",
            // A secret with characters JSON escapes, in an error message that run_results.json holds.
            "models/raising.sql": "{% if execute %}{{ exceptions.raise_compiler_error('quoted: ' ~ target.quoted) }}{% endif %}\nselect 1 as x\n",
        ]
        for (name, text) in files {
            try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Every file under `target/` but the database itself (which holds what the models selected).
    private func targetFiles() throws -> [String] {
        let target = root + "/target"
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: target))
        return files.filter { !$0.hasSuffix(".sqlite") && !$0.contains(".sqlite-") }.map { target + "/" + $0 }
            .filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            }
    }

    func testSecretsAreMaskedInOutputAndEveryTargetFile() throws {
        let result = try runCLI(["build"], in: root, environment: secrets)
        XCTAssertEqual(result.code, 1, result.stdout + result.stderr)
        let quotedInJSON = quoted.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let all = [note, password, quoted, quotedInJSON]
        for secret in all {
            XCTAssertFalse(result.stdout.contains(secret), result.stdout)
            XCTAssertFalse(result.stderr.contains(secret), result.stderr)
        }
        XCTAssert(result.stdout.contains("the note is *****"), result.stdout)
        XCTAssert(result.stdout.contains("no such column: *****"), result.stdout)
        XCTAssert(result.stdout.contains("quoted: *****"), result.stdout)

        let files = try targetFiles()
        for name in ["manifest.json", "run_results.json", "compiled/secrets/models/shown.sql", "run/secrets/models/shown.sql",
                     "compiled/secrets/models/broken.sql"] {
            XCTAssert(files.contains(root + "/target/" + name), "\(name) not written: \(files)")
        }
        for path in files {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for secret in all { XCTAssertFalse(text.contains(secret), "\(path) holds a secret:\n\(text)") }
        }
        let runResults = try String(contentsOfFile: root + "/target/run_results.json", encoding: .utf8)
        XCTAssert(runResults.contains("quoted: *****"), runResults)
        let compiled = try String(contentsOfFile: root + "/target/compiled/secrets/models/shown.sql", encoding: .utf8)
        XCTAssert(compiled.contains("select '*****' as note"), compiled)
        // logs/dbt.log keeps what standard output shows, and debug events, masked as well.
        let log = try String(contentsOfFile: root + "/logs/dbt.log", encoding: .utf8)
        XCTAssert(log.contains("no such column: *****"), log)
        for secret in all { XCTAssertFalse(log.contains(secret), "logs/dbt.log holds a secret:\n\(log)") }
    }

    func testASecretInAModelIsAnErrorEvenWhenSet() throws {
        try "select '{{ env_var(\"DBT_ENV_SECRET_NOTE\") }}' as x\n".write(toFile: root + "/models/broken.sql", atomically: true, encoding: .utf8)
        let result = try runCLI(["compile"], in: root, environment: secrets)
        XCTAssertEqual(result.code, 2, result.stdout + result.stderr)
        XCTAssert(result.stderr.contains("models/broken.sql:1:12: Secret env vars are allowed only in profiles.yml or packages.yml. "
                                         + "Found 'DBT_ENV_SECRET_NOTE' referenced elsewhere."), result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains(note))
    }
}
