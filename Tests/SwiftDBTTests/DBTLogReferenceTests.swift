import Foundation
import TestSupport
import XCTest
@testable import SwiftDBT

/// `run_results.json` (`args`, thread names, `compile`/`execute` timings, adapter responses) and the
/// `--log-format json` event stream, against what dbt-core 1.10 writes for a build of the same shape
/// (`Tests/Fixtures/reference/log-events.json`, recorded by `scripts/record-log-events.py`); and
/// `retry`, which runs the last command again with its flags and selection from those args.
final class DBTLogReferenceTests: XCTestCase {
    private func reference(_ invocation: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("reference/log-events.json"))
        let all = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(all[invocation] as? [String: Any])
    }

    private func args(_ project: ExecutionProject) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: project.root + "/target/run_results.json"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(document["args"] as? [String: Any])
    }

    func testArgsAreTheInvocationsAsDBTWritesThem() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        // The recorded dbt invocation: `run -s m1+ --exclude m2 --full-refresh --fail-fast --threads 1 --vars '{a: 1}'`.
        XCTAssertEqual(try project.run("seed").code, 0)
        let run = try project.run("run", "-s", "raw+", "--exclude", "leaf", "--full-refresh", "--fail-fast", "--threads", "1",
                                  "--vars", "{a: 1}")
        XCTAssertEqual(run.code, 0, run.all)
        let ours = try args(project)
        let dbt = try XCTUnwrap(try reference("run_flags")["args"] as? [String: Any])
        let dbtKeys = Set(dbt.keys).union(try XCTUnwrap(try reference("build_json")["args"] as? [String: Any]).keys)
        XCTAssertEqual(Set(ours.keys).subtracting(dbtKeys), [], "keys dbt does not write")
        for key in ["which", "full_refresh", "fail_fast", "threads", "indirect_selection", "empty", "defer", "favor_state",
                    "log_format", "log_level", "log_level_file", "log_format_file", "quiet", "resource_types", "exclude_resource_types"] {
            XCTAssertEqual(ours[key].map { "\($0)" }, dbt[key].map { "\($0)" }, key)
        }
        XCTAssertEqual(ours["vars"] as? [String: Int], dbt["vars"] as? [String: Int])
        XCTAssertEqual(ours["select"] as? [String], ["raw+"])
        XCTAssertEqual(ours["exclude"] as? [String], ["leaf"])
        XCTAssertEqual(ours["project_dir"] as? String, URL(fileURLWithPath: project.root).standardizedFileURL.path)
        XCTAssertEqual(ours["log_path"] as? String, URL(fileURLWithPath: project.root + "/logs").standardizedFileURL.path)
        XCTAssertEqual(ours["invocation_command"] as? String,
                       "swiftdbt run -s raw+ --exclude leaf --full-refresh --fail-fast --threads 1 --vars {a: 1}")
        // A false flag and an option not given are left out, as dbt leaves them out.
        XCTAssertEqual(try project.run("build").code, 0)
        let plain = try args(project)
        for key in ["full_refresh", "fail_fast", "warn_error", "threads", "target"] {
            XCTAssertNil(plain[key], key)
        }
    }

    /// Thread names, timings, adapter responses, messages and `compiled` per kind of result, as dbt writes them.
    func testResultsHaveDBTsDetails() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        XCTAssertEqual(try project.run("build", "--vars", "break_base: true").code, 1)
        let results = try project.runResults()
        let dbt = try XCTUnwrap(try reference("build_json")["results"] as? [[String: Any]])
        let dbtByID = Dictionary(uniqueKeysWithValues: dbt.map { ($0["unique_id"] as? String ?? "", $0) })
        let pairs: [(ours: String, dbt: String)] = [("seed.skips.raw", "seed.refp.people"), ("model.skips.independent", "model.refp.m1"),
                                                    ("model.skips.base", "model.refp.bad"), ("model.skips.leaf", "model.refp.after_bad")]
        for (ourID, dbtID) in pairs {
            let ours = try XCTUnwrap(results[ourID], ourID)
            let theirs = try XCTUnwrap(dbtByID[dbtID], dbtID)
            XCTAssertEqual(ours["thread_id"] as? String, theirs["thread_id"] as? String, ourID)
            XCTAssertEqual((ours["timing"] as? [[String: Any]])?.map { $0["name"] as? String ?? "" }, theirs["timing_names"] as? [String], ourID)
            XCTAssertEqual((ours["adapter_response"] as? [String: Any]).map { Array($0.keys).sorted() },
                           theirs["adapter_response_keys"] as? [String], ourID)
            XCTAssertEqual(ours["compiled"] as? Bool, theirs["compiled"] as? Bool, ourID)
            XCTAssertEqual(ours["compiled"] is NSNull, theirs["compiled"] is NSNull, ourID)
            XCTAssertEqual(ours["message"] is NSNull, theirs["message"] is NSNull, ourID)
            XCTAssertEqual(ours["relation_name"] is NSNull, theirs["relation_name"] is NSNull, ourID)
        }
        let seed = try XCTUnwrap(results["seed.skips.raw"]?["adapter_response"] as? [String: Any])
        XCTAssertEqual(seed["_message"] as? String, "INSERT 3")
        XCTAssertEqual(seed["code"] as? String, "INSERT")
        XCTAssertEqual(seed["rows_affected"] as? Int, 3)
        XCTAssertEqual(try project.run("build").code, 0)
        let passed = try XCTUnwrap(try project.runResults().values.first { $0["status"] as? String == "pass" })
        XCTAssert(passed["message"] is NSNull)
        XCTAssertEqual((passed["adapter_response"] as? [String: Any])?["_message"] as? String, "OK")
    }

    /// Every event swiftdbt prints with `--log-format json` has dbt's name, code, level and `info` keys,
    /// and the `data` (and `node_info`) keys dbt gives that event.
    func testJSONLogLinesAreDBTsEvents() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        // A failing test skips what is built from its data: results of every kind.
        let build = try project.run("build", "--log-format", "json", "--vars", "max_amount: 5")
        XCTAssertEqual(build.code, 1, build.all)
        let reference = try reference("build_json")
        let dbt = try XCTUnwrap(reference["stdout_events"] as? [String: [String: Any]])
        var seen: Set<String> = []
        var invocations: Set<String> = []
        for line in build.stdout.split(separator: "\n") {
            let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            let info = try XCTUnwrap(event["info"] as? [String: Any])
            let data = try XCTUnwrap(event["data"] as? [String: Any])
            let name = try XCTUnwrap(info["name"] as? String)
            seen.insert(name)
            invocations.insert(info["invocation_id"] as? String ?? "")
            guard let expected = dbt[name] else { XCTFail("\(name) is not an event dbt prints in this build: \(line)"); continue }
            XCTAssertEqual(info["code"] as? String, expected["code"] as? String, name)
            XCTAssertEqual(info["level"] as? String, expected["level"] as? String, name)
            XCTAssertEqual(Array(info.keys).sorted(), expected["info_keys"] as? [String], name)
            XCTAssertEqual(Array(data.keys).sorted(), expected["data_keys"] as? [String], name)
            XCTAssert((expected["threads"] as? [String])?.contains(info["thread"] as? String ?? "") == true, "\(name): \(info)")
            if let nodeInfo = data["node_info"] as? [String: Any] {
                XCTAssertEqual(Array(nodeInfo.keys).sorted(), expected["node_info_keys"] as? [String], name)
                XCTAssertEqual((nodeInfo["node_relation"] as? [String: Any]).map { Array($0.keys).sorted() },
                               expected["node_relation_keys"] as? [String], name)
            }
        }
        XCTAssertEqual(invocations.count, 1, "one invocation_id on every line")
        XCTAssertFalse(invocations.contains(""))
        for name in ["FoundStats", "ConcurrencyLine", "LogStartLine", "LogSeedResult", "LogModelResult", "LogTestResult",
                     "SkippingDetails", "FinishedRunningStats", "EndOfRunSummary", "StatsLine", "Formatting"] {
            XCTAssert(seen.contains(name), "\(name) missing: \(seen.sorted())")
        }
    }

    /// The `[level] [thread]` parts of debug-format lines (`HH:MM:SS.ffffff [info ] [Thread-1 (]: ...`); every
    /// line must have one.
    private func debugShapes(_ text: String) throws -> Set<String> {
        var shapes: Set<String> = []
        for line in text.split(separator: "\n") {
            let match = try XCTUnwrap(line.firstMatch(of: #/^\d\d:\d\d:\d\d\.\d{6} (\[\w+ ?\] \[.{10}\]): /#), String(line))
            shapes.insert(String(match.1))
        }
        return shapes
    }

    /// The `[level] [thread]` parts dbt writes: those of its text log file, and those the events of its JSON
    /// build (which has a warning) would have.
    private func dbtShapes() throws -> Set<String> {
        var shapes = Set(try XCTUnwrap(try reference("run_flags")["file_line_shapes"] as? [String]))
        let build = try reference("build_json")
        for key in ["stdout_events", "file_events"] {
            for event in (build[key] as? [String: [String: Any]] ?? [:]).values {
                let level = (event["level"] as? String ?? "").padding(toLength: 5, withPad: " ", startingAt: 0)
                for thread in event["threads"] as? [String] ?? [] {
                    shapes.insert("[\(level)] [\(String(thread.prefix(10)).padding(toLength: 10, withPad: " ", startingAt: 0))]")
                }
            }
        }
        return shapes
    }

    /// `--log-format debug` lines have dbt's debug prefix with the levels and thread names dbt writes there;
    /// debug-level events (`NodeStart`) show only with `--debug`, as in dbt.
    func testDebugFormatLinesHaveDBTsPrefix() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        let build = try project.run("build", "--log-format", "debug", "--vars", "max_amount: 5")
        XCTAssertEqual(build.code, 1, build.all)
        let dbt = try dbtShapes()
        let shapes = try debugShapes(build.stdout)
        XCTAssertEqual(shapes.subtracting(dbt), [], "shapes dbt never writes")
        XCTAssert(shapes.isSuperset(of: ["[info ] [Thread-1 (]", "[error] [MainThread]"]), "\(shapes)")
        XCTAssertFalse(build.stdout.contains("Began running node"), build.stdout)
        let debug = try project.run("build", "--log-format", "debug", "--debug")
        XCTAssert(debug.stdout.contains("[debug] [Thread-1 (]: Began running node model.skips.base"), debug.stdout)
    }

    /// `logs/dbt.log` as dbt writes it: dbt's invocation header, then debug-format lines at debug level (node
    /// events standard output leaves out), appended by each invocation; `--log-format-file json` writes the
    /// events as JSON with the invocation's ID, `--log-path` moves it, `--log-level-file none` writes none.
    func testLogFileIsWrittenAsDBTWritesIt() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        let build = try project.run("build", "--vars", "max_amount: 5")
        XCTAssertEqual(build.code, 1, build.all)
        let log = try String(contentsOfFile: project.root + "/logs/dbt.log", encoding: .utf8)
        var lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(2)), ["", ""])
        let header = try XCTUnwrap(lines[2].firstMatch(of: #/^={30} \d\d:\d\d:\d\d\.\d{6} \| ([0-9a-f-]{36}) ={30}$/#), lines[2])
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: project.root + "/target/run_results.json")))
        XCTAssertEqual(String(header.1), ((results as? [String: Any])?["metadata"] as? [String: Any])?["invocation_id"] as? String)
        lines = Array(lines.dropFirst(3).dropLast())
        let dbt = try dbtShapes()
        XCTAssertEqual(try debugShapes(lines.filter { !$0.hasPrefix(" ") && !$0.isEmpty && $0.first?.isNumber == true }.joined(separator: "\n"))
            .subtracting(dbt), [])
        XCTAssert(log.contains("[debug] [Thread-1 (]: Began running node model.skips.base"), log)
        XCTAssert(log.contains("[info ] [MainThread]: Done. PASS="), log)
        XCTAssertFalse(build.stdout.contains("Began running node"))
        XCTAssertEqual(try project.run("build", "--log-format-file", "json", "--log-path", "elsewhere").code, 0)
        let json = try String(contentsOfFile: project.root + "/elsewhere/dbt.log", encoding: .utf8)
        let ids = try Set(json.split(separator: "\n").map { line in
            let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            return (event["info"] as? [String: Any])?["invocation_id"] as? String ?? ""
        })
        XCTAssertEqual(ids.count, 1)
        XCTAssertEqual(try String(contentsOfFile: project.root + "/logs/dbt.log", encoding: .utf8), log, "the other log is untouched")
        XCTAssertEqual(try project.run("build", "--log-level-file", "none").code, 0)
        XCTAssertEqual(try String(contentsOfFile: project.root + "/logs/dbt.log", encoding: .utf8), log)
        XCTAssertEqual(try project.run("build").code, 0)
        XCTAssertEqual(try String(contentsOfFile: project.root + "/logs/dbt.log", encoding: .utf8).components(separatedBy: "| ").count, 3,
                       "a second header: appended")
    }

    /// A `dbt.log` at `--log-file-max-bytes` rolls over to `dbt.log.1` (the older ones move up) when an invocation
    /// starts, as dbt's rotating log does; 0 never rolls over.
    func testLogFileRollsOver() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        try FileManager.default.createDirectory(atPath: project.root + "/logs", withIntermediateDirectories: true)
        try "older\n".write(toFile: project.root + "/logs/dbt.log.1", atomically: false, encoding: .utf8)
        try String(repeating: "x", count: 100).write(toFile: project.root + "/logs/dbt.log", atomically: false, encoding: .utf8)
        XCTAssertEqual(try project.run("parse", "--log-file-max-bytes", "0").code, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.root + "/logs/dbt.log.2"))
        XCTAssertEqual(try project.run("parse", "--log-file-max-bytes", "100").code, 0)
        XCTAssertEqual(try String(contentsOfFile: project.root + "/logs/dbt.log.2", encoding: .utf8), "older\n")
        XCTAssert(try String(contentsOfFile: project.root + "/logs/dbt.log.1", encoding: .utf8).hasPrefix(String(repeating: "x", count: 100) + "\n\n="))
        XCTAssert(try String(contentsOfFile: project.root + "/logs/dbt.log", encoding: .utf8).hasPrefix("\n\n="))
    }

    /// `--quiet` (or `DBT_QUIET`) leaves only errors on standard output; `DBT_LOG_FORMAT=json` is `--log-format json`;
    /// `DBT_LOG_LEVEL=debug` shows debug events; a level dbt does not know is a usage error naming the variable.
    func testQuietDebugAndTheEnvironment() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        let quiet = try project.run("build", "-q", "--vars", "max_amount: 5")
        XCTAssertEqual(quiet.code, 1)
        XCTAssertEqual(quiet.lines.filter { !$0.isEmpty }, ["Failure in test amounts_below_max (data-tests/amounts_below_max.sql)",
                                                            "  Got 2 results, configured to fail if != 0"], quiet.stdout)
        func run(_ environment: [String: String], _ arguments: String...) throws -> (code: Int32, stdout: String, stderr: String) {
            try runCLI(arguments, in: project.root, environment: environment)
        }
        XCTAssertEqual(try run(["DBT_QUIET": "true"], "build").stdout, "")
        let json = try run(["DBT_LOG_FORMAT": "json"], "build")
        XCTAssert(json.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"data\": ") }, json.stdout)
        XCTAssert(try run(["DBT_LOG_LEVEL": "debug"], "build").stdout.contains("Began running node"))
        // dbt's variables for flags: the project folder, the target folder, --fail-fast.
        let elsewhere = try runCLI(["parse"], in: PathText.deletingLastComponent(project.root),
                                   environment: ["DBT_PROJECT_DIR": project.root, "DBT_TARGET_PATH": "ci-target"])
        XCTAssertEqual(elsewhere.code, 0, elsewhere.stdout + elsewhere.stderr)
        XCTAssert(FileManager.default.fileExists(atPath: project.root + "/ci-target/manifest.json"))
        let failFast = try run(["DBT_FAIL_FAST": "true"], "build", "--vars", "break_base: true")
        XCTAssertEqual(failFast.code, 1)
        XCTAssert(failFast.stdout.contains("SKIP relation main.independent") || failFast.stdout.contains("SKIP test"), failFast.stdout)
        let fastArgs = try args(project)
        XCTAssertEqual(fastArgs["fail_fast"] as? Bool, true)
        let wrong = try run(["DBT_LOG_LEVEL": "loud"], "build")
        XCTAssertEqual(wrong.code, 2)
        XCTAssert(wrong.stderr.contains("DBT_LOG_LEVEL=loud: expected debug, info, warn, error or none"), wrong.stderr)
    }

    /// `ls --log-format json` prints each node as dbt's `PrintEvent`, with its name, code, level and fields.
    func testListInJSONPrintsDBTsEvents() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        let list = try project.run("ls", "-s", "independent", "--output", "name", "--log-format", "json")
        XCTAssertEqual(list.code, 0, list.all)
        let reference = try reference("ls_json")
        let dbt = try XCTUnwrap(reference["stdout_events"] as? [String: [String: Any]])
        let expected = try XCTUnwrap(dbt["PrintEvent"])
        var listed: [String] = []
        for line in list.stdout.split(separator: "\n") {
            let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            let info = try XCTUnwrap(event["info"] as? [String: Any])
            let data = try XCTUnwrap(event["data"] as? [String: Any])
            XCTAssertNotEqual(info["invocation_id"] as? String, "")
            // Besides the nodes, events dbt's ls prints too (MainReportVersion first).
            guard info["name"] as? String == "PrintEvent" else {
                XCTAssertNotNil(dbt[info["name"] as? String ?? ""], String(line))
                continue
            }
            XCTAssertEqual(info["code"] as? String, expected["code"] as? String)
            XCTAssertEqual(info["level"] as? String, expected["level"] as? String)
            XCTAssertEqual(Array(data.keys).sorted(), expected["data_keys"] as? [String])
            listed.append(data["msg"] as? String ?? "")
        }
        XCTAssertEqual(listed, ["independent"])
        XCTAssertEqual((reference["listed"] as? [String])?.first, "m1", "dbt's msg is the name alone, as --output name prints it")
    }

    /// With `--log-format json`, the error that stops an invocation (here a model whose Jinja does not parse) is
    /// dbt's `MainEncounteredError` on standard output, its message `Encountered an error:` and the error; nothing
    /// on standard error.
    func testLoadErrorInJSONIsDBTsEvent() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        try project.write("select {{ 1 +  }}\n", to: "models/broken.sql")
        let run = try project.run("run", "--log-format", "json")
        let reference = try reference("load_error_json")
        XCTAssertEqual(run.code, Int32(try XCTUnwrap(reference["exit_code"] as? Int)), run.all)
        XCTAssertEqual(run.stderr, try XCTUnwrap(reference["stderr"] as? String))
        let expected = try XCTUnwrap((reference["stdout_events"] as? [String: [String: Any]])?["MainEncounteredError"])
        let dbtMessage = try XCTUnwrap((reference["error_events"] as? [[String: Any]])?.first?["msg"] as? String)
        let last = try XCTUnwrap(run.stdout.split(separator: "\n").last, run.all)
        let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any], String(last))
        let info = try XCTUnwrap(event["info"] as? [String: Any])
        let data = try XCTUnwrap(event["data"] as? [String: Any])
        XCTAssertEqual(info["name"] as? String, "MainEncounteredError")
        XCTAssertEqual(info["code"] as? String, expected["code"] as? String)
        XCTAssertEqual(info["level"] as? String, expected["level"] as? String)
        XCTAssertEqual(Array(info.keys).sorted(), expected["info_keys"] as? [String])
        XCTAssertEqual(Array(data.keys).sorted(), expected["data_keys"] as? [String])
        let exc = try XCTUnwrap(data["exc"] as? String)
        XCTAssert(exc.contains("models/broken.sql:1:"), exc)
        let prefix = "Encountered an error:\n"
        XCTAssert(dbtMessage.hasPrefix(prefix), dbtMessage)
        XCTAssertEqual(info["msg"] as? String, prefix + exc)
    }

    /// With `--log-format json`, `show` prints its preview as dbt's `ShowNode` and `compile --inline` its SQL as
    /// `CompiledNode`: one event each, with dbt's code, level, message and fields (the project's name in an
    /// inline query's unique ID).
    func testShowAndCompileInJSONAreDBTsNodeEvents() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        XCTAssertEqual(try project.run("seed").code, 0)
        func outputEvents(_ arguments: String...) throws -> [[String: Any]] {
            let run = try project.run(arguments + ["--log-format", "json"])
            XCTAssertEqual(run.code, 0, run.all)
            return try run.stdout.split(separator: "\n").compactMap { line in
                let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
                let info = try XCTUnwrap(event["info"] as? [String: Any])
                guard ["ShowNode", "CompiledNode", "PrintEvent"].contains(info["name"] as? String) else { return nil }
                return ["name": info["name"] ?? "", "code": info["code"] ?? "", "level": info["level"] ?? "", "msg": info["msg"] ?? "",
                        "data": event["data"] ?? [:]]
            }
        }
        func dbt(_ invocation: String) throws -> [[String: Any]] {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: try XCTUnwrap(try reference(invocation)["output_events"])), as: UTF8.self)
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.replacing("sql_operation.refp.", with: "sql_operation.skips.").utf8)) as? [[String: Any]])
        }
        XCTAssertEqual(try outputEvents("show", "--inline", "select 2 as x") as NSArray, try dbt("show_json") as NSArray)
        XCTAssertEqual(try outputEvents("compile", "--inline", "select 2 as x") as NSArray, try dbt("compile_inline_json") as NSArray)
        let node = try XCTUnwrap(try outputEvents("show", "-s", "raw").first)
        let dbtNode = try XCTUnwrap(try dbt("show_node_json").first)
        XCTAssertEqual(node["name"] as? String, dbtNode["name"] as? String)
        XCTAssertEqual(node["code"] as? String, dbtNode["code"] as? String)
        let data = try XCTUnwrap(node["data"] as? [String: Any])
        XCTAssertEqual(Array(data.keys).sorted(), (dbtNode["data"] as? [String: Any]).map { Array($0.keys).sorted() })
        XCTAssertEqual(data["node_name"] as? String, "raw")
        XCTAssertEqual(data["unique_id"] as? String, "seed.skips.raw")
        XCTAssertEqual(data["is_inline"] as? Bool, false)
        XCTAssert((node["msg"] as? String)?.hasPrefix("Previewing node 'raw':\n| ") == true, "\(node)")
    }

    /// `compile -s m1` prints the SQL of each compiled node whose name is part of the first `--select` value, as
    /// dbt does: under its title (text), alone (`--quiet`), or as `CompiledNode` (JSON); and a JSON log starts
    /// with dbt's `MainReportVersion`. The project is the one `scripts/record-log-events.py` records with (its
    /// seed and two models).
    func testCompileOfSelectedNodesPrintsTheirSQLAsDBT() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftdbt-compile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "dbt_project.yml": "name: refp\nversion: '1.0'\nprofile: refp\n",
            "seeds/people.csv": "id,name\n1,a\n2,b\n3,\n",
            "models/m1.sql": "{{ config(materialized='table') }}\nselect * from {{ ref('people') }}\n",
            "models/m2.sql": "{{ config(materialized='view') }}\nselect * from {{ ref('m1') }}\n",
            "profiles.yml": "refp:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n"
                + "      schema: main\n      schemas_and_paths:\n        main: \(root)/main.db\n      schema_directory: \(root)\n",
        ]
        for (path, text) in files {
            let file = root + "/" + path
            try FileManager.default.createDirectory(atPath: PathText.deletingLastComponent(file), withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        // dbt-sqlite leaves the schema of a relation unquoted; swiftdbt quotes every identifier.
        func ours(_ text: String) -> String { text.replacing("main.\"people\"", with: "\"main\".\"people\"") }
        for (invocation, arguments) in [("compile_node_text", ["compile", "-s", "m1+"]), ("compile_node_quiet", ["compile", "--quiet", "-s", "m1"]),
                                        ("compile_inline_text", ["compile", "--inline", "select 2 as x"])] {
            let expected = try XCTUnwrap(try reference(invocation)["printed"] as? [String]).map(ours)
            let run = try runCLI(arguments + ["--profiles-dir", "."], in: root)
            XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .filter { $0.firstMatch(of: #/^\d\d:\d\d:\d\d  /#) == nil }.map(String.init)
            XCTAssertEqual(lines, expected, invocation)
        }
        let run = try runCLI(["compile", "-s", "m1", "--log-format", "json", "--profiles-dir", "."], in: root)
        XCTAssertEqual(run.code, 0, run.stdout + run.stderr)
        let events = try run.stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
        func shape(_ event: [String: Any]) -> NSDictionary {
            let info = event["info"] as? [String: Any] ?? [:]
            return ["name": info["name"] ?? "", "code": info["code"] ?? "", "level": info["level"] ?? "", "msg": info["msg"] ?? "",
                    "data": event["data"] ?? [:]]
        }
        let reference = try reference("compile_node_json")
        let first = try XCTUnwrap(events.first)
        XCTAssertEqual(shape(first), try XCTUnwrap(reference["first_event"] as? NSDictionary))
        XCTAssertEqual(Set(events.map { ($0["info"] as? [String: Any])?["invocation_id"] as? String ?? "" }).count, 1)
        let compiled = events.filter { ($0["info"] as? [String: Any])?["name"] as? String == "CompiledNode" }.map(shape)
        let dbt = try XCTUnwrap(reference["output_events"] as? [[String: Any]]).map { event -> NSDictionary in
            var event = event, data = event["data"] as? [String: Any] ?? [:]
            event["msg"] = ours(event["msg"] as? String ?? "")
            data["compiled"] = ours(data["compiled"] as? String ?? "")
            event["data"] = data
            return event as NSDictionary
        }
        XCTAssertEqual(compiled as NSArray, dbt as NSArray)
    }

    /// `ls` appends to `logs/dbt.log` as dbt's does: the invocation's header, then its lines in the debug format,
    /// the listed nodes among them; standard output has the nodes alone.
    func testListWritesTheLogFile() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        let list = try project.run("ls", "-s", "independent", "--output", "name")
        XCTAssertEqual(list.code, 0, list.all)
        XCTAssertEqual(list.stdout, "independent\n")
        let log = try String(contentsOfFile: project.root + "/logs/dbt.log", encoding: .utf8)
        let lines = log.split(separator: "\n")
        XCTAssertNotNil(lines.first?.firstMatch(of: #/^=+ \d\d:\d\d:\d\d\.\d{6} \| [0-9a-f-]{36} =+$/#), log)
        XCTAssert(lines.contains { $0.hasSuffix(" [info ] [MainThread]: independent") }, log)
        XCTAssertEqual(try debugShapes(lines.dropFirst().joined(separator: "\n")).subtracting(try dbtShapes()), [])
    }

    /// `retry` runs the last command (here `run`, not `build`) over what errored or was skipped, with its
    /// flags and vars (a `--vars` given now replaces them), and writes the same command into its args.
    func testRetryRunsTheLastCommandWithItsArgs() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        XCTAssertEqual(try project.run("seed").code, 0)
        XCTAssertEqual(try project.run("run", "--vars", "break_base: true", "--exclude", "independent").code, 1)
        let same = try project.run("retry")
        XCTAssertEqual(same.code, 1, "the last vars again: base fails again\n" + same.all)
        XCTAssertEqual(same.results.count, 3, same.all)
        let fixed = try project.run("retry", "--vars", "break_base: false")
        XCTAssertEqual(fixed.code, 0, fixed.all)
        XCTAssertEqual(fixed.results, [
            "1 of 3 OK created sql table model main.base .................................... [OK in Xs]",
            "2 of 3 OK created sql table model main.downstream .............................. [OK in Xs]",
            "3 of 3 OK created sql table model main.leaf .................................... [OK in Xs]",
        ], "models only (run), not the tests a build would add")
        let written = try args(project)
        XCTAssertEqual(written["which"] as? String, "run")
        XCTAssertEqual(written["exclude"] as? [String], ["independent"])
    }

    /// `retry` after `snapshot` (in dbt's retry too) snapshots again what errored, with the last vars and
    /// selection, which the snapshot's run_results.json args keep.
    func testRetryOfASnapshotKeepsItsVarsAndSelection() throws {
        let project = try ExecutionProject("skips")
        defer { try? FileManager.default.removeItem(atPath: PathText.deletingLastComponent(project.root)) }
        try FileManager.default.createDirectory(atPath: project.root + "/snapshots", withIntermediateDirectories: true)
        try project.write("""
            {% snapshot snap %}
            {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='main') }}
            select 1 as id{% if var('break_snap', false) %} from no_such_table{% endif %}
            {% endsnapshot %}
            """, to: "snapshots/snap.sql")
        XCTAssertEqual(try project.run("snapshot", "--select", "snap", "--vars", "break_snap: true").code, 1)
        XCTAssertEqual(try args(project)["select"] as? [String], ["snap"])
        let same = try project.run("retry")
        XCTAssertEqual(same.code, 1, "the last vars again: the snapshot fails again\n" + same.all)
        let fixed = try project.run("retry", "--vars", "break_snap: false")
        XCTAssertEqual(fixed.code, 0, fixed.all)
        XCTAssertEqual(fixed.results, [
            "1 of 1 OK snapshotted main.snap ................................................ [OK in Xs]",
        ])
        XCTAssertEqual(try args(project)["which"] as? String, "snapshot")
    }
}
