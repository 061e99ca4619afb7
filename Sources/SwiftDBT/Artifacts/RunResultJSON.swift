import Foundation

/// One entry of `run_results.json`'s `results` written straight to JSON bytes, pretty as `JSONWriter` writes the
/// document (the entry at indent 4): `compile` of a large project writes one per node, with its SQL, and building a
/// `ConfigValue` tree for each was most of the file's cost. `ArtifactWritingTests` holds it to the tree's output.
///
/// As dbt writes them: seeds have no compiled code or relation name, tests no relation name, a skipped node no timing
/// and `compiled: false`; a passing test, a skipped node and a result without one (`compile`'s, `run-operation`'s) no
/// message. Exposures and saved queries compile nothing and have no relation.
enum RunResultJSON {
    static func write(_ result: NodeResult, kind: ResourceType?, into out: inout ByteBuffer) {
        let compilesNothing = kind == .seed || kind.map(Manifest.noOpTypes.contains) == true
        let silent = result.status == .pass || result.status == .skipped || result.message.isEmpty
        out.append(UInt8(ascii: "{"))
        string("status", result.status.rawValue, first: true, &out)
        key("timing", &out)
        let phases = RunResultsWriter.phases(result)
        if phases.isEmpty {
            out.append("[]")
        } else {
            out.append(UInt8(ascii: "["))
            for (position, (name, started, completed)) in phases.enumerated() {
                out.append(position == 0 ? "\n        {" : ",\n        {")
                out.append("\n          \"name\": ")
                JSONWriter.writeString(name, into: &out)
                out.append(",\n          \"started_at\": ")
                JSONWriter.writeString(ArtifactTime.string(started), into: &out)
                out.append(",\n          \"completed_at\": ")
                JSONWriter.writeString(ArtifactTime.string(completed), into: &out)
                out.append("\n        }")
            }
            out.append("\n      ]")
        }
        string("thread_id", result.threadName, &out)
        value("execution_time", .double(result.executionTime), &out)
        value("adapter_response", RunResultsWriter.adapterResponse(result), &out)
        optionalString("message", silent ? nil : result.message, &out)
        value("failures", result.failures.map { .int($0) } ?? .null, &out)
        string("unique_id", result.uniqueID, &out)
        key("compiled", &out)
        out.append(compilesNothing ? "null" : result.compiledCode != nil ? "true" : "false")
        optionalString("compiled_code", compilesNothing ? nil : result.compiledCode, &out)
        optionalString("relation_name", compilesNothing || kind == .test ? nil : result.relationName, &out)
        value("batch_results", result.batchResults.map(RunResultsWriter.batchResults) ?? .null, &out)
        out.append("\n    }")
    }

    /// `"name": ` on a line of its own at the entry's members' indent, after `,` unless it is the first.
    private static func key(_ name: StaticString, first: Bool = false, _ out: inout ByteBuffer) {
        out.append(first ? "\n      \"" : ",\n      \"")
        out.append(name)
        out.append("\": ")
    }

    private static func string(_ name: StaticString, _ value: String, first: Bool = false, _ out: inout ByteBuffer) {
        key(name, first: first, &out)
        JSONWriter.writeString(value, into: &out)
    }

    private static func optionalString(_ name: StaticString, _ value: String?, _ out: inout ByteBuffer) {
        key(name, &out)
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append("null") }
    }

    private static func value(_ name: StaticString, _ value: ConfigValue, _ out: inout ByteBuffer) {
        key(name, &out)
        JSONWriter.write(value, into: &out, indent: 6, sortKeys: false)
    }
}
