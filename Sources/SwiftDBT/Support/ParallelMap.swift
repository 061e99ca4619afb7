import Foundation

/// Runs independent work on every core, keeping results in input order.
enum ParallelMap {
    /// Each result is written once, in place, into the output array.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = ResultSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots.initialize(index, transform(items[index]))
            }
            initialized = items.count
        }
    }
}

/// The output array's storage, each slot initialized by exactly one thread.
private struct ResultSlots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>

    func initialize(_ index: Int, _ value: R) { (base + index).initialize(to: value) }
}
