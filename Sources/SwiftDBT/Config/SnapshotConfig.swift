/// A snapshot's settings, typed, with the checks dbt-core 1.10 makes of them (`SnapshotConfig.final_validate` and
/// `get_hard_deletes_behavior`) done when the project loads rather than when the snapshot runs.
public struct SnapshotConfig: Sendable, Equatable {
    /// How a changed row is told.
    public enum Strategy: Sendable, Equatable {
        /// A row changed when its `updated_at` column is later than the current version's start.
        case timestamp(updatedAt: String)
        /// A row changed when one of the columns differs.
        case check(CheckColumns)
        /// A project's own `snapshot_<name>_strategy` macro.
        case custom(String)
    }

    /// The columns the `check` strategy compares.
    public enum CheckColumns: Sendable, Equatable {
        case all
        case columns([String])
    }

    /// What happens to a row gone from the query.
    public enum HardDeletes: String, Sendable, Equatable {
        case ignore, invalidate
        case newRecord = "new_record"
    }

    /// A setting that dbt refuses: the key it is about and dbt's message.
    public struct Problem: Error, Equatable {
        public var key: String
        public var message: String
    }

    /// The meta columns a snapshot adds, by their default names.
    public static let metaColumns = ["dbt_valid_from", "dbt_valid_to", "dbt_scd_id", "dbt_updated_at", "dbt_is_deleted"]

    public var strategy: Strategy
    /// One column, or the columns of a composite key.
    public var uniqueKey: [String]
    public var hardDeletes: HardDeletes
    /// `dbt_valid_to_current`: the SQL expression a current row's `dbt_valid_to` holds instead of null.
    public var validToCurrent: String?
    /// `snapshot_meta_column_names`: the name of each meta column (by its default name).
    public var metaColumnNames: [String: String]

    /// Reads and checks a snapshot's resolved config.
    public init(_ config: NodeConfig) throws(Problem) {
        if let materialized = config["materialized"]?.stringValue, materialized != "snapshot" {
            throw Problem(key: "materialized", message: "A snapshot must have a materialized value of 'snapshot'")
        }
        let unique = config["unique_key"]
        let keys: [String]
        switch unique {
        case .string(let key)?: keys = [key]
        case .list(let items)? where items.allSatisfy({ $0.stringValue != nil }): keys = items.compactMap(\.stringValue)
        case nil, .null?: keys = []
        default: throw Problem(key: "unique_key", message: "unique_key must be a column name or a list of them")
        }
        guard let name = config["strategy"]?.stringValue, !name.isEmpty, !keys.isEmpty else {
            let key = config["strategy"]?.stringValue == nil ? "strategy" : "unique_key"
            throw Problem(key: key, message: "Snapshots must be configured with a 'strategy' and 'unique_key'.")
        }
        uniqueKey = keys
        let checkCols = config["check_cols"].flatMap { $0 == .null ? nil : $0 }
        switch name {
        case "timestamp":
            guard let updatedAt = config["updated_at"]?.stringValue, !updatedAt.isEmpty else {
                throw Problem(key: "strategy", message: "A snapshot configured with the timestamp strategy must specify an updated_at configuration.")
            }
            if checkCols != nil { throw Problem(key: "check_cols", message: "A 'timestamp' snapshot should not have 'check_cols'") }
            strategy = .timestamp(updatedAt: updatedAt)
        case "check":
            switch checkCols {
            case nil, .list([])?:
                throw Problem(key: "strategy", message: "A snapshot configured with the check strategy must specify a check_cols configuration.")
            case .string("all")?: strategy = .check(.all)
            case .list(let items)? where items.allSatisfy({ $0.stringValue != nil }): strategy = .check(.columns(items.compactMap(\.stringValue)))
            case let other?:
                throw Problem(key: "check_cols", message: "Invalid value for 'check_cols': \(other.scalarString ?? "\(other)"). "
                              + "Expected 'all' or a list of strings.")
            }
        default:
            strategy = .custom(name)
        }
        let invalidate = config["invalidate_hard_deletes"].flatMap { $0 == .null ? nil : $0 }
        let hardDeletes = config["hard_deletes"].flatMap { $0 == .null ? nil : $0 }
        if invalidate != nil, hardDeletes != nil {
            throw Problem(key: "hard_deletes", message: "You cannot set both the invalidate_hard_deletes and hard_deletes config properties "
                          + "on the same snapshot.")
        }
        if let invalidate {
            guard let flag = invalidate.boolValue else {
                throw Problem(key: "invalidate_hard_deletes", message: "invalidate_hard_deletes must be true or false")
            }
            self.hardDeletes = flag ? .invalidate : .ignore
        } else if let hardDeletes {
            guard let mode = hardDeletes.stringValue.flatMap(HardDeletes.init(rawValue:)) else {
                throw Problem(key: "hard_deletes", message: "Invalid setting for property hard_deletes.")
            }
            self.hardDeletes = mode
        } else {
            self.hardDeletes = .ignore
        }
        validToCurrent = config["dbt_valid_to_current"]?.stringValue
        var names: [String: String] = [:]
        switch config["snapshot_meta_column_names"] {
        case nil, .null?: break
        case .dict(let pairs)?:
            for (key, value) in pairs {
                guard SnapshotConfig.metaColumns.contains(key) else {
                    throw Problem(key: key, message: "snapshot_meta_column_names: '\(key)' is not one of "
                                  + SnapshotConfig.metaColumns.joined(separator: ", "))
                }
                if value == .null { continue }
                guard let name = value.stringValue, !name.isEmpty else {
                    throw Problem(key: key, message: "snapshot_meta_column_names: \(key) must name a column")
                }
                names[key] = name
            }
        default:
            throw Problem(key: "snapshot_meta_column_names", message: "snapshot_meta_column_names must be a mapping of column names")
        }
        metaColumnNames = names
    }
}
