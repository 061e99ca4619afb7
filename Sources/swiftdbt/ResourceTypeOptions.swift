import ArgumentParser
import SwiftDBT

/// `--resource-type` and `--exclude-resource-type` (or `DBT_RESOURCE_TYPES`, `DBT_EXCLUDE_RESOURCE_TYPES`), on the
/// commands that take them in dbt 1.10 (build, ls, test, clone), with its words `all` and `default`: each stands
/// for the command's own set (`Scope`), and `--exclude-resource-type` takes `default` but not `all`.
struct ResourceTypeOptions: ParsableArguments {
    @Option(name: [.customLong("resource-type"), .customLong("resource-types")], parsing: .upToNextOption,
            help: "Only these resource types ('all' and 'default' stand for the command's sets).")
    var resourceTypes: [String] = []

    @Option(name: [.customLong("exclude-resource-type"), .customLong("exclude-resource-types")], parsing: .upToNextOption,
            help: "Leave out these resource types.")
    var excludeResourceTypes: [String] = []

    /// What `all` and `default` stand for on one command, as dbt 1.10's tasks define them.
    enum Scope {
        case list, build, test, clone

        /// The types of `all`; `build`, `test` and `clone` run nothing else, whatever the options name.
        var all: Set<ResourceType> {
            switch self {
            case .list: return defaults.union([.analysis])
            case .build, .test, .clone: return defaults
            }
        }

        /// The types when no option names any, and those of `default`.
        var defaults: Set<ResourceType> {
            switch self {
            case .list: return [.model, .snapshot, .seed, .test, .source, .exposure, .metric, .savedQuery, .semanticModel, .unitTest]
            case .build: return RunOptions(command: .build).resourceTypes
            case .test: return RunOptions(command: .test).resourceTypes
            case .clone: return [.model, .seed, .snapshot]
            }
        }
    }

    /// `--resource-type`'s words, else those of `DBT_RESOURCE_TYPES`.
    var resourceTypeNames: [String] {
        resourceTypes.isEmpty ? FlagVariables().list(Self.resourceTypesVariable) : resourceTypes
    }

    /// `--exclude-resource-type`'s words, else those of `DBT_EXCLUDE_RESOURCE_TYPES`.
    var excludedTypeNames: [String] {
        excludeResourceTypes.isEmpty ? FlagVariables().list(Self.excludedTypesVariable) : excludeResourceTypes
    }

    private static let resourceTypesVariable = "DBT_RESOURCE_TYPES", excludedTypesVariable = "DBT_EXCLUDE_RESOURCE_TYPES"

    /// The words the options take, in dbt's order (its messages list them so).
    private static let typeWords = ["metric", "semantic_model", "saved_query", "source", "analysis", "model", "test",
                                    "unit_test", "exposure", "snapshot", "seed", "default"]

    /// Refuses a word dbt's options do not take, as click refuses it (the variable's words too: click reads it
    /// as the option's value).
    func validate() throws {
        try Self.check(resourceTypeNames, option: "'--resource-types' / '--resource-type'", words: Self.typeWords + ["all"])
        try Self.check(excludedTypeNames, option: "'--exclude-resource-types' / '--exclude-resource-type'", words: Self.typeWords)
    }

    private static func check(_ names: [String], option: String, words: [String]) throws {
        guard let unknown = names.first(where: { !words.contains($0.lowercased()) }) else { return }
        throw ValidationError("Invalid value for \(option): '\(unknown)' is not one of "
                              + words.map { "'\($0)'" }.joined(separator: ", ") + ".")
    }

    /// The types `scope`'s command selects: the named ones (`all` and `default` expanded) or the defaults, less
    /// the excluded ones, within `scope.all`. A word in capitals (which click lets through) and an excluded
    /// `default` fail as in dbt 1.10: they are no node type.
    func types(_ scope: Scope) throws -> Set<ResourceType> {
        var chosen = resourceTypeNames.isEmpty ? scope.defaults : []
        for name in resourceTypeNames {
            switch name {
            case "all": chosen.formUnion(scope.all)
            case "default": chosen.formUnion(scope.defaults)
            default: chosen.insert(try Self.type(name))
            }
        }
        for name in excludedTypeNames { chosen.remove(try Self.type(name)) }
        return chosen.intersection(scope.all)
    }

    private static func type(_ name: String) throws -> ResourceType {
        guard let type = ResourceType(rawValue: name) else {
            throw DBTError(.usage, "'\(name)' is not a valid NodeType")
        }
        return type
    }
}
