import Foundation

/// A value made on a thread of its own, started at once, for the caller to take when it needs it (the manifest's
/// sections after its nodes, made while the nodes are written).
///
/// `@unchecked Sendable`: `result` is written once, by the thread, before `done` is signalled, and read only after
/// waiting for that signal.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        let thread = Thread { [self] in
            result = make()
            done.signal()
        }
        thread.stackSize = ThreadPool.stackSize
        thread.start()
    }

    /// The value, once made (waits for it).
    var value: Value {
        done.wait()
        defer { done.signal() }
        // The thread sets `result` before it signals; making it here instead keeps a broken hand-off from crashing.
        return result ?? make()
    }
}
