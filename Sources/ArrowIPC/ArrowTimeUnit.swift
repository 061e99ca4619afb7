/// The unit of a timestamp, time of day or duration.
public enum ArrowTimeUnit: String, Equatable, Hashable, Sendable {
    case second, millisecond, microsecond, nanosecond
}

extension ArrowTimeUnit {
    /// The unit as pyarrow abbreviates it in type names (`s`, `ms`, `us`, `ns`).
    public var abbreviation: String {
        switch self {
        case .second: return "s"
        case .millisecond: return "ms"
        case .microsecond: return "us"
        case .nanosecond: return "ns"
        }
    }
}
