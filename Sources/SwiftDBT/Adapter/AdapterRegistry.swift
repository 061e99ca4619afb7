import Foundation

/// Maps a profile's `type` to the adapter that serves it. The CLI registers the adapters it links.
public struct AdapterRegistry: Sendable {
    private var factories: [String: any AdapterFactory] = [:]

    public init() {}

    /// Adds (or replaces) the adapter for `factory.type`.
    public mutating func register(_ factory: any AdapterFactory) {
        factories[factory.type] = factory
    }

    /// The adapter for `type`, or nil.
    public func factory(for type: String) -> (any AdapterFactory)? { factories[type] }

    /// The registered types, sorted.
    public var types: [String] { factories.keys.sorted() }
}

/// Creates what an adapter provides for one target.
public protocol AdapterFactory: Sendable {
    /// The profile `type` this adapter serves.
    var type: String { get }
    /// The dialect for `target`.
    func dialect(for target: Target) -> any Dialect
    /// Fills in the defaults an adapter gives a target (dbt-sqlite's `main` schema, for example).
    func normalize(_ target: Target, projectRoot: String, projectName: String) throws -> Target
    /// The folder of the adapter's own macros (its `<type>__` variants of dispatched macros), read into the
    /// built-in `dbt` namespace after the core's; nil for an adapter with none.
    var macroFolder: URL? { get }
}

extension AdapterFactory {
    public var macroFolder: URL? { nil }
}
