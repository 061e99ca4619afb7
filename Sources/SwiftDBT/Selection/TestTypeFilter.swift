/// The tests a `test_type:` value names: `generic` (or the old `schema`), `singular`, `data` (both), `unit`.
enum TestTypeFilter: Sendable {
    case generic, singular, data, unit

    init?(_ value: String) {
        switch value {
        case "generic", "schema": self = .generic
        case "singular": self = .singular
        case "data": self = .data
        case "unit": self = .unit
        default: return nil
        }
    }

    /// Unit tests are not modelled, so `unit` matches nothing.
    func matches(_ kind: GraphNode.TestKind) -> Bool {
        switch self {
        case .generic: return kind == .generic
        case .singular: return kind == .singular
        case .data: return true
        case .unit: return false
        }
    }
}
