/// Thrown by a host function to end the current macro with `value` as its result
/// (dbt's `{{ return(...) }}`, which hands back lists, dicts and objects, not text).
///
/// It is caught by the nearest macro call on the same thread and never crosses threads.
public struct ReturnSignal: Error, @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
