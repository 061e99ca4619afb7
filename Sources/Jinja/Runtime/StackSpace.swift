#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The stack of the thread the engine runs on, so that deep recursion on hostile input stops
/// with a `TemplateError` instead of overflowing the stack.
///
/// Templates render on threads with very different stacks: 8 MB on the main thread, 512 KB on
/// Dispatch's worker threads on Linux (and a debug build needs several KB per nested expression).
/// Fixed depth limits alone cannot be right for both, so every recursive path also asks here
/// whether `reserve` bytes are still free below it.
struct StackSpace {
    /// Bytes that must stay free below a recursive step: room for the deepest non-recursive work
    /// (a filter, a host function, a printed value) under it.
    static let reserve: UInt = 160 << 10

    /// The lowest usable address of this thread's stack (it grows downwards); nil when unknown.
    private let floor: UInt?

    /// The stack of the calling thread; keep it only on that thread.
    init() {
        floor = StackSpace.threadFloor()
    }

    /// Whether less than `reserve` bytes are left below the caller (false when the system's
    /// answer cannot be right: the caller below the floor).
    var isLow: Bool {
        guard let floor else { return false }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > floor && here - floor < StackSpace.reserve
    }

    /// The check for code that keeps no `StackSpace` at hand.
    static var isLow: Bool { StackSpace().isLow }

    /// Where each thread's floor is kept once looked up (the lookup reads `/proc` on the main thread).
    private static let floorKey: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, nil) == 0 ? key : nil
    }()

    private static func threadFloor() -> UInt? {
        guard let floorKey else { return lowestAddress() }
        if let stored = pthread_getspecific(floorKey) { return UInt(bitPattern: stored) }
        guard let floor = lowestAddress() else { return nil }
        pthread_setspecific(floorKey, UnsafeRawPointer(bitPattern: floor))
        return floor
    }

    #if os(Linux)
    /// glibc's `pthread_getattr_np`, which Swift's Glibc module hides (it needs `_GNU_SOURCE`).
    private static let getAttributes: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32)? = {
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32).self)
    }()
    #endif

    private static func lowestAddress() -> UInt? {
        #if os(Linux)
        var attributes = pthread_attr_t()
        guard let getAttributes = StackSpace.getAttributes, getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        var guardSize = 0
        pthread_attr_getguardsize(&attributes, &guardSize)
        return UInt(bitPattern: address) &+ UInt(guardSize)
        #elseif canImport(Darwin)
        let thread = pthread_self()
        return UInt(bitPattern: pthread_get_stackaddr_np(thread)) &- UInt(pthread_get_stacksize_np(thread))
        #else
        return nil
        #endif
    }
}
