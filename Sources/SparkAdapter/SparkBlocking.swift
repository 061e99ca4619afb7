import Foundation
import Synchronization

/// Runs async work from synchronous code: the calling thread waits while the work runs in a task.
///
/// `DatabaseConnection` is synchronous and its callers are plain threads (the CLI's main thread, the
/// runner's worker threads), never tasks of the cooperative pool, so waiting here starves no task.
enum SparkBlocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.set(.success(try await body()))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    /// The result a task hands back to the waiting thread.
    private final class Outcome<T: Sendable>: Sendable {
        private let value = Mutex<Result<T, any Error>?>(nil)

        func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }

        func get() throws -> T {
            guard let result = value.withLock({ $0 }) else { throw CancellationError() }
            return try result.get()
        }
    }
}
