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

    /// Whether a node of `type` (a data test of `kind`) is one of these tests.
    func matches(_ type: ResourceType, _ kind: GraphNode.TestKind?) -> Bool {
        switch self {
        case .generic: return type == .test && kind == .generic
        case .singular: return type == .test && kind == .singular
        case .data: return type == .test
        case .unit: return type == .unitTest
        }
    }
}
