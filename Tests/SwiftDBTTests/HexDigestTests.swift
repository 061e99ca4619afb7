import XCTest
@testable import SwiftDBT

/// The hex digests swift-crypto gives us, in Python's `hashlib` format: MD5 against RFC 1321's test suite, SHA-256
/// against FIPS 180-2's examples, both at lengths either side of each padding boundary (one and two padded blocks;
/// those values are Python's `hashlib.md5/sha256(text.encode()).hexdigest()`). SHA-1 is in PackageLockTests.
final class HexDigestTests: XCTestCase {
    func testMD5RFC1321Suite() {
        XCTAssertEqual(HexDigest.md5(""), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(HexDigest.md5("a"), "0cc175b9c0f1b6a831c399e269772661")
        XCTAssertEqual(HexDigest.md5("abc"), "900150983cd24fb0d6963f7d28e17f72")
        XCTAssertEqual(HexDigest.md5("message digest"), "f96b697d7cb7938d525a2f31aaf161d0")
        XCTAssertEqual(HexDigest.md5("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b")
        XCTAssertEqual(HexDigest.md5("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
                       "d174ab98d277d9f5a5611c2c9f419d9f")
        XCTAssertEqual(HexDigest.md5(String(repeating: "1234567890", count: 8)), "57edf4a22be3c955ac49da2e2107b67a")
    }

    func testMD5PaddingBoundaries() {
        XCTAssertEqual(HexDigest.md5(String(repeating: "a", count: 55)), "ef1772b6dff9a122358552954ad0df65")
        XCTAssertEqual(HexDigest.md5(String(repeating: "a", count: 56)), "3b0c8ac703f828b04c6c197006d17218")
        XCTAssertEqual(HexDigest.md5(String(repeating: "a", count: 63)), "b06521f39153d618550606be297466d5")
        XCTAssertEqual(HexDigest.md5(String(repeating: "a", count: 64)), "014842d480b571495a4a0363793f7367")
        XCTAssertEqual(HexDigest.md5(String(repeating: "é", count: 40)), "639258863c18c505cc2183a5e4b63394")
    }

    func testSHA256FIPSExamples() {
        XCTAssertEqual(HexDigest.sha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(HexDigest.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(HexDigest.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256PaddingBoundaries() {
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 56)), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 63)), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 64)), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 119)), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "a", count: 120)), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "é", count: 40)), "84fe2e03d50dd3a18b630669d7d5e361117ac6af9cbb487c284c8e6c91a9758a")
        XCTAssertEqual(HexDigest.sha256(String(repeating: "select 1\n", count: 100)),
                       "ad64ca7835666f297e87884fd2829411e3704c6a1e202ec57b5f21b356037dbf")
    }
}
