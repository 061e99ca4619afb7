extension ProjectFile {
    /// The project's settings with those dbt takes from the environment instead: `DBT_TARGET_PATH` for
    /// `target-path` (as dbt's `--target-path`).
    func overridden(by environment: [String: String]) -> ProjectFile {
        var project = self
        if let targetPath = environment["DBT_TARGET_PATH"], !targetPath.isEmpty { project.targetPath = targetPath }
        return project
    }
}
