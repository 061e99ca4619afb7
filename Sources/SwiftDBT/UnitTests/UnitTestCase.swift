/// What a unit test node carries besides its place in the graph: its `unit_tests:` entry, the model it tests,
/// and where its fixture files live.
struct UnitTestCase: Sendable {
    var spec: UnitTestSpec
    /// The unique ID of the model under test (one version of a versioned model).
    var testedModel: String
    /// The `<test-path>/fixtures` folders of the unit test's package, absolute.
    var fixtureFolders: [String]
}
