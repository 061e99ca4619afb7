/// `attribution-data --users 2000 --seed 42 --out seeds/`.
struct Options {
    var users = 2000
    var seed: UInt64 = 42
    var out = "seeds"

    /// Reads the command line; nil (after printing why) when it is unusable.
    init?(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else {
                print("attribution-data: \(flag) needs a value")
                return nil
            }
            switch flag {
            case "--users":
                guard let n = Int(value), n > 0 else { print("attribution-data: --users takes a positive number"); return nil }
                users = n
            case "--seed":
                guard let n = UInt64(value) else { print("attribution-data: --seed takes a number"); return nil }
                seed = n
            case "--out":
                out = value
            default:
                print("usage: attribution-data [--users N] [--seed S] [--out DIR]")
                return nil
            }
        }
    }
}

/// A small deterministic random generator (SplitMix64): the same seed writes the same files.
struct Random {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
