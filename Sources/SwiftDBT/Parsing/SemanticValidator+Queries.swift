import Foundation
import Jinja

/// MetricFlow's rules on what queries name: metric filters and saved queries' `where` and group-bys are Jinja
/// templates (a syntax error is an error), the `TimeDimension` grains of filters, and a saved query's metrics,
/// group-bys and limit.
extension SemanticValidator {
    func filterIssues() -> [Issue] {
        var issues: [Issue] = []
        for metric in metrics {
            for (filter, doing) in filters(of: metric) {
                let invalid = templates(filter).filter { !Self.isJinja($0) }
                guard invalid.isEmpty else {
                    // dbt's message also quotes MetricFlow's Python traceback after each filter.
                    let filters = invalid.map { "Filter:\n\(Self.indented($0))\nError Message:\n\(Self.indented(Self.jinjaError($0)))" }
                    issues.append(error("An error occurred while trying to parse \(doing) - \(Self.parseException): "
                                        + "Encountered error(s) while parsing:\n\n" + filters.joined(separator: "\n"), at: metric.location))
                    continue
                }
                issues += grainIssues(filter, "metric", metric.name, at: metric.location)
            }
        }
        for query in savedQueries {
            let filters = templates(query.queryParams["where"])
            let invalid = filters.filter { !Self.isJinja($0) }
            for filter in invalid {
                issues.append(error("An error occurred while trying to parse a filter in saved query `\(query.name)` - "
                                    + "\(Self.parseException): \(Self.jinjaError(filter))", at: query.location))
            }
            if invalid.count < filters.count {
                issues += grainIssues(query.queryParams["where"], "saved_query", query.name, at: query.location)
            }
        }
        return issues
    }

    /// A metric's filters in the order MetricFlow reads them (its own, its measure's, its numerator's and
    /// denominator's, its input metrics'), each with what dbt says it was parsing.
    private func filters(of metric: Metric) -> [(filter: ConfigValue?, doing: String)] {
        var filters: [(ConfigValue?, String)] = [(metric.filter, "filter of metric `\(metric.name)`")]
        if let measure = metric.typeParameter("measure"), measure != .null {
            filters.append((measure["filter"], "filter of measure input `\(measure.elementName)` on metric `\(metric.name)`"))
        }
        for side in ["numerator", "denominator"] {
            if let input = metric.typeParameter(side), input != .null {
                filters.append((input["filter"], "the \(side) filter on metric `\(metric.name)`"))
            }
        }
        for input in metric.metricInputs {
            filters.append((input["filter"], "filter for input metric `\(input.elementName)` on metric `\(metric.name)`"))
        }
        return filters
    }

    /// The `where_sql_template`s of a filter.
    private func templates(_ filter: ConfigValue?) -> [String] {
        guard case .list(let filters)? = filter?["where_filters"] else { return [] }
        return filters.compactMap { $0["where_sql_template"]?.stringValue }
    }

    /// The exception MetricFlow reports for a template it cannot parse.
    private static let parseException = "dbt_semantic_interfaces.call_parameter_sets.ParseJinjaObjectException"

    private static func jinjaError(_ template: String) -> String { "Error while parsing Jinja template:\n\(template)" }

    /// Whether the text parses as a Jinja template.
    private static func isJinja(_ template: String) -> Bool {
        (try? Environment().parse(template)) != nil
    }

    /// Each line with text indented by four spaces, as Python's `textwrap.indent` does.
    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy(\.isWhitespace) ? String($0) : "    " + $0 }.joined(separator: "\n")
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
                // MetricFlow reads a group-by as the template `{{<item>}}`.
                guard Self.isJinja("{{" + item + "}}") else {
                    issues.append(error("An error occurred while trying to parse a group-by in saved query `\(query.name)` - "
                                        + "\(Self.parseException): \(Self.jinjaError("{{" + item + "}}"))", at: query.location))
                    continue
                }
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
        let granularities = knownGranularities
        let known = Self.pythonList(granularities)
        return templates(filter).flatMap { SemanticCall.all(in: $0) }.compactMap { call -> Issue? in
            guard call.function == "TimeDimension", call.arguments.count > 1,
                  !granularities.contains(call.arguments[1].lowercased()) else { return nil }
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
