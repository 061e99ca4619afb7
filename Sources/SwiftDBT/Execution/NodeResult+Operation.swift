import Foundation

extension NodeResult {
    /// `run-operation`'s result as dbt writes it: the macro's unique ID, `success` with no failures or `error`
    /// with one, timed from `startedAt` (compiling until `compiledAt`, the macro's call after).
    public static func operation(_ macroID: String, failed: Bool, startedAt: Date, compiledAt: Date, completedAt: Date) -> NodeResult {
        NodeResult(uniqueID: macroID, status: failed ? .error : .success, message: "", failures: failed ? 1 : 0,
                   startedAt: startedAt, compiledAt: compiledAt, completedAt: completedAt)
    }
}
