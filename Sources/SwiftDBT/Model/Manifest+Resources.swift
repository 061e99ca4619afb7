/// Exposures and the semantic layer as graph nodes and as dbt names them (`fqn`, `path`).
extension Manifest {
    /// A property-file resource's fqn: its package, the folders of its file under the resource folder, its name.
    static func fqn(package: String, file: String, name: String) -> [String] {
        [package] + ASCIIText.split(file, "/").dropFirst().dropLast() + [name]
    }

    /// A property-file resource's `path`: its file relative to the resource folder.
    static func path(of file: String) -> String {
        ASCIIText.split(file, "/", maxSplits: 1).last ?? file
    }

    /// Exposures, metrics, semantic models and saved queries, each with what it depends on.
    var resourceGraphNodes: [GraphNode] {
        func node(_ uniqueID: String, _ name: String, _ type: ResourceType, _ package: String, _ file: String,
                  tags: [String] = [], dependsOn: [String]) -> GraphNode {
            GraphNode(uniqueID: uniqueID, name: name, resourceType: type, packageName: package,
                      fqn: Manifest.fqn(package: package, file: file, name: name), originalFilePath: file, tags: tags,
                      dependsOn: dependsOn)
        }
        return exposures.map { node($0.uniqueID, $0.name, .exposure, $0.packageName, $0.originalFilePath, tags: $0.tags, dependsOn: $0.dependsOn) }
            + metrics.map { node($0.uniqueID, $0.name, .metric, $0.packageName, $0.originalFilePath, tags: $0.tags, dependsOn: $0.dependsOn) }
            + semanticModels.map { node($0.uniqueID, $0.name, .semanticModel, $0.packageName, $0.originalFilePath, dependsOn: $0.dependsOn) }
            + savedQueries.map { node($0.uniqueID, $0.name, .savedQuery, $0.packageName, $0.originalFilePath, tags: $0.tags, dependsOn: $0.dependsOn) }
    }
}
