import Foundation

/// The database as templates reach it during one invocation (`run_query`, `statement`,
/// `adapter.get_relation`, ...): the run's relation cache, and a connection opened on first
/// use only, so that compiling templates that never ask the database opens none.
///
/// A render either brings its own connection (a run's worker) or shares the runtime's, one
/// render at a time.
public final class DatabaseRuntime: @unchecked Sendable {
    /// What the run knows of the relations that exist, kept current as templates change them.
    public let relations: RelationCache
    /// Whether statements run inside a transaction that `adapter.commit()` (or `finish`) ends,
    /// as `run-operation` runs them; otherwise each statement commits by itself.
    let transactional: Bool
    private let connect: @Sendable () throws -> any DatabaseConnection
    private let lock = NSLock()
    private var shared: (any DatabaseConnection)?
    private var inTransaction = false

    public init(relations: RelationCache = RelationCache(), transactional: Bool = false,
                connect: @escaping @Sendable () throws -> any DatabaseConnection) {
        self.relations = relations
        self.transactional = transactional
        self.connect = connect
    }

    /// Whether the shared connection has been opened.
    public var isConnected: Bool { lock.withLock { shared != nil } }

    /// Runs `body` on `own`, or else on the shared connection (opened now if it is not yet).
    func use<T>(_ own: (any DatabaseConnection)?, beginning: Bool = false, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        if let own { return try body(own) }
        lock.lock()
        defer { lock.unlock() }
        let connection: any DatabaseConnection
        if let shared {
            connection = shared
        } else {
            connection = try connect()
            shared = connection
        }
        if transactional, beginning, !inTransaction {
            try connection.begin()
            inTransaction = true
        }
        return try body(connection)
    }

    /// Runs `body` on the shared connection, opened now if it is not yet.
    public func withConnection<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try use(nil, body)
    }

    /// `adapter.commit()`: ends the open transaction, if statements opened one.
    func commit() throws {
        lock.lock()
        defer { lock.unlock() }
        guard inTransaction, let shared else { return }
        inTransaction = false
        try shared.commit()
    }

    /// Ends the invocation's open transaction: committed when it succeeded, rolled back otherwise.
    public func finish(succeeded: Bool) throws {
        guard succeeded else {
            lock.lock()
            defer { lock.unlock() }
            guard inTransaction, let shared else { return }
            inTransaction = false
            try shared.rollback()
            return
        }
        try commit()
    }
}
