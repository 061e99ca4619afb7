/// One cell of a decoded column. Integer, floating point and temporal values keep Arrow's exact numbers;
/// nothing is rounded or converted to a calendar.
public enum ArrowValue: Equatable, Hashable, Sendable {
    case null
    case bool(Bool)
    /// A signed integer of any width.
    case int(Int64)
    /// An unsigned integer of any width.
    case uint(UInt64)
    /// A half, single or double precision number, widened exactly to `Double`.
    case double(Double)
    case decimal(ArrowDecimal128)
    /// A utf8 or large_utf8 value (invalid UTF-8 sequences become U+FFFD).
    case string(String)
    /// A binary, large_binary or fixed_size_binary value.
    case binary([UInt8])
    /// A date32 value.
    case date(daysSinceEpoch: Int32)
    /// A date64 value.
    case date64(millisecondsSinceEpoch: Int64)
    /// A time of day since midnight.
    case time(Int64, unit: ArrowTimeUnit)
    /// Units since 1970-01-01 00:00; UTC when `timezone` is set, a wall-clock time when it is nil.
    case timestamp(value: Int64, unit: ArrowTimeUnit, timezone: String?)
    case duration(Int64, unit: ArrowTimeUnit)
    /// A list, large_list or fixed_size_list value.
    case list([ArrowValue])
    /// A struct value: one value per child field, in the type's field order.
    case `struct`([ArrowValue])
    /// A map value: its entries in the order sent.
    case map([ArrowMapEntry])
}

/// One key/value pair of a map value.
public struct ArrowMapEntry: Equatable, Hashable, Sendable {
    public var key: ArrowValue
    public var value: ArrowValue

    public init(key: ArrowValue, value: ArrowValue) {
        self.key = key
        self.value = value
    }
}
