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

    /// The digest of `text`'s UTF-8 bytes as 32 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8(hex(bytes:))
    }

    /// The digest of `bytes` as 32 lowercase hex digits.
    static func hex(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // The message, padded to a multiple of 64 bytes: 0x80, zeros, then the bit length; on the stack when it is small.
        let length = (bytes.count + 8) / 64 * 64 + 64
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
        withUnsafeTemporaryAllocation(byteCount: length, alignment: 8) { padded in
            padded.initializeMemory(as: UInt8.self, repeating: 0)
            UnsafeMutableRawBufferPointer(rebasing: padded[0..<bytes.count]).copyMemory(from: UnsafeRawBufferPointer(bytes))
            padded[bytes.count] = 0x80
            let bitLength = UInt64(bytes.count) &* 8
            for i in 0..<8 { padded[length - 8 + i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i))) }
            shifts.withUnsafeBufferPointer { shifts in
                constants.withUnsafeBufferPointer { constants in
                    for chunk in stride(from: 0, to: length, by: 64) {
                        state = compress(UnsafeRawBufferPointer(rebasing: padded[chunk..<chunk + 64]), state,
                                         shifts: shifts, constants: constants)
                    }
                }
            }
        }
        return hexDigits(state)
    }

    /// One 64-byte block folded into the state: four rounds of 16 steps, each with its own function and
    /// order of message words.
    private static func compress(_ block: UnsafeRawBufferPointer, _ state: (UInt32, UInt32, UInt32, UInt32),
                                 shifts: UnsafeBufferPointer<UInt32>, constants: UnsafeBufferPointer<UInt32>) -> (UInt32, UInt32, UInt32, UInt32) {
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
            func step(_ f: UInt32, _ i: Int, _ word: Int) {
                let sum = f &+ a &+ constants[i] &+ words[word]
                a = d
                d = c
                c = b
                b = b &+ (sum &<< shifts[i] | sum &>> (32 &- shifts[i]))
            }
            for i in 0..<16 { step((b & c) | (~b & d), i, i) }
            for i in 16..<32 { step((d & b) | (~d & c), i, (5 * i + 1) & 15) }
            for i in 32..<48 { step(b ^ c ^ d, i, (3 * i + 5) & 15) }
            for i in 48..<64 { step(c ^ (b | ~d), i, (7 * i) & 15) }
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
