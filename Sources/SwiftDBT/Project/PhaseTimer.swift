import Foundation

/// Phase timings (wall and process CPU) on standard error when `SWIFTDBT_TIMINGS` is set, for benchmarks.
enum PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["SWIFTDBT_TIMINGS"] != nil
    nonisolated(unsafe) static var last: (wall: Double, cpu: Double) = now()

    private static func now() -> (wall: Double, cpu: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
        return (Double(DispatchTime.now().uptimeNanoseconds) / 1e6, cpu)
    }

    /// Prints the time since the previous mark, labelled `label`.
    static func mark(_ label: String) {
        guard enabled else { return }
        let previous = last
        let current = now()
        let line = String(format: "[timing] %@: %.1f ms wall, %.1f ms cpu\n", label, current.wall - previous.wall, current.cpu - previous.cpu)
        FileHandle.standardError.write(Data(line.utf8))
        last = current
    }
}
