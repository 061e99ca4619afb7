import Foundation

/// A randomized fuzz run: a seed and a time budget, short in the normal test run and as long as
/// `SWIFTDBT_FUZZ_SECONDS` asks when fuzzing on purpose (`SWIFTDBT_FUZZ_SEED` picks another
/// sequence). With `SWIFTDBT_FUZZ_LAST` set, each input is written to that file before it runs,
/// so the input that crashed the process can be read back.
public struct FuzzRun {
    public let seed: UInt64
    public let seconds: Double
    private let lastInputPath: String?
    private let started = Date()
    /// Inputs run so far.
    public private(set) var inputs = 0
    /// The slowest input so far and its time in seconds.
    public private(set) var slowest: (seconds: Double, input: String) = (0, "")

    public init(defaultSeconds: Double, defaultSeed: UInt64) {
        let environment = ProcessInfo.processInfo.environment
        seconds = environment["SWIFTDBT_FUZZ_SECONDS"].flatMap(Double.init) ?? defaultSeconds
        seed = environment["SWIFTDBT_FUZZ_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        lastInputPath = environment["SWIFTDBT_FUZZ_LAST"]
    }

    /// Whether the time budget has time left.
    public var hasTimeLeft: Bool { Date().timeIntervalSince(started) < seconds }

    /// Runs `body` for `input`, timing it.
    public mutating func run(_ input: String, _ body: () throws -> Void) rethrows {
        if let lastInputPath { try? input.write(toFile: lastInputPath, atomically: false, encoding: .utf8) }
        let start = Date()
        try body()
        let elapsed = Date().timeIntervalSince(start)
        inputs += 1
        if elapsed > slowest.seconds { slowest = (elapsed, input) }
    }

    /// The most memory this process has held at once, in bytes.
    public static var peakMemory: Int {
        var usage = rusage()
        getrusage(FuzzRun.ownProcess, &usage)
        #if canImport(Darwin)
        return usage.ru_maxrss
        #else
        return usage.ru_maxrss * 1024
        #endif
    }

    #if canImport(Darwin)
    private static let ownProcess = RUSAGE_SELF
    #else
    private static let ownProcess = __rusage_who_t(RUSAGE_SELF.rawValue)
    #endif

    /// A summary line: seed, inputs, slowest input time, peak memory.
    public var summary: String {
        "seed \(seed): \(inputs) inputs in \(Int(seconds)) s, slowest \(String(format: "%.2f", slowest.seconds)) s, "
            + "peak memory \(FuzzRun.peakMemory >> 20) MB"
    }
}
