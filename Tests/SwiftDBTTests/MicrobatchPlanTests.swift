import Foundation
import XCTest
@testable import SwiftDBT

/// The batches of a microbatch model for each `batch_size`, first and incremental runs, `lookback`, and
/// `--event-time-start`/`--event-time-end`, compared with what dbt-core 1.10's MicrobatchBuilder computes for the same
/// configs (scripts/record-microbatch-batches.py).
final class MicrobatchPlanTests: XCTestCase {
    func testBatchesAsDbtCore() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference/microbatch-batches.json")
        let cases = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        XCTAssertEqual(cases.count, 9)
        let time = { (key: String, entry: [String: Any]) in (entry[key] as? String).flatMap(RunOptions.eventTime) }
        for entry in cases {
            let config = NodeConfig([("materialized", .string("incremental")), ("incremental_strategy", .string("microbatch")),
                                     ("event_time", .string("t")), ("batch_size", .string(entry["batch_size"] as? String ?? "")),
                                     ("begin", .string(entry["begin"] as? String ?? "")), ("lookback", .int(entry["lookback"] as? Int ?? 0))])
            let node = ProjectNode(uniqueID: "model.p.m", resourceType: .model, name: "m", packageName: "p", path: "m.sql",
                                   originalFilePath: "models/m.sql", packageRoot: "/p", fqn: ["p", "m"], rawCode: "", config: config,
                                   definedAt: FileLocation(path: "models/m.sql", line: 1, column: 1))
            let plan = try MicrobatchPlan(node, incremental: entry["incremental"] as? Bool ?? false, eventTimeStart: time("start", entry),
                                          eventTimeEnd: time("end", entry), now: try XCTUnwrap(time("now", entry)))
            let batches = plan.windows.map { [$0.start, $0.end].map { MicrobatchWindow.text($0).replacingOccurrences(of: " ", with: "T") } }
            XCTAssertEqual(batches, entry["batches"] as? [[String]], "\(entry)")
        }
    }
}
