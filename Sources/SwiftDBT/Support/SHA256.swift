/// SHA-256 digests (FIPS 180-4), for the checksums dbt records of each file in `manifest.json`.
public enum SHA256 {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private static let initialState: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                                                 0x5be0cd19]

    /// The digest of `text`'s UTF-8 bytes as 64 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex($0) }
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // One scratch buffer for the whole message: 8 state words, the 64-word schedule, and two blocks for the padded tail
        // (no allocation per block, no bounds-checked arrays in the rounds).
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8 + 64 + 32) { scratch in
            let state = UnsafeMutableBufferPointer(rebasing: scratch[0..<8])
            let words = UnsafeMutableBufferPointer(rebasing: scratch[8..<72])
            let tail = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: scratch[72..<104]))
            for index in 0..<8 { state[index] = initialState[index] }
            return roundConstants.withUnsafeBufferPointer { constants in
                let whole = bytes.count / 64 * 64
                for chunk in stride(from: 0, to: whole, by: 64) {
                    compress(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[chunk..<chunk + 64])), state, words, constants)
                }
                // The last bytes, padded: 0x80, zeros, then the message length in bits (big-endian).
                let rest = bytes.count - whole
                let tailLength = rest < 56 ? 64 : 128
                tail.initializeMemory(as: UInt8.self, repeating: 0)
                for index in 0..<rest { tail[index] = bytes[whole + index] }
                tail[rest] = 0x80
                let bitLength = UInt64(bytes.count) &* 8
                for index in 0..<8 { tail[tailLength - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * index)) }
                for chunk in stride(from: 0, to: tailLength, by: 64) {
                    compress(UnsafeRawBufferPointer(rebasing: tail[chunk..<chunk + 64]), state, words, constants)
                }
                return digits(state)
            }
        }
    }

    /// One 64-byte block folded into `state`; `words` is the message schedule's room.
    private static func compress(_ block: UnsafeRawBufferPointer, _ state: UnsafeMutableBufferPointer<UInt32>,
                                 _ words: UnsafeMutableBufferPointer<UInt32>, _ constants: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 {
            words[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(words[i - 15], 7) ^ rotate(words[i - 15], 18) ^ (words[i - 15] &>> 3)
            let s1 = rotate(words[i - 2], 17) ^ rotate(words[i - 2], 19) ^ (words[i - 2] &>> 10)
            words[i] = words[i - 16] &+ s0 &+ words[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for i in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ s1 &+ choice &+ constants[i] &+ words[i]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = s0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    /// The state words, big-endian, as lowercase hex.
    private static func digits(_ state: UnsafeMutableBufferPointer<UInt32>) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            let digits: StaticString = "0123456789abcdef"
            for (index, word) in state.enumerated() {
                for nibble in 0..<8 {
                    out[8 * index + nibble] = digits.utf8Start[Int((word >> UInt32(28 - 4 * nibble)) & 0xf)]
                }
            }
            return 64
        }
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value &>> count) | (value &<< (32 &- count)) }
}
