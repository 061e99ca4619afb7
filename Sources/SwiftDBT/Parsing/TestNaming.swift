/// A generic test's names and unique ID as dbt makes them, worked out from its property entry alone (so the
/// specs of a project can be named on every core before their nodes are made one after another).
struct TestNaming: Sendable {
    /// `dbt_utils` in `dbt_utils.expression_is_true`.
    let namespace: String?
    /// The test's name without its namespace: `expression_is_true`.
    let testName: String
    /// What the name is made from: the model's name (`name_v2` for a version) or `source_table`.
    let subject: String
    let column: String?
    /// The name the node's file is filed under (truncated and hashed past 63 characters).
    let shortName: String
    /// The node's name: the entry's `name:`, else the full generated name.
    let name: String
    let uniqueID: String
    /// The `model` argument dbt passes the test macro: `{{ get_where_subquery(ref('orders')) }}`.
    let modelArgument: String

    init(_ spec: PropertyFile.TestSpec, attached: ManifestBuilder.AttachedTarget, package: String) {
        var prefix = ""
        let model: String
        switch attached {
        case .node(let name, let version, let col):
            (subject, column) = (ManifestBuilder.testSubject(name, version: version), col)
            model = version.map { "ref('\(name)', version='\($0)')" } ?? "ref('\(subject)')"
        case .source(let source, let table, let col):
            (subject, column) = ("\(source)_\(table)", col)
            prefix = "source_"
            model = "source('\(source)', '\(table)')"
        }
        let parts = ASCIIText.split(spec.name, ".", maxSplits: 1)
        (namespace, testName) = parts.count == 2 ? (Optional(parts[0]), parts[1]) : (nil, spec.name)
        // The entry's arguments, then `column_name` when the test is under a column: what the name and hash are made of.
        var kwargs = spec.arguments
        if let column { kwargs.append(("column_name", .string(column))) }
        // dbt prefixes a namespaced test's name with its namespace: `dbt_utils_equality_...`, `dbt_utils_source_...`.
        let type = (namespace.map { $0 + "_" } ?? "") + prefix + testName
        let (short, full) = ManifestBuilder.testNames(type: type, subject: subject, kwargs: kwargs)
        // dbt names the node by the full name and files it under the short (hashed) one.
        shortName = short
        name = spec.customName ?? full
        modelArgument = "{{ get_where_subquery(\(model)) }}"
        uniqueID = "test.\(package).\(name)."
            + TestArguments.hash(name: name, test: testName, namespace: namespace, kwargs: kwargs, model: modelArgument)
    }
}
