/// What builds a node of one materialization: a `{% materialization %}` macro, or swiftdbt's own.
public enum MaterializationChoice: Sendable {
    /// `view`, `table`, `incremental` (and `ephemeral`) as swiftdbt builds them in Swift (`Materializer`).
    case builtin
    /// A project's, a package's or swiftdbt's `materialization_<name>_<adapter>` macro.
    case macro(MacroEntry)
}

extension MacroRegistry {
    /// The materializations swiftdbt builds in Swift; for the others a macro must exist.
    static let builtinMaterializations: Set<String> = ["view", "table", "incremental", "ephemeral"]

    /// The materialization `name` resolves to, as dbt-core finds one: the adapter's own
    /// (`materialization_<name>_<adapter>`) before `_default`, whoever defines them; among equals, the
    /// root project's, then a package's, then the built-in one. A package's materialization does not
    /// replace a built-in one unless `allowPackageOverrides` (dbt's project flag
    /// `require_explicit_package_overrides_for_builtin_materializations: false`).
    ///
    /// `adapterBuiltins` are the built-in materializations the adapter declares as its own (dbt-sqlite
    /// has `view`, `table` and `incremental` for `sqlite`; dbt-postgres only the defaults).
    public func materialization(_ name: String, adapterBuiltins: Set<String>,
                                allowPackageOverrides: Bool = false) -> MaterializationChoice? {
        var candidates: [Candidate] = []
        for (specificity, adapter) in [adapterType, "default"].enumerated() {
            let macroName = "materialization_\(name)_\(adapter)"
            if let found = macro(macroName, in: rootPackage) {
                candidates.append(Candidate(choice: .macro(found), specificity: specificity, locality: .root))
            }
            for package in packageNames where package != rootPackage && package != MacroRegistry.internalPackage {
                if let found = macro(macroName, in: package) {
                    candidates.append(Candidate(choice: .macro(found), specificity: specificity, locality: .imported))
                }
            }
            if let found = macro(macroName, in: MacroRegistry.internalPackage) {
                candidates.append(Candidate(choice: .macro(found), specificity: specificity, locality: .core))
            } else if MacroRegistry.builtinMaterializations.contains(name),
                      (specificity == 0) == adapterBuiltins.contains(name) {
                candidates.append(Candidate(choice: .builtin, specificity: specificity, locality: .core))
            }
        }
        guard let best = candidates.min(by: Candidate.isBetter) else { return nil }
        if best.locality == .imported, !allowPackageOverrides, candidates.contains(where: { $0.locality == .core }) {
            return candidates.filter { $0.locality != .imported }.min(by: Candidate.isBetter)?.choice
        }
        return best.choice
    }

    private struct Candidate {
        enum Locality: Int { case core = 1, imported, root }
        var choice: MaterializationChoice
        /// 0: the adapter's own; 1: `default`.
        var specificity: Int
        var locality: Locality

        static func isBetter(_ a: Candidate, _ b: Candidate) -> Bool {
            a.specificity != b.specificity ? a.specificity < b.specificity : a.locality.rawValue > b.locality.rawValue
        }
    }
}
