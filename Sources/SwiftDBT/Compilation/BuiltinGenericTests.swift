import Jinja

/// dbt's four generic tests written straight to SQL, exactly as the built-in macros render them, for
/// tests that reach those macros unchanged (no project or package overrides their dispatch) with the
/// arguments they declare. Anything else (other arguments, `values` that is not a list of scalars) is
/// left to the template engine; `BuiltinGenericTestTests` checks both give the same SQL.
enum BuiltinGenericTests {
    static let names = ["unique", "not_null", "accepted_values", "relationships"]

    /// The built-in tests whose `adapter.dispatch('test_<name>', 'dbt')` reaches the built-in `default__` macro.
    static func unchanged(in macros: MacroRegistry) -> Set<String> {
        Set(names.filter { name in
            let found = macros.dispatch("test_" + name, namespace: "dbt")
            return found?.packageName == MacroRegistry.internalPackage && found?.name == "default__test_" + name
        })
    }

    /// The test's SQL, or nil when the template engine must render it. `model` is the relation under
    /// test as the macro receives it; `evaluated` holds the test's arguments as passed to the macro;
    /// `storesFailures` is what `should_store_failures()` answers for the test (not_null then selects whole rows).
    static func sql(_ name: String, model: Value, column: String, kwargs: [(key: String, value: ConfigValue)],
                    evaluated: [(name: String, value: Value)], storesFailures: Bool = false) -> String? {
        let keys = Set(kwargs.map(\.key))
        guard keys.count == kwargs.count else { return nil }
        let relation = model.str
        switch name {
        case "unique" where keys.isEmpty:
            return "\nselect\n    \(column) as unique_field,\n    count(*) as n_records\nfrom \(relation)\n"
                + "where \(column) is not null\ngroup by \(column)\nhaving count(*) > 1\n"
        case "not_null" where keys.isEmpty:
            return "\nselect \(storesFailures ? "*" : column)\nfrom \(relation)\nwhere \(column) is null\n"
        case "accepted_values" where keys.contains("values") && keys.isSubset(of: ["values", "quote"]):
            guard case .list(let values)? = evaluated.first(where: { $0.name == "values" })?.value,
                  values.items.allSatisfy(isScalar) else { return nil }
            let quote = evaluated.first(where: { $0.name == "quote" })?.value.isTruthy ?? true
            let items = values.items.map { quote ? "'\($0.str)'" : $0.str }.joined(separator: ", ")
            return "\nwith all_values as (\n    select\n        \(column) as value_field,\n        count(*) as n_records\n"
                + "    from \(relation)\n    group by \(column)\n)\nselect *\nfrom all_values\nwhere value_field not in (\n    \(items)\n)\n"
        case "relationships" where keys == ["to", "field"]:
            guard let to = evaluated.first(where: { $0.name == "to" })?.value,
                  let field = evaluated.first(where: { $0.name == "field" })?.value else { return nil }
            return "\nwith child as (\n    select \(column) as from_field\n    from \(relation)\n    where \(column) is not null\n),\n"
                + "parent as (\n    select \(field.str) as to_field\n    from \(to.str)\n)\nselect from_field\nfrom child\n"
                + "left join parent\n    on child.from_field = parent.to_field\nwhere parent.to_field is null\n"
        default:
            return nil
        }
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .string, .int, .float, .bool: return true
        default: return false
        }
    }
}
