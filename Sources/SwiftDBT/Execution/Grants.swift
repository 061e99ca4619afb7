/// dbt's `grants` config (`grants: {select: [reporter, bi]}`): privileges granted on a relation
/// once it is built. A new relation has no grants, so it only gets what the config asks; an
/// incremental run also revokes what the current role granted before and the config no longer lists.
/// Without a `grants` config nothing is touched, as in dbt.
struct Grants {
    /// Privilege (lowercased) to grantees, in the config's order.
    let wanted: [(privilege: String, grantees: [String])]

    init(_ config: ConfigValue?) {
        guard case .dict(let pairs)? = config else {
            wanted = []
            return
        }
        wanted = pairs.compactMap { key, value in
            let privilege = (key.hasPrefix("+") ? String(key.dropFirst()) : key).lowercased()
            let grantees = value.stringList
            return grantees.isEmpty ? nil : (privilege, grantees)
        }
    }

    /// Grants what is wanted on `relation`; with `revokingStale`, first revokes what is held but no longer wanted.
    func apply(to relation: RelationName, connection: any DatabaseConnection, dialect: any Dialect, revokingStale: Bool) throws {
        guard dialect.supportsGrants, !wanted.isEmpty else { return }
        var held: [String: Set<String>] = [:]
        if revokingStale {
            for row in try connection.query(dialect.showGrants(relation), limit: nil).rows where row.count == 2 {
                guard case .text(let grantee) = row[0], case .text(let privilege) = row[1] else { continue }
                held[privilege.lowercased(), default: []].insert(grantee)
            }
            for (privilege, grantees) in held.sorted(by: { $0.key < $1.key }) {
                let kept = Set(wanted.first { $0.privilege == privilege }?.grantees.map(Grants.roleName) ?? [])
                let stale = grantees.subtracting(kept).sorted()
                if !stale.isEmpty { try connection.execute(dialect.revoke(privilege, on: relation, from: stale.map(dialect.quote))) }
            }
        }
        for (privilege, grantees) in wanted {
            let missing = grantees.filter { !(held[privilege]?.contains(Grants.roleName($0)) ?? false) }
            if !missing.isEmpty { try connection.execute(dialect.grant(privilege, on: relation, to: missing)) }
        }
    }

    /// The role a grantee names: quoted names as written, bare ones folded to lower case.
    private static func roleName(_ grantee: String) -> String {
        grantee.hasPrefix("\"") && grantee.hasSuffix("\"") && grantee.count > 1
            ? String(grantee.dropFirst().dropLast()) : grantee.lowercased()
    }
}
