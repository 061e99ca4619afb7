import Foundation

/// One statement and what dbt's adapter reports for it, recorded by scripts/record-statement-responses.py
/// into `Tests/Fixtures/reference/statement-responses.json`.
public struct StatementResponseCase: Decodable {
    public let adapter: String
    /// The statement, with `{table}` for the scratch table.
    public let sql: String
    public let fetch: Bool
    public let message: String
    public let code: String?
    public let rowsAffected: Int

    enum CodingKeys: String, CodingKey {
        case adapter, sql, fetch, message, code
        case rowsAffected = "rows_affected"
    }

    /// The recorded cases of `adapter`, in order.
    public static func load(adapter: String) throws -> [StatementResponseCase] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference/statement-responses.json")
        return try JSONDecoder().decode([StatementResponseCase].self, from: Data(contentsOf: file)).filter { $0.adapter == adapter }
    }

    /// A template that runs the statement on `table` and prints `message|code|rows_affected` of its response.
    public func template(table: String) -> String {
        "{% call statement('s', fetch_result=\(fetch ? "True" : "False")) %}"
            + sql.replacingOccurrences(of: "{table}", with: table)
            + "{% endcall %}{% set r = load_result('s').response %}{{ r._message }}|{{ r.code }}|{{ r.rows_affected }}"
    }

    /// What `template` prints when the response is the recorded one.
    public var expected: String { "\(message)|\(code ?? "None")|\(rowsAffected)" }
}
