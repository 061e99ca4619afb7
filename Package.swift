// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swiftdbt",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "swiftdbt", targets: ["swiftdbt"]),
        .library(name: "Jinja", targets: ["Jinja"]),
        .library(name: "SwiftDBT", targets: ["SwiftDBT"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // MD5, SHA-1 and SHA-256 digests (checksums, test names, package-lock.yml); already built for gRPC's TLS.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // Spark Connect (the Spark adapter only): gRPC over HTTP/2 and protocol buffers.
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        /// The Jinja2-compatible template engine. Knows nothing of dbt or databases.
        .target(name: "Jinja", exclude: ["README.md", "COMPATIBILITY.md"]),
        /// Project loading, graph and selection, compilation context, execution.
        .target(name: "SwiftDBT", dependencies: ["Jinja", .product(name: "Yams", package: "Yams"),
                                              .product(name: "Crypto", package: "swift-crypto")],
                resources: [.copy("Resources/macros"), .copy("Resources/docs")]),
        /// The system SQLite library.
        .systemLibrary(name: "CSQLite", path: "Sources/SQLiteAdapter/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        /// The SQLite adapter (the embedded default).
        .target(name: "SQLiteAdapter", dependencies: ["SwiftDBT", "CSQLite"], exclude: ["CSQLite"], resources: [.copy("macros")]),
        /// The system libpq (PostgreSQL's client library).
        .systemLibrary(name: "CLibPQ", path: "Sources/PostgresAdapter/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        /// The PostgreSQL adapter.
        .target(name: "PostgresAdapter", dependencies: ["SwiftDBT", "CLibPQ"], exclude: ["CLibPQ"], resources: [.copy("macros")]),
        /// The Spark adapter, over Spark Connect (gRPC); `Protocol/` holds the protocol's Swift code, generated once
        /// by scripts/generate-spark-protocol.sh.
        .target(name: "SparkAdapter", dependencies: [
            "SwiftDBT", "ArrowIPC",
            .product(name: "GRPCCore", package: "grpc-swift-2"),
            .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
            .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ], exclude: ["Protocol/spark_connect.proto"], resources: [.copy("macros")]),
        /// The command-line interface.
        .executableTarget(name: "swiftdbt", dependencies: [
            "SwiftDBT", "SQLiteAdapter", "PostgresAdapter", "SparkAdapter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "JinjaTests", dependencies: ["Jinja", "DeterministicRandom", "TestSupport"], exclude: ["Conformance", "Corpus", "Fixtures"]),
        /// What the test targets share: running the built `swiftdbt`, a PostgreSQL server of a test's own.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SwiftDBTTests", dependencies: ["SwiftDBT", "SQLiteAdapter", "Jinja", "TestSupport", "DeterministicRandom"], exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "SQLiteAdapterTests", dependencies: ["SQLiteAdapter", "SwiftDBT"]),
        .testTarget(name: "PostgresAdapterTests", dependencies: ["PostgresAdapter", "SQLiteAdapter", "SwiftDBT", "TestSupport"]),
        .testTarget(name: "SparkAdapterTests", dependencies: ["SparkAdapter", "SwiftDBT", "TestSupport"], exclude: ["Fixtures"]),
        /// Parse and render timings of a typical model template.
        .executableTarget(name: "jinja-bench", dependencies: ["Jinja"], path: "Benchmarks/JinjaBench"),
        .executableTarget(name: "attribution-data", dependencies: ["DeterministicRandom"], path: "Sources/attribution-data"),
        /// A seeded random number generator, for generated data and reproducible randomized tests.
        .target(name: "DeterministicRandom"),
        /// A reader of Arrow IPC streams (Spark Connect's result format), without dependencies. Knows nothing of dbt.
        .target(name: "ArrowIPC", exclude: ["README.md"]),
        .testTarget(name: "ArrowIPCTests", dependencies: ["ArrowIPC"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds link the Swift runtime and Foundation statically (as `swift build --static-swift-stdlib`):
// the dynamic loader's symbol binding for them took a third of a short command (`swiftdbt ls`: 56 -> 38 ms).
// The flag is needed when compiling too, so that modules ask for the static libraries.
let staticStandardLibrary: [String] = ["-static-stdlib"]
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(staticStandardLibrary, .when(configuration: .release))]
    if target.type == .executable {
        target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(staticStandardLibrary, .when(configuration: .release))]
    }
}
