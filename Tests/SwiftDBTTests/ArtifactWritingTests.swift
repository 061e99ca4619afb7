import Foundation
import XCTest
@testable import SwiftDBT

/// The artifacts' fast paths write what the general ones would: times as Foundation's ISO 8601 formatter writes
/// them, and `run_results.json` serialized in pieces as the whole document's pretty JSON.
final class ArtifactWritingTests: XCTestCase {
    func testTimesAreWhatTheISO8601FormatterWrites() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // Fixed times (leap days, ends of years and days, fractions just under a millisecond), then a spread of
        // times from 1970 to 2200 with fractions that are not whole milliseconds.
        var dates = [0, 951_782_400, 951_868_799.9995, 1_709_164_799.9999, 4_102_444_800, 1_764_806_400.123456,
                     1_764_806_399.999, 1_764_806_400.0009, 253_402_300_799.999, 253_402_300_800, -0.5, -86_400.25]
            .map(Date.init(timeIntervalSince1970:))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            dates.append(Date(timeIntervalSince1970: Double(state >> 11) / Double(1 << 53) * 7_258_118_400))
        }
        dates.append(Date())
        for date in dates {
            XCTAssertEqual(ArtifactTime.string(date), formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    func testRunResultsPiecesAreThePrettyDocument() throws {
        let root = try copyFixture("jaffle_shop")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(root)) }
        let loaded = try loadProject(root)
        let ids = loaded.manifest.nodes.map(\.uniqueID)
        XCTAssertFalse(ids.isEmpty)
        let start = Date(timeIntervalSince1970: 1_764_806_400.25)
        // More results than one piece holds, of every node kind the fixture has and one it does not know.
        let results = (0..<600).map { position in
            var result = NodeResult(uniqueID: position == 7 ? "model.other.x" : ids[position % ids.count],
                                    status: position % 3 == 0 ? .success : .error, message: position % 2 == 0 ? "" : "m\"\n",
                                    startedAt: start, compiledAt: position % 5 == 0 ? nil : start + 0.5,
                                    completedAt: start + Double(position) / 7, relationName: "\"main\".\"t\(position)\"")
            result.compiledCode = position % 4 == 0 ? nil : "select \(position)\n\t\"é\""
            return result
        }
        var args = InvocationArgs(which: "compile", projectDirectory: root, invocationCommand: "swiftdbt compile")
        args.select = ["a", "b"]
        for count in [0, 1, 256, 600] {
            let chosen = Array(results.prefix(count))
            let pieces = RunResultsWriter.pieces(chosen, loaded: loaded, elapsed: 1.25, args: args, generatedAt: start)
            let expected = JSONWriter.string(.dict([
                ("metadata", RunResultsWriter.metadata(loaded, generatedAt: start)),
                ("results", .list(chosen.map { RunResultsWriter.entry($0, kind: loaded.manifest.runResourceType($0.uniqueID)) })),
                ("elapsed_time", .double(1.25)),
                ("args", args.document),
            ]), pretty: true)
            XCTAssertEqual(String(decoding: pieces.joined(), as: UTF8.self), expected, "\(count) results")
        }
    }
}
