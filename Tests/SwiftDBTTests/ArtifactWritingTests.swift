import Foundation
import XCTest
@testable import SwiftDBT

/// The artifacts' fast paths write what the general ones would: times as Foundation's ISO 8601 formatter writes
/// them, and `run_results.json` serialized in pieces, each result straight to bytes, as the whole document's pretty
/// JSON made from `ConfigValue` trees (`treeEntry`, the way swiftdbt wrote each result before `RunResultJSON`).
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

    /// Strings escaped eight bytes at a time are escaped as byte by byte (`"`, `\`, `\n`, `\r`, `\t`, other control
    /// characters as `\u00xx`, the rest as UTF-8) and read back by Foundation's JSON parser as written: every length
    /// up to 40 around the eight-byte steps, every control character at every position of a word.
    func testEscapedStringsAreExactAndReadBack() throws {
        func expected(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "é", "\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "€", "\t", "x"]
        var texts: [String] = (0..<0x20).flatMap { code in (0..<9).map { String(repeating: "y", count: $0) + String(UnicodeScalar(UInt8(code))) + "zz" } }
        var state: UInt64 = 12_345
        for length in 0...40 {
            for _ in 0..<20 {
                texts.append((0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return pieces[Int(state >> 33) % pieces.count]
                }.joined())
            }
        }
        for text in texts {
            var out = ByteBuffer()
            JSONWriter.writeString(text, into: &out)
            XCTAssertEqual(out.string, expected(text), text.debugDescription)
            let read = try JSONSerialization.jsonObject(with: Data(out.array), options: .fragmentsAllowed) as? String
            XCTAssertEqual(read, text, text.debugDescription)
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
            // Tests' statuses and failures, skipped nodes (no timing) and a microbatch model's batches.
            if position % 11 == 0 { result.status = [.pass, .fail, .warn, .skipped][position % 4] }
            if position % 13 == 0 { result.failures = position }
            if position % 17 == 0 {
                result.batchResults = BatchResults(successful: [DateInterval(start: start, duration: 86_400)],
                                                   failed: position % 2 == 0 ? [] : [DateInterval(start: start + 86_400, duration: 86_400)])
            }
            return result
        }
        var args = InvocationArgs(which: "compile", projectDirectory: root, invocationCommand: "swiftdbt compile")
        args.select = ["a", "b"]
        for count in [0, 1, 256, 600] {
            let chosen = Array(results.prefix(count))
            let pieces = RunResultsWriter.pieces(chosen, loaded: loaded, elapsed: 1.25, args: args, generatedAt: start)
            let expected = JSONWriter.string(.dict([
                ("metadata", RunResultsWriter.metadata(loaded, generatedAt: start)),
                ("results", .list(chosen.map { treeEntry($0, kind: loaded.manifest.runResourceType($0.uniqueID)) })),
                ("elapsed_time", .double(1.25)),
                ("args", args.document),
            ]), pretty: true)
            XCTAssertEqual(String(decoding: pieces.joined(), as: UTF8.self), expected, "\(count) results")
        }
    }

    /// A result as a `ConfigValue` tree, field by field as `RunResultJSON` writes it.
    private func treeEntry(_ result: NodeResult, kind: ResourceType?) -> ConfigValue {
        let compilesNothing = kind == .seed || kind.map(Manifest.noOpTypes.contains) == true
        // dbt writes no message for a passing test, a skipped node, or a result with none (`compile`, `run-operation`).
        let silent = result.status == .pass || result.status == .skipped || result.message.isEmpty
        let message: ConfigValue = silent ? .null : .string(result.message)
        return .dict([
            ("status", .string(result.status.rawValue)),
            ("timing", RunResultsWriter.timing(result)),
            ("thread_id", .string(result.threadName)),
            ("execution_time", .double(result.executionTime)),
            ("adapter_response", RunResultsWriter.adapterResponse(result)),
            ("message", message),
            ("failures", result.failures.map { .int($0) } ?? .null),
            ("unique_id", .string(result.uniqueID)),
            ("compiled", compilesNothing ? .null : .bool(result.compiledCode != nil)),
            ("compiled_code", compilesNothing ? .null : result.compiledCode.map(ConfigValue.string) ?? .null),
            ("relation_name", compilesNothing || kind == .test ? .null : result.relationName.map(ConfigValue.string) ?? .null),
            ("batch_results", result.batchResults.map(RunResultsWriter.batchResults) ?? .null),
        ])
    }
}
