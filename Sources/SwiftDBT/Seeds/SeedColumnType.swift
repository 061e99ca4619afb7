/// The type of a seed column: inferred from its values as dbt does, or declared by a `column_types` override.
///
/// Adapters map each case to their SQL type, as dbt's `convert_*_type` methods do.
public enum SeedColumnType: Sendable, Hashable {
    /// Numbers without decimal places (also the type of a column with no values at all): dbt's `integer`.
    case integer
    /// Numbers, some with decimal places: dbt's `float8` on PostgreSQL.
    case number
    case boolean
    case date
    /// Date and time, naive or with a UTC offset: dbt's `timestamp without time zone`.
    case timestamp
    case text
    /// The SQL type a `column_types` override declares; values load as text for the database to convert.
    case declared(String)

    /// The value a field holds for a column of this type; nil when the field does not have the type's form.
    func value(of field: UnsafeBufferPointer<UInt8>) -> SeedValue? {
        if SeedFieldSyntax.isNull(field) { return .null }
        switch self {
        case .integer:
            guard case .integer(let integer)? = SeedNumberSyntax.kind(of: field) else { return nil }
            return .integer(integer)
        case .number:
            return SeedNumberSyntax.double(field).map(SeedValue.real)
        case .boolean:
            return SeedFieldSyntax.boolean(field).map(SeedValue.boolean)
        case .date:
            return SeedDateSyntax.date(field).map { .date(Self.text(field, ifShaped: "0000-00-00") ?? $0.dateText) }
        case .timestamp:
            return (SeedDateSyntax.spaceTimestamp(field) ?? SeedDateSyntax.isoTimestamp(field))
                .map { .timestamp(Self.text(field, ifShaped: "0000-00-00 00:00:00") ?? $0.timestampText) }
        case .text, .declared:
            return .text(String(decoding: field, as: UTF8.self))
        }
    }

    /// The field as it is when it has `shape`'s length, a digit where it has `0` and its other bytes: a date
    /// or timestamp that read as one is then already written as `dateText` or `timestampText` would write
    /// it, so it is copied rather than formatted again.
    private static func text(_ field: UnsafeBufferPointer<UInt8>, ifShaped shape: StaticString) -> String? {
        guard field.count == shape.utf8CodeUnitCount else { return nil }
        for (index, byte) in field.enumerated() {
            let expected = shape.utf8Start[index]
            guard expected == UInt8(ascii: "0") ? ByteCursor.isDigit(byte) : byte == expected else { return nil }
        }
        return String(decoding: field, as: UTF8.self)
    }
}
