extension ProjectNode {
    /// The name a run's progress lines give the node: `<model>::<unit test>` for a unit test, as dbt prints it.
    public var progressName: String {
        guard let unitTest else { return name }
        return unitTest.spec.model + "::" + name + (version.map { "_v\($0.version)" } ?? "")
    }
}
