/// A set of node indices of one `ProjectGraph`, stored as a bit vector: set operations cost one pass over words.
public struct NodeSet: Sendable, Equatable, Sequence {
    /// How many indices the set can hold: the node count of its graph.
    public let capacity: Int
    private var words: [UInt64]

    /// An empty set for a graph of `capacity` nodes.
    public init(capacity: Int) {
        self.capacity = capacity
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    /// The set of the given indices (each below `capacity`).
    public init(capacity: Int, _ indices: some Sequence<Int>) {
        self.init(capacity: capacity)
        for index in indices { insert(index) }
    }

    public func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds `index`; returns whether it was absent.
    @discardableResult
    public mutating func insert(_ index: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(index & 63)
        let absent = words[index >> 6] & bit == 0
        words[index >> 6] |= bit
        return absent
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public mutating func formUnion(_ other: NodeSet) {
        for i in words.indices { words[i] |= other.words[i] }
    }

    public mutating func formIntersection(_ other: NodeSet) {
        for i in words.indices { words[i] &= other.words[i] }
    }

    public mutating func subtract(_ other: NodeSet) {
        for i in words.indices { words[i] &= ~other.words[i] }
    }

    public func union(_ other: NodeSet) -> NodeSet {
        var result = self
        result.formUnion(other)
        return result
    }

    public func intersection(_ other: NodeSet) -> NodeSet {
        var result = self
        result.formIntersection(other)
        return result
    }

    public func subtracting(_ other: NodeSet) -> NodeSet {
        var result = self
        result.subtract(other)
        return result
    }

    /// The indices in ascending order (which is unique-ID order in a `ProjectGraph`).
    public func makeIterator() -> Iterator {
        Iterator(words: words)
    }

    /// Walks the set bits word by word.
    public struct Iterator: IteratorProtocol {
        private let words: [UInt64]
        private var wordIndex = 0
        private var current: UInt64

        fileprivate init(words: [UInt64]) {
            self.words = words
            current = words.first ?? 0
        }

        public mutating func next() -> Int? {
            while current == 0 {
                wordIndex += 1
                guard wordIndex < words.count else { return nil }
                current = words[wordIndex]
            }
            let bit = current.trailingZeroBitCount
            current &= current - 1
            return wordIndex * 64 + bit
        }
    }
}
