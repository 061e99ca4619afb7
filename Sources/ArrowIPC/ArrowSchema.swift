/// The columns a stream declares, in order.
public struct ArrowSchema: Equatable, Sendable {
    public var fields: [ArrowField]

    public init(fields: [ArrowField]) {
        self.fields = fields
    }
}
