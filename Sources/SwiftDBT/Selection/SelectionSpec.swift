/// What to select: a criterion, or criteria combined by set operations (parsed from `--select`/`--exclude`
/// or a `selectors.yml` definition).
public indirect enum SelectionSpec: Sendable {
    case criterion(SelectionCriterion)
    case group(SelectionGroup)

    /// Whether a criterion uses `state:`, `result:` or `source_status:`, which compare with `--state`.
    public var readsState: Bool { uses(.state) || uses(.result) || uses(.sourceStatus) }

    /// Whether a criterion uses `method`.
    public func uses(_ method: SelectorMethod) -> Bool {
        switch self {
        case .criterion(let criterion): return criterion.method == method
        case .group(let group): return group.components.contains { $0.uses(method) }
        }
    }

    /// What dbt selects when `--select` is absent: every node of the graph.
    private static let defaultIncludes = ["fqn:*", "source:*", "exposure:*", "metric:*", "semantic_model:*"]

    /// The command-line selection: the union of the `select` entries (everything when nil or empty) minus the
    /// union of the `exclude` entries. Each entry may hold several space-separated criteria; a comma joins
    /// criteria into an intersection.
    public static func parse(select: [String]?, exclude: [String]? = nil) throws -> SelectionSpec {
        let select = select.flatMap { $0.isEmpty ? nil : $0 }
        let included = try union(select ?? defaultIncludes, expectsMatches: select != nil)
        let excluded = try union(exclude ?? [], expectsMatches: exclude != nil)
        return .group(SelectionGroup(.difference, [included, excluded], indirectSelection: .eager))
    }

    /// `["a b", "c,d"]` becomes union(intersection(a), intersection(b), intersection(c, d)).
    private static func union(_ entries: [String], expectsMatches: Bool) throws -> SelectionSpec {
        let words = entries.flatMap { $0.split(separator: " ").map(String.init) }
        let intersections = try words.map { word in
            let criteria = try word.split(separator: ",", omittingEmptySubsequences: false)
                .map { SelectionSpec.criterion(try SelectionCriterion.parse(String($0))) }
            return SelectionSpec.group(SelectionGroup(.intersection, criteria, raw: word,
                                                      expectsMatches: expectsMatches))
        }
        return .group(SelectionGroup(.union, intersections, raw: entries.joined(separator: " ")))
    }
}
