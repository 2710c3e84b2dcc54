// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "teukgu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "teukgu", targets: ["teukgu"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.4.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        // Test only: a client generated from the served OpenAPI document must build and work.
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession.git", from: "1.4.0"),
    ],
    targets: [
        // Domain values and rules: Foundation only, so they test in microseconds and run anywhere.
        .target(name: "TeukguCore"),
        // The negative-list engine: Foundation and Yams only.
        .target(
            name: "RegulationEngine",
            dependencies: [
                "TeukguCore",
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(
            name: "App",
            dependencies: [
                "TeukguCore",
                "RegulationEngine",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]),
        .executableTarget(name: "teukgu", dependencies: ["App"]),
        // Prints figures; never asserts on time.
        .executableTarget(
            name: "TeukguBenchmarks", dependencies: ["TeukguCore", "RegulationEngine"], path: "Benchmarks"),
        .testTarget(name: "TeukguCoreTests", dependencies: ["TeukguCore"]),
        .testTarget(name: "RegulationEngineTests", dependencies: ["RegulationEngine"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]),
    ]
)
