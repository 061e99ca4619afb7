import Foundation

/// Runs a producer on a thread of its own while the calling thread consumes what it hands over, through a
/// queue of at most `capacity` elements: the producer waits when the queue is full, so memory stays bounded
/// however much it produces.
///
/// A failure on either side stops both: a producer error reaches the consumer when it has taken what came
/// before it, and a consumer error makes the producer's next hand-over throw. `run` returns only once the
/// producer thread has ended, so nothing it reads outlives the call.
///
/// `@unchecked Sendable`: the queue, the flags and the error are only read or written while `condition` is
/// locked, so the two threads never touch them at the same time.
final class BoundedHandoff<Element: Sendable>: @unchecked Sendable {
    /// What the producer's hand-over throws once the consumer has stopped.
    private struct Stopped: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var queue: [Element] = []
    private var produced = false
    private var failure: (any Error)?
    private var stopped = false

    private init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Calls `produce` on a new thread with a hand-over function, and `consume` here with each element it
    /// hands over, in order; rethrows the first failure of either.
    static func run(capacity: Int,
                    produce: @escaping @Sendable (_ handOver: (Element) throws -> Void) throws -> Void,
                    consume: (Element) throws -> Void) throws {
        let handoff = BoundedHandoff(capacity: capacity)
        let ended = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                try produce(handoff.put)
                handoff.end(nil)
            } catch {
                handoff.end(error)
            }
            ended.signal()
        }
        thread.start()
        do {
            while let element = try handoff.take() { try consume(element) }
        } catch {
            handoff.stop()
            ended.wait()
            throw error
        }
        ended.wait()
    }

    private func put(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { throw Stopped() }
        queue.append(element)
        condition.broadcast()
    }

    private func end(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        produced = true
        if !stopped { failure = error }
        condition.broadcast()
    }

    /// The next element, waiting for the producer; nil after the last; the producer's error after what came before it.
    private func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !produced { condition.wait() }
        guard queue.isEmpty else {
            condition.broadcast()
            return queue.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    private func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        queue.removeAll()
        condition.broadcast()
    }
}
