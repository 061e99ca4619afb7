/// The logical type of a column, as the stream's schema declares it. Only the types this reader decodes
/// are cases; a schema naming another type is refused with `ArrowIPCError.unsupportedType`.
public indirect enum ArrowType: Equatable, Hashable, Sendable, CustomStringConvertible {
    case null
    case bool
    /// An integer of 8, 16, 32 or 64 bits.
    case int(bitWidth: Int, signed: Bool)
    case float16, float32, float64
    /// A 128-bit decimal: `precision` digits, `scale` of them after the point.
    case decimal128(precision: Int32, scale: Int32)
    case utf8, largeUtf8, binary, largeBinary
    case fixedSizeBinary(byteWidth: Int32)
    /// Days since 1970-01-01.
    case date32
    /// Milliseconds since 1970-01-01.
    case date64
    /// A time of day: seconds or milliseconds in 32 bits, microseconds or nanoseconds in 64.
    case time(unit: ArrowTimeUnit, bitWidth: Int32)
    /// An instant (with a time zone) or a wall-clock time (without one) since 1970-01-01 00:00.
    case timestamp(unit: ArrowTimeUnit, timezone: String?)
    case duration(unit: ArrowTimeUnit)
    case list(ArrowField)
    case largeList(ArrowField)
    case fixedSizeList(ArrowField, size: Int32)
    case `struct`([ArrowField])
    /// A map: a list of `entries` structs, each with a key field and a value field. (Its description
    /// names only the key and value types.)
    case map(entries: ArrowField, keysSorted: Bool)

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int(let width, let signed): return "\(signed ? "int" : "uint")\(width)"
        case .float16: return "halffloat"
        case .float32: return "float"
        case .float64: return "double"
        case .decimal128(let precision, let scale): return "decimal128(\(precision), \(scale))"
        case .utf8: return "string"
        case .largeUtf8: return "large_string"
        case .binary: return "binary"
        case .largeBinary: return "large_binary"
        case .fixedSizeBinary(let width): return "fixed_size_binary[\(width)]"
        case .date32: return "date32[day]"
        case .date64: return "date64[ms]"
        case .time(let unit, let width): return "time\(width)[\(unit.abbreviation)]"
        case .timestamp(let unit, let zone): return "timestamp[\(unit.abbreviation)\(zone.map { ", tz=\($0)" } ?? "")]"
        case .duration(let unit): return "duration[\(unit.abbreviation)]"
        case .list(let item): return "list<\(item.childDescription)>"
        case .largeList(let item): return "large_list<\(item.childDescription)>"
        case .fixedSizeList(let item, let size): return "fixed_size_list<\(item.childDescription)>[\(size)]"
        case .struct(let fields): return "struct<\(fields.map(\.childDescription).joined(separator: ", "))>"
        case .map(let entries, _):
            guard case .struct(let pair) = entries.type, pair.count == 2 else { return "map" }
            return "map<\(pair[0].type), \(pair[1].type)>"
        }
    }
}
