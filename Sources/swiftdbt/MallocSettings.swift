#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator settings for a process that builds a whole project in memory, writes it out and exits.
enum MallocSettings {
    /// Keeps the memory the process frees for its next allocations instead of handing it back to the kernel (blocks
    /// up to 32 MB come from the heap, which is trimmed only past 1 GB free) and grows the heap 256 MB at a time: a
    /// later phase reuses what an earlier one freed instead of faulting fresh pages in. Measured with the same values
    /// as `GLIBC_TUNABLES` on 10,000 generated models, paired at load 20–40 (BENCHMARKS.md, fifth pass): CPU median
    /// `parse` 1.64 → 1.48 s, `compile` 2.97 → 2.81 s, page faults of `compile` 108k → 90k. glibc's transparent huge
    /// pages for the heap (`glibc.malloc.hugetlb=1`) cut the faults further but cost CPU (`parse` 1.60 → 1.78 s).
    static func apply() {
        #if canImport(Glibc)
        // The Glibc module does not export <malloc.h>: `mallopt` is looked up, with that header's parameter numbers.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(topPad, 256 << 20)
        #endif
    }
}
