import Foundation

/// Runs `count` copies of a job on their own threads (with stacks large enough for deep
/// template recursion) and waits for all of them.
enum ThreadPool {
    static let stackSize = 16 << 20

    static func run(_ count: Int, _ job: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                job(index)
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
    }
}
