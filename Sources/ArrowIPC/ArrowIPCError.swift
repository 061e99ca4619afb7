/// Why an Arrow IPC stream could not be read. Every malformed, truncated or unsupported input is one of
/// these; the reader never traps on what it is given.
public enum ArrowIPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stream ends inside something it announced (a length prefix, the metadata, a message body).
    case truncated(String)
    /// The bytes are there but do not form a valid stream: an offset or length out of range, a missing
    /// required part, a message in the wrong place.
    case malformed(String)
    /// A column of an Arrow type this reader does not decode (`type` names it as Arrow does).
    case unsupportedType(type: String, column: String)
    /// The stream uses a format feature this reader refuses (buffer compression, big-endian data, an old
    /// metadata version).
    case unsupportedFeature(String)

    public var description: String {
        switch self {
        case .truncated(let what): return "truncated Arrow IPC stream: \(what)"
        case .malformed(let what): return "malformed Arrow IPC stream: \(what)"
        case .unsupportedType(let type, let column): return "unsupported Arrow type \(type) in column \(column)"
        case .unsupportedFeature(let what): return "unsupported Arrow IPC feature: \(what)"
        }
    }
}
