import Crypto

/// Hex digests of text, as Python's `hashlib` gives them (`hexdigest()`), computed by swift-crypto: MD5 for dbt's
/// `local_md5()` and test node names, SHA-1 for `package-lock.yml`'s `sha1_hash`, SHA-256 for the file checksums
/// in `manifest.json`. None of them is used for security.
public enum HexDigest {
    /// MD5 of `text`'s UTF-8 bytes, 32 lowercase hex digits.
    public static func md5(_ text: String) -> String { hex(of: text, Insecure.MD5.self) }

    /// MD5 of `bytes`, 32 lowercase hex digits.
    static func md5(_ bytes: [UInt8]) -> String { hex(Insecure.MD5.hash(data: bytes)) }

    /// SHA-1 of `text`'s UTF-8 bytes, 40 lowercase hex digits.
    public static func sha1(_ text: String) -> String { hex(of: text, Insecure.SHA1.self) }

    /// SHA-256 of `text`'s UTF-8 bytes, 64 lowercase hex digits.
    public static func sha256(_ text: String) -> String { hex(of: text, SHA256.self) }

    /// The digest of `text`'s UTF-8 bytes, hashed where they are.
    private static func hex<Function: HashFunction>(of text: String, _: Function.Type) -> String {
        var text = text
        return text.withUTF8 { hex(Function.hash(data: UnsafeRawBufferPointer($0))) }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: some Digest) -> String {
        digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { out in
                for (index, byte) in bytes.enumerated() {
                    out[2 * index] = digits[Int(byte >> 4)]
                    out[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return bytes.count * 2
            }
        }
    }
}
