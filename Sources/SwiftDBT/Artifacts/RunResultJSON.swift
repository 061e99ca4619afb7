import Foundation

/// One entry of `run_results.json`'s `results` written straight to JSON bytes, pretty as `JSONWriter` writes the
/// document (the entry at indent 4): `compile` of a large project writes one per node, with its SQL, and building a
/// `ConfigValue` tree for each was most of the file's cost. `ArtifactWritingTests` holds it to the tree's output.
///
/// As dbt writes them: seeds have no compiled code or relation name, tests no relation name, a skipped node no timing
/// and `compiled: false`; a passing test, a skipped node and a result without one (`compile`'s, `run-operation`'s) no
/// message. Exposures and saved queries compile nothing and have no relation.
enum RunResultJSON {
    /// Member layout: each on a line of its own at the entry's members' indent.
    private static let members = JSONMembers(first: "\n      \"", next: ",\n      \"", indent: 6)

    static func write(_ result: NodeResult, kind: ResourceType?, into out: inout ByteBuffer) {
        let compilesNothing = kind == .seed || kind.map(Manifest.noOpTypes.contains) == true
        let silent = result.status == .pass || result.status == .skipped || result.message.isEmpty
        out.append(UInt8(ascii: "{"))
        members.string("status", result.status.rawValue, first: true, &out)
        members.key("timing", &out)
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
        members.string("thread_id", result.threadName, &out)
        members.value("execution_time", .double(result.executionTime), &out)
        members.value("adapter_response", RunResultsWriter.adapterResponse(result), &out)
        members.optionalString("message", silent ? nil : result.message, &out)
        members.value("failures", result.failures.map { .int($0) } ?? .null, &out)
        members.string("unique_id", result.uniqueID, &out)
        members.key("compiled", &out)
        out.append(compilesNothing ? "null" : result.compiledCode != nil ? "true" : "false")
        members.optionalString("compiled_code", compilesNothing ? nil : result.compiledCode, &out)
        members.optionalString("relation_name", compilesNothing || kind == .test ? nil : result.relationName, &out)
        members.value("batch_results", result.batchResults.map(RunResultsWriter.batchResults) ?? .null, &out)
        out.append("\n    }")
    }
}
