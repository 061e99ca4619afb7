/// The null and boolean spellings dbt's seed loader accepts (agate's types as `dbt-common` configures them).
enum SeedFieldSyntax {
    /// Empty, blank, or `null` in any case: NULL for every column type, text included.
    static func isNull(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most fields have no space at either end and are not four bytes long: not null, by their ends alone.
        if field.count != 4, let first = field.first, let last = field.last, !ByteCursor.isWhitespace(first),
           !ByteCursor.isWhitespace(last) {
            return false
        }
        var cursor = ByteCursor(field)
        cursor.trimWhitespace()
        return cursor.isAtEnd || cursor.skip(caseInsensitive: "null") && cursor.isAtEnd
    }

    /// `true` or `false` in any case, with surrounding whitespace; agate also ignores commas anywhere.
    static func boolean(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        // The letters, lowercased and packed into one integer: at most five of them matter.
        var word: UInt64 = 0
        var letters = 0
        var sawTrailingSpace = false
        for byte in field where byte != UInt8(ascii: ",") {
            if ByteCursor.isWhitespace(byte) {
                sawTrailingSpace = letters > 0
                continue
            }
            guard !sawTrailingSpace, letters < 5 else { return nil }
            word = word << 8 | UInt64(byte | 0x20)
            letters += 1
        }
        switch word {
        case packedTrue: return true
        case packedFalse: return false
        default: return nil
        }
    }

    private static let packedTrue = packed("true")
    private static let packedFalse = packed("false")

    private static func packed(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
