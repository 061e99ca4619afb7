/// The label dbt-postgres gives a query column's type: psycopg2's name for the type's OID (its
/// `string_types` casters), `unknown type_code <oid>` for a type psycopg2 has none for. Contracts
/// compare these, so `varchar(10)` and `text` are alike (`STRING`), and `int2` and `int4` (`INTEGER`).
enum PostgresTypeLabel {
    static func label(_ oid: UInt32) -> String {
        labels[oid] ?? "unknown type_code \(oid)"
    }

    /// Recorded from psycopg2 2.9 (`psycopg2.extensions.string_types[oid].name`).
    private static let labels: [UInt32: String] = [
        16: "BOOLEAN", 17: "BINARY", 18: "STRING", 19: "STRING", 20: "LONGINTEGER", 21: "INTEGER", 23: "INTEGER",
        25: "STRING", 26: "ROWID", 114: "JSON", 700: "FLOAT", 701: "FLOAT", 1042: "STRING", 1043: "STRING",
        1082: "DATE", 1083: "TIME", 1114: "DATETIME", 1184: "DATETIMETZ", 1186: "INTERVAL", 1266: "TIME",
        1700: "DECIMAL", 3802: "JSONB",
        199: "JSONARRAY", 651: "CIDRARRAY", 1000: "BOOLEANARRAY", 1005: "INTEGERARRAY", 1007: "INTEGERARRAY",
        1009: "STRINGARRAY", 1015: "STRINGARRAY", 1016: "LONGINTEGERARRAY", 1021: "FLOATARRAY", 1022: "FLOATARRAY",
        1040: "MACADDRARRAY", 1041: "INETARRAY", 1115: "DATETIMEARRAY", 1182: "DATEARRAY", 1183: "TIMEARRAY",
        1185: "DATETIMETZARRAY", 1187: "INTERVALARRAY", 1231: "DECIMALARRAY", 1270: "TIMEARRAY", 3807: "JSONBARRAY",
    ]
}
