import Foundation

/// The rows of a `given` input or of `expect`, read as dbt reads them: `dict` rows as written, `csv` text (inline
/// or a fixture file) as one row per line with empty fields null, `sql` as a query.
enum UnitTestRows {
    /// Rows as column/value pairs in the order written, or a query.
    enum Content {
        case rows([[(key: String, value: ConfigValue)]])
        case sql(String)
    }

    static func content(of rows: UnitTestSpec.Rows, fixtureFolders: [String]) throws -> Content {
        let written: ConfigValue?
        switch rows.source {
        case .inline(let value)?: written = value
        case .fixture(let name)?: written = .string(try fixtureText(name, format: rows.format, folders: fixtureFolders, at: rows.location))
        case nil: written = nil
        }
        switch rows.format {
        case .sql:
            // dbt keeps sql rows, inline or from a file, without surrounding white space.
            return .sql((written?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        case .csv:
            return .rows(try csvRows(written?.stringValue ?? "", at: rows.location))
        case .dict:
            guard case .list(let items)? = written else { return .rows([]) }
            return .rows(items.map { item in
                guard case .dict(let pairs) = item else { return [] }
                return pairs
            })
        }
    }

    /// The text of fixture `name` (`.csv` or `.sql`, as the format says) in the first folder that has it.
    private static func fixtureText(_ name: String, format: UnitTestSpec.RowFormat, folders: [String], at location: FileLocation) throws -> String {
        let file = name + (format == .sql ? ".sql" : ".csv")
        for folder in folders {
            let candidates = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            if let found = candidates.sorted().first(where: { ($0 as NSString).lastPathComponent == file }),
               let text = FileManager.default.contents(atPath: folder + "/" + found).map({ String(decoding: $0, as: UTF8.self) }) {
                return text
            }
        }
        throw DBTError(.project, "File not found for fixture '\(name)' in unit tests", at: location)
    }

    /// A seed's rows from its file, as dbt reads them for a `dict` input written without rows (every value text).
    static func seedRows(_ seed: ProjectNode) throws -> [[(key: String, value: ConfigValue)]] {
        let path = seed.packageRoot + "/" + seed.originalFilePath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DBTError(.project, "Unable to find seed '\(seed.packageName).\(seed.name)' for unit tests", at: seed.definedAt)
        }
        return try csvRows(String(decoding: data, as: UTF8.self), at: seed.definedAt).map { row in
            row.map { ($0.key, $0.value == .null ? .string("") : $0.value) }
        }
    }

    /// RFC 4180 rows of `text` keyed by its header; an empty field is null, as in dbt's fixtures.
    static func csvRows(_ text: String, at location: FileLocation) throws -> [[(key: String, value: ConfigValue)]] {
        let records = csvRecords(text)
        guard let header = records.first else { return [] }
        return try records.dropFirst().map { fields in
            guard fields.count <= header.count else {
                throw DBTError(.project, "a csv row of a unit test has \(fields.count) fields, its header \(header.count)", at: location)
            }
            return header.enumerated().map { index, name in
                let field = index < fields.count ? fields[index] : ""
                return (name, field.isEmpty ? .null : .string(field))
            }
        }
    }

    /// The records of CSV text: quoted fields may hold commas, doubled quotes and line breaks; blank lines are skipped.
    private static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text).makeIterator()
        var pending = characters.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
            fields = []
            field = ""
        }
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { field.append("\""); pending = characters.next() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                endRecord()
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
