import Foundation

/// Runs independent work on every core, keeping results in input order.
enum ParallelMap {
    /// Each result is written once, in place, into the output array.
    /// Items are lent to `transform` from the array's storage, not copied (a copy of a large struct such as a
    /// node retains every field, from both cores at once).
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return items.withUnsafeBufferPointer { source in
            [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
                guard let base = buffer.baseAddress, let first = source.baseAddress else { return }
                let slots = ResultSlots(base: base)
                let elements = Elements(base: first)
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    slots.initialize(index, transform(elements.base[index]))
                }
                initialized = items.count
            }
        }
    }
}

/// The input array's storage, read by every thread while the array is alive and unchanged.
private struct Elements<T>: @unchecked Sendable {
    let base: UnsafePointer<T>
}

/// The output array's storage, each slot initialized by exactly one thread.
private struct ResultSlots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>

    func initialize(_ index: Int, _ value: R) { (base + index).initialize(to: value) }
}
