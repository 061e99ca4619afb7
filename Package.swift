// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swiftdbt",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Jinja", targets: ["Jinja"]),
    ],
    targets: [
        /// The Jinja2-compatible template engine. Knows nothing of dbt or databases.
        .target(name: "Jinja"),
        .testTarget(
            name: "JinjaTests",
            dependencies: ["Jinja"]
        ),
        /// Parse and render timings of a typical model template.
        .executableTarget(
            name: "jinja-bench",
            dependencies: ["Jinja"],
            path: "Benchmarks/JinjaBench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
