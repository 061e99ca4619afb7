import Foundation

/// MetricFlow's rules on what queries name: the `TimeDimension` grains of metric filters and saved queries' `where`,
/// and a saved query's metrics, group-bys and limit.
extension SemanticValidator {
    func filterIssues() -> [Issue] {
        var issues: [Issue] = []
        for metric in metrics {
            issues += grainIssues(metric.filter, "metric", metric.name, at: metric.location)
        }
        for query in savedQueries {
            issues += grainIssues(query.queryParams["where"], "saved_query", query.name, at: query.location)
        }
        return issues
    }

    func savedQueryIssues() -> [Issue] {
        let metricNames = Set(metrics.map(\.name))
        var groupNames = metricNames.union(["metric_time"])
        for model in semanticModels {
            groupNames.formUnion(model.dimensions.map(\.elementName))
            groupNames.formUnion(model.entities.map(\.elementName))
        }
        var issues: [Issue] = []
        for query in savedQueries {
            for metric in query.metrics where !metricNames.contains(metric) {
                issues.append(error("`\(metric)` is not a valid metric name.", at: query.location))
            }
            guard case .list(let groupBys)? = query.queryParams["group_by"] else { continue }
            for item in groupBys.compactMap(\.stringValue) {
                let calls = SemanticCall.all(in: item)
                if calls.count != 1 || !groupNames.contains(calls[0].elementName) {
                    issues.append(error("`\(item)` is not a valid group-by name.", at: query.location))
                }
            }
            if let limit = query.queryParams["limit"]?.number, limit < 0 {
                issues.append(error("Invalid limit value: \(Int(limit)) (should be >= 0)", at: query.location))
            }
        }
        return issues
    }

    /// A `TimeDimension(name, grain)` whose grain MetricFlow does not know is a warning.
    private func grainIssues(_ filter: ConfigValue?, _ kind: String, _ name: String, at location: FileLocation) -> [Issue] {
        guard case .list(let filters)? = filter?["where_filters"] else { return [] }
        let known = "[" + Self.granularities.map { "'\($0)'" }.joined(separator: ", ") + "]"
        return filters.compactMap { $0["where_sql_template"]?.stringValue }.flatMap { SemanticCall.all(in: $0) }.compactMap { call -> Issue? in
            guard call.function == "TimeDimension", call.arguments.count > 1,
                  !Self.granularities.contains(call.arguments[1].lowercased()) else { return nil }
            return warning("Filter for \(Self.enumText("SemanticManifestNodeType", kind)) `\(name)` is not valid. `\(call.arguments[1])` is not a valid granularity name. "
                           + "Valid granularity options: \(known)", at: location)
        }
    }
}

/// A call of MetricFlow's query syntax in a filter or group-by: `Dimension('order__is_food')`,
/// `TimeDimension('order__ordered_at', 'day')`, `Entity('customer')`, `Metric('revenue', group_by=[...])`.
struct SemanticCall {
    var function: String
    /// Its quoted arguments, in order.
    var arguments: [String]

    /// The element it names: the part of its first argument after the last `__`.
    var elementName: String {
        let name = arguments.first ?? ""
        return name.components(separatedBy: "__").last ?? name
    }

    static let functions = ["TimeDimension", "Dimension", "Entity", "Metric"]

    /// The calls in a text, in order.
    static func all(in text: String) -> [SemanticCall] {
        var calls: [SemanticCall] = []
        var rest = Substring(text)
        while let start = functions.compactMap({ name in rest.range(of: name + "(").map { (name, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let (name, range) = start
            // `TimeDimension(` contains `Dimension(`: only a call not preceded by a letter counts.
            if range.lowerBound > rest.startIndex, rest[rest.index(before: range.lowerBound)].isLetter {
                rest = rest[range.upperBound...]
                continue
            }
            var arguments: [String] = []
            var index = range.upperBound
            while index < rest.endIndex, rest[index] != ")" {
                let character = rest[index]
                if character == "'" || character == "\"",
                   let close = rest[rest.index(after: index)...].firstIndex(of: character) {
                    arguments.append(String(rest[rest.index(after: index)..<close]))
                    index = rest.index(after: close)
                } else {
                    index = rest.index(after: index)
                }
            }
            calls.append(SemanticCall(function: name, arguments: arguments))
            rest = rest[index...]
        }
        return calls
    }
}
