import Foundation

extension NodeResult {
    /// An exposure's or saved query's result in `build`, as dbt 1.10 writes it: `no-op`, message `NO-OP`, no
    /// failures, an empty adapter response, and a compile and an execute phase that take no time.
    static func noOp(_ uniqueID: String) -> NodeResult {
        let now = Date()
        return NodeResult(uniqueID: uniqueID, status: .noOp, message: "NO-OP", failures: 0, startedAt: now, compiledAt: now,
                          completedAt: now)
    }
}
