import Foundation

/// Writes `target/run_results.json` in dbt's shape.
public enum RunResultsWriter {
    public static func write(_ results: [NodeResult], loaded: LoadedProject, elapsed: TimeInterval, args: InvocationArgs) throws {
        let pieces = Pieces(results: results, loaded: loaded, elapsed: elapsed, args: args, generatedAt: Date())
        try TargetPaths.write(pieces: pieces.count, to: TargetPaths(loaded.session.project).file("run_results.json")) { pieces.piece($0) }
    }

    /// The document as UTF-8 pieces in order (what `write` writes).
    static func pieces(_ results: [NodeResult], loaded: LoadedProject, elapsed: TimeInterval, args: InvocationArgs,
                       generatedAt: Date) -> [[UInt8]] {
        let pieces = Pieces(results: results, loaded: loaded, elapsed: elapsed, args: args, generatedAt: generatedAt)
        return ParallelMap.map(Array(0..<pieces.count)) { pieces.piece($0) }
    }

    /// The document in pieces, indented by 2 as `JSONWriter`'s pretty JSON: the metadata, the results 256 to a piece
    /// (made and serialized on every core: `compile` of a large project has one, with its SQL, per node), the rest.
    private struct Pieces: Sendable {
        let results: [NodeResult]
        let loaded: LoadedProject
        let elapsed: TimeInterval
        let args: InvocationArgs
        let generatedAt: Date

        var count: Int { (results.count + 255) / 256 + 2 }

        func piece(_ index: Int) -> [UInt8] {
            var bytes = ByteBuffer(capacity: 1 << 16)
            if index == 0 {
                bytes.append("{\n  \"metadata\": ")
                JSONWriter.write(metadata(loaded, generatedAt: generatedAt), into: &bytes, indent: 2, sortKeys: false)
                bytes.append(",\n  \"results\": [")
            } else if index == count - 1 {
                bytes.append(results.isEmpty ? "]" : "\n  ]")
                bytes.append(",\n  \"elapsed_time\": ")
                JSONWriter.write(.double(elapsed), into: &bytes, indent: 2, sortKeys: false)
                bytes.append(",\n  \"args\": ")
                JSONWriter.write(args.document, into: &bytes, indent: 2, sortKeys: false)
                bytes.append("\n}")
            } else {
                let start = (index - 1) * 256
                // Read once a piece, not once a result: each read retains what the whole run shares.
                let manifest = loaded.manifest
                for position in start..<min(results.count, start + 256) {
                    bytes.append(position == 0 ? "\n    " : ",\n    ")
                    RunResultJSON.write(results[position], kind: manifest.runResourceType(results[position].uniqueID), into: &bytes)
                }
            }
            return bytes.array
        }
    }

    /// The `metadata` mapping: schema, version, when it was written and the invocation.
    static func metadata(_ loaded: LoadedProject, generatedAt: Date) -> ConfigValue {
        .dict(ArtifactMetadata.entries(schema: "run-results/v6", session: loaded.session, generatedAt: generatedAt))
    }

    /// dbt's `compile` and `execute` phases (`name`, `started_at`, `completed_at`); a node that failed to compile
    /// has only the first, a skipped one none.
    static func timing(_ result: NodeResult) -> ConfigValue {
        timing(phases(result))
    }

    /// Timed phases (`name`, start, end) as the `timing` lists of dbt's artifacts write them.
    static func timing(_ phases: [(String, Date, Date)]) -> ConfigValue {
        .list(phases.map { name, started, completed in
            .dict([("name", .string(name)), ("started_at", .string(ArtifactTime.string(started))),
                   ("completed_at", .string(ArtifactTime.string(completed)))])
        })
    }

    static func phases(_ result: NodeResult) -> [(String, Date, Date)] {
        guard result.status != .skipped else { return [] }
        guard let compiled = result.compiledAt else { return [("compile", result.startedAt, result.completedAt)] }
        return [("compile", result.startedAt, compiled), ("execute", compiled, result.completedAt)]
    }

    /// What the adapter said of the node's statement, in dbt's shape (`_message`, `code` where the database
    /// gives one, `rows_affected` where something counted rows); empty where swiftdbt does not know it (errors, hooks).
    static func adapterResponse(_ result: NodeResult) -> ConfigValue {
        guard let response = result.response, !result.isFailure || result.status == .fail else { return .dict([]) }
        return response.adapterResponse
    }

    /// A microbatch model's `batch_results`: `successful` and `failed` lists of `[start, end]` (`2024-01-02T00:00:00+00:00`).
    static func batchResults(_ batches: BatchResults) -> ConfigValue {
        let windows = { (intervals: [DateInterval]) in
            ConfigValue.list(intervals.map { .list([.string(batchTime($0.start)), .string(batchTime($0.end))]) })
        }
        return .dict([("successful", windows(batches.successful)), ("failed", windows(batches.failed))])
    }

    private static func batchTime(_ date: Date) -> String {
        MicrobatchWindow.text(date).replacingOccurrences(of: " ", with: "T")
    }
}
