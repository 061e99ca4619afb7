import Foundation

/// MD5 digests (RFC 1321), for dbt's `local_md5()` and for test node names; not for security.
public enum MD5 {
    private static let shifts: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                           5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                                           4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                           6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
    private static let constants: [UInt32] = (0..<64).map { i in
        UInt32(truncatingIfNeeded: Int64((abs(sin(Double(i + 1))) * 4_294_967_296).rounded(.down)))
    }
    /// The message word each of the 64 steps adds.
    private static let wordIndices: [Int] = (0..<64).map { i in
        switch i {
        case 0..<16: return i
        case 16..<32: return (5 * i + 1) % 16
        case 32..<48: return (3 * i + 5) % 16
        default: return (7 * i) % 16
        }
    }

    /// The digest of `text`'s UTF-8 bytes as 32 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8(hex(bytes:))
    }

    /// The digest of `bytes` as 32 lowercase hex digits.
    static func hex(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // The message, padded to a multiple of 64 bytes: 0x80, zeros, then the bit length.
        let length = (bytes.count + 8) / 64 * 64 + 64
        var message = [UInt8](repeating: 0, count: length)
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
        message.withUnsafeMutableBufferPointer { padded in
            for (index, byte) in bytes.enumerated() { padded[index] = byte }
            padded[bytes.count] = 0x80
            let bitLength = UInt64(bytes.count) * 8
            for i in 0..<8 { padded[length - 8 + i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i))) }
            shifts.withUnsafeBufferPointer { shifts in
                constants.withUnsafeBufferPointer { constants in
                    wordIndices.withUnsafeBufferPointer { wordIndices in
                        for chunk in stride(from: 0, to: length, by: 64) {
                            state = compress(UnsafeBufferPointer(rebasing: padded[chunk..<chunk + 64]), state,
                                             shifts: shifts, constants: constants, wordIndices: wordIndices)
                        }
                    }
                }
            }
        }
        return hexDigits(state)
    }

    /// One 64-byte block folded into the state.
    private static func compress(_ block: UnsafeBufferPointer<UInt8>, _ state: (UInt32, UInt32, UInt32, UInt32),
                                 shifts: UnsafeBufferPointer<UInt32>, constants: UnsafeBufferPointer<UInt32>,
                                 wordIndices: UnsafeBufferPointer<Int>) -> (UInt32, UInt32, UInt32, UInt32) {
        var words = (UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
                     UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0))
        return withUnsafeMutableBytes(of: &words) { raw in
            let words = raw.bindMemory(to: UInt32.self)
            for i in 0..<16 {
                let base = i * 4
                words[i] = UInt32(block[base]) | UInt32(block[base + 1]) << 8
                    | UInt32(block[base + 2]) << 16 | UInt32(block[base + 3]) << 24
            }
            var (a, b, c, d) = state
            for i in 0..<64 {
                var f: UInt32
                switch i >> 4 {
                case 0: f = (b & c) | (~b & d)
                case 1: f = (d & b) | (~d & c)
                case 2: f = b ^ c ^ d
                default: f = c ^ (b | ~d)
                }
                f = f &+ a &+ constants[i] &+ words[wordIndices[i]]
                a = d
                d = c
                c = b
                b = b &+ (f << shifts[i] | f >> (32 - shifts[i]))
            }
            return (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
        }
    }

    /// The state's bytes, little-endian word by word, as lowercase hex.
    private static func hexDigits(_ state: (UInt32, UInt32, UInt32, UInt32)) -> String {
        String(unsafeUninitializedCapacity: 32) { out in
            let digits: StaticString = "0123456789abcdef"
            var position = 0
            for word in [state.0, state.1, state.2, state.3] {
                for byte in 0..<4 {
                    let value = Int((word >> (8 * UInt32(byte))) & 0xFF)
                    out[position] = digits.utf8Start[value >> 4]
                    out[position + 1] = digits.utf8Start[value & 0xF]
                    position += 2
                }
            }
            return 32
        }
    }
}
