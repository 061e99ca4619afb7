import Foundation

/// Runs independent work on every core, keeping results in input order.
enum ParallelMap {
    /// Items are taken in runs of `batch` (fewer hand-offs between threads for small jobs); each
    /// result is written once, in place, into the output array.
    static func map<T: Sendable, R: Sendable>(_ items: [T], batch: Int = 1, _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let batch = max(1, batch)
        let batches = (items.count + batch - 1) / batch
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = ResultSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: batches) { batchIndex in
                for index in batchIndex * batch..<min(items.count, (batchIndex + 1) * batch) {
                    slots.initialize(index, transform(items[index]))
                }
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
