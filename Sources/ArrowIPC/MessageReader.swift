/// Splits a stream into its encapsulated messages: a 0xFFFFFFFF continuation marker (absent in the
/// legacy framing before Arrow 0.15), a 32-bit metadata length, the FlatBuffers `Message` padded to
/// 8 bytes, then the message body. A zero length (with or without the marker) ends the stream, as does
/// the end of the bytes between messages.
struct MessageReader {
    /// The message types this reader handles (the `MessageHeader` union of Message.fbs).
    enum Kind: UInt8 {
        case schema = 1, dictionaryBatch = 2, recordBatch = 3
    }

    /// One message: its header table (`Schema`, `DictionaryBatch` or `RecordBatch`) and its body.
    struct Message {
        let kind: Kind
        let header: FlatBufferTable
        let body: ByteView
        /// Where the message starts in the stream.
        let offset: Int
    }

    private let stream: ByteView
    private var position = 0

    init(_ bytes: [UInt8]) {
        stream = ByteView(bytes, label: "stream")
    }

    /// The next message, or nil at the end of the stream.
    mutating func next() throws -> Message? {
        let start = position
        guard position < stream.count else { return nil }
        var length = try read(Int32.self, what: "a message length")
        if length == -1 { length = try read(Int32.self, what: "a message length after its continuation marker") }
        guard length != 0 else { return nil }
        guard length > 0 else { throw ArrowIPCError.malformed("a message at byte \(start) declares metadata of \(length) bytes") }
        guard Int(length) <= stream.count - position else {
            throw ArrowIPCError.truncated("the message at byte \(start) announces \(length) bytes of metadata, \(stream.count - position) remain")
        }
        let metadata = try stream.slice(position, Int(length), label: "metadata of the message at byte \(start)")
        position += Int(length)
        let message = try FlatBufferTable.root(of: metadata)
        let version = try message.scalar(0, default: Int16(0))
        guard version >= 3 else {
            throw ArrowIPCError.unsupportedFeature("metadata version V\(version + 1) (V4 and later are read)")
        }
        let kindCode = try message.scalar(1, default: UInt8(0))
        guard let kind = Kind(rawValue: kindCode) else {
            throw ArrowIPCError.unsupportedFeature("message type #\(kindCode) at byte \(start) (tensors are not read)")
        }
        guard let header = try message.table(2) else {
            throw ArrowIPCError.malformed("the message at byte \(start) has no header")
        }
        let bodyLength = try message.scalar(3, default: Int64(0))
        guard bodyLength >= 0, bodyLength <= Int64(stream.count - position) else {
            throw ArrowIPCError.truncated("the message at byte \(start) announces a body of \(bodyLength) bytes, \(stream.count - position) remain")
        }
        let body = try stream.slice(position, Int(bodyLength), label: "body of the message at byte \(start)")
        position += Int(bodyLength)
        return Message(kind: kind, header: header, body: body, offset: start)
    }

    private mutating func read(_ type: Int32.Type, what: String) throws -> Int32 {
        guard stream.count - position >= 4 else {
            throw ArrowIPCError.truncated("\(what) at byte \(position) needs 4 bytes, \(stream.count - position) remain")
        }
        defer { position += 4 }
        return try stream.load(position, as: Int32.self)
    }
}
