/// Exposures and saved queries as dbt 1.10's `build` runs them: nodes that execute nothing and report
/// `no-op`, after what they depend on (through metrics and semantic models), skipped when that fails.
extension Manifest {
    /// The resource types that run as no-op nodes.
    public static let noOpTypes: Set<ResourceType> = [.exposure, .savedQuery]

    /// Exposures and saved queries as run nodes: no SQL, no relation, what they depend on.
    var noOpNodes: [ProjectNode] {
        resourceGraphNodes.filter { Manifest.noOpTypes.contains($0.resourceType) }.map { resource in
            var node = ProjectNode(uniqueID: resource.uniqueID, resourceType: resource.resourceType, name: resource.name,
                                   packageName: resource.packageName, path: Manifest.path(of: resource.originalFilePath),
                                   originalFilePath: resource.originalFilePath, packageRoot: "", fqn: resource.fqn, rawCode: "",
                                   config: NodeConfig(), definedAt: FileLocation(path: resource.originalFilePath, line: 1, column: 1))
            node.dependsOn = resource.dependsOn
            return node
        }
    }

    /// The resource type of a result's node: a node of the manifest, an exposure or a saved query (nil for a hook).
    public func runResourceType(_ uniqueID: String) -> ResourceType? {
        if let index = position(of: uniqueID) { return nodes[index].resourceType }
        if exposures.contains(where: { $0.uniqueID == uniqueID }) { return .exposure }
        if savedQueries.contains(where: { $0.uniqueID == uniqueID }) { return .savedQuery }
        return nil
    }
}
