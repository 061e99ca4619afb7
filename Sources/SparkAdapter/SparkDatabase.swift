import Foundation
import Synchronization
import SwiftDBT

/// The Spark side of a run: a Spark Connect channel into the one session the process's connections share
/// (``SparkSharedSession``), one `ExecutePlan` call per statement (a query as the plan's SQL relation, anything else
/// as a SQL command). Spark has no transactions: `begin`, `commit` and `rollback` do nothing. The token never appears
/// in any message.
final class SparkDatabase: DatabaseConnection {
    private let client: SparkClient
    private let endpoint: SparkEndpoint
    let dialect = SparkDialect()
    /// The id of the operation in flight, for `interrupt()` from another thread.
    private let operation = Mutex<String?>(nil)

    init(target: Target) throws {
        let endpoint = try SparkEndpoint(target: target)
        self.endpoint = endpoint
        let sessionID = SparkSharedSession.join(endpoint)
        do {
            do {
                client = try SparkClient(endpoint: endpoint, sessionID: sessionID)
            } catch {
                _ = SparkSharedSession.leave(endpoint)
                throw error
            }
            // Connect now, so an unreachable server is reported as such, before any node runs (the connection is
            // whole by now: its deinit leaves the session).
            _ = try perform(SparkPlan.query("select 1"))
        } catch {
            let reason = (error as? DBTError)?.message ?? String(describing: error)
            throw DBTError(.connection, "cannot connect to target '\(target.name)' at \(endpoint.host):\(endpoint.port): "
                           + SparkDatabase.withoutToken(reason, endpoint))
        }
    }

    deinit {
        guard SparkSharedSession.leave(endpoint) else { return }
        let client = client
        _ = try? SparkBlocking.run { try await client.release() }
    }

    /// Removes the token from a message, should the server ever quote it.
    private static func withoutToken(_ message: String, _ endpoint: SparkEndpoint) -> String {
        guard let token = endpoint.token, !token.isEmpty else { return message }
        return message.replacingOccurrences(of: token, with: "****")
    }

    func execute(_ sql: String) throws {
        for statement in SparkStatements.split(sql) { _ = try perform(SparkPlan.command(statement)) }
    }

    func query(_ sql: String, limit: Int?) throws -> QueryResult {
        try run(sql, fetch: true, limit: limit).rows
    }

    /// As dbt-spark reports a statement: `OK`, no code, no row count.
    func run(_ sql: String, fetch: Bool, limit: Int?) throws -> (status: StatementStatus, rows: QueryResult) {
        let statements = SparkStatements.split(sql)
        var rows = QueryResult(columns: [], rows: [])
        for (index, statement) in statements.enumerated() {
            if fetch && index == statements.count - 1 {
                rows = try SparkResultDecoder.decode(try perform(SparkPlan.query(statement)), limit: limit)
            } else {
                _ = try perform(SparkPlan.command(statement))
            }
        }
        return (StatementStatus(message: "OK", code: nil, rowsAffected: -1), rows)
    }

    func begin() throws {}
    func commit() throws {}
    func rollback() throws {}

    func createSchema(_ schema: String) throws {
        try execute("create database if not exists \(dialect.quote(schema))")
    }

    func listSchemas() throws -> [String] {
        try query("show databases", limit: nil).rows.compactMap { SparkDatabase.text($0.first) }
    }

    func dropSchema(_ schema: String) throws {
        try execute("drop database if exists \(dialect.quote(schema)) cascade")
    }

    /// `describe table`: its rows up to the first empty or `#` line are the columns.
    func columns(of relation: RelationName) throws -> [DatabaseColumn] {
        var columns: [DatabaseColumn] = []
        for row in try query("describe table \(dialect.render(relation))", limit: nil).rows {
            guard let name = SparkDatabase.text(row.first), !name.isEmpty, !name.hasPrefix("#") else { break }
            columns.append(DatabaseColumn(name: name, type: row.count > 1 ? SparkDatabase.text(row[1]) ?? "string" : "string"))
        }
        return columns
    }

    func catalog(inSchemas schemas: [String]) throws -> [CatalogRelation] {
        try relations(inSchemas: schemas).sorted { ($0.key.schema ?? "", $0.key.identifier) < ($1.key.schema ?? "", $1.key.identifier) }
            .map { relation, kind in
                let columns = try columns(of: relation).enumerated().map { CatalogRelation.Column(name: $1.name, type: $1.type, index: $0 + 1) }
                return CatalogRelation(relation: relation, type: kind.rawValue, columns: columns)
            }
    }

    func prepareInsert(into relation: RelationName, columns: [String]) throws -> any RowInserter {
        let types = Dictionary(try self.columns(of: relation).map { ($0.name.lowercased(), $0.type) }, uniquingKeysWith: { first, _ in first })
        return SparkRowInserter(database: self, relation: relation, columns: columns,
                                types: columns.map { types[$0.lowercased()] ?? "string" })
    }

    /// Asks the server to stop the operation in flight; its call then fails as interrupted.
    func interrupt() {
        guard let id = operation.withLock({ $0 }) else { return }
        let client = client
        _ = try? SparkBlocking.run { try await client.interrupt(operationID: id) }
    }

    /// Runs one plan and returns the Arrow IPC streams it answered with.
    private func perform(_ plan: SparkPlan) throws -> [Data] {
        let id = UUID().uuidString.lowercased()
        operation.withLock { $0 = id }
        defer { operation.withLock { $0 = nil } }
        let client = client
        let message = plan.message
        do {
            return try SparkBlocking.run { try await client.execute(message, operationID: id) }
        } catch {
            throw SparkFailure(error).runError
        }
    }

    static func text(_ value: DatabaseValue?) -> String? {
        if case .text(let text)? = value { return text }
        return nil
    }
}
