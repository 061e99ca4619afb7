/// A seed field converted to its column's type, ready for an adapter to bind.
public enum SeedValue: Sendable, Hashable {
    /// An empty field, or `null` in any case, in a column of any type.
    case null
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
    /// `YYYY-MM-DD`.
    case date(String)
    /// `YYYY-MM-DD HH:MM:SS`, then `.ffffff` when there are microseconds and `±HH:MM` when there is an offset.
    case timestamp(String)
    /// The field as written, surrounding spaces included.
    case text(String)
}
