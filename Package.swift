// swift-tools-version: 6.0
import PackageDescription

// Layering (see docs/architecture.md): IEC62443 ← ZonalModel ← ZonalAnalysis ← ZonalReports ← zonal.
// A lower module never imports a higher one.
let package = Package(
    name: "Zonal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zonal", targets: ["zonal"]),
        .library(name: "ZonalAnalysis", targets: ["ZonalAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // 4.x for CryptoExtras' scrypt with an explicit memory limit (ZonalStore); ZonalReports uses only SHA256.
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // Gzip-compressed captures (ZonalTraffic); links the system zlib (zlib1g-dev).
        .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
        // TLS to PostgreSQL (ZonalStore); already in the graph through postgres-nio.
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        .target(name: "IEC62443", resources: [.process("Resources")]),
        .target(name: "ZonalModel", dependencies: ["IEC62443", "Yams", .product(name: "CSV", package: "CSV.swift")], resources: [.process("Resources")]),
        .target(name: "ZonalFirewall", dependencies: ["ZonalModel"]),
        .target(name: "ZonalAnalysis", dependencies: ["ZonalModel", "ZonalTraffic", "ZonalFirewall", .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "ZonalTraffic", dependencies: ["ZonalModel", .product(name: "CompressNIO", package: "compress-nio")]),
        .target(name: "ZonalReports", dependencies: ["ZonalAnalysis", "ZonalFirewall", .product(name: "Mustache", package: "swift-mustache"),
                                                    .product(name: "Crypto", package: "swift-crypto")],
                resources: [.copy("Templates")]),
        .target(
            name: "ZonalStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "ZonalServer",
            dependencies: ["ZonalStore", "ZonalReports", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .executableTarget(
            name: "zonal",
            dependencies: ["ZonalReports", "ZonalFirewall", "ZonalStore", "ZonalServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "zonal-bench",
            dependencies: ["ZonalModel", "Yams"],
            path: "Benchmarks/ModelBench"
        ),
        .executableTarget(name: "zonal-firewall-bench", dependencies: ["ZonalFirewall"], path: "Benchmarks/firewall", exclude: ["run.sh", "README.md"]),
        .target(name: "ZonalTestSupport", dependencies: ["ZonalModel"], path: "Tests/ZonalTestSupport"),
        .testTarget(name: "IEC62443Tests", dependencies: ["IEC62443"]),
        .testTarget(name: "ZonalModelTests", dependencies: ["ZonalModel", "ZonalTestSupport"]),
        .testTarget(name: "ZonalAnalysisTests", dependencies: ["ZonalAnalysis", "ZonalTestSupport"]),
        .testTarget(name: "ZonalCLITests", dependencies: ["zonal", "ZonalCaptureGenerator", "ZonalTestSupport", "ZonalStore"]),
        .testTarget(name: "ZonalReportsTests", dependencies: ["ZonalReports", "ZonalTestSupport"], resources: [.copy("Resources"), .copy("Golden")]),
        .target(name: "ZonalCaptureGenerator", dependencies: ["ZonalTraffic"], path: "Benchmarks/traffic/CaptureGenerator"),
        .executableTarget(name: "zonal-capgen", dependencies: ["ZonalCaptureGenerator"], path: "Benchmarks/traffic/capgen"),
        .testTarget(name: "ZonalTrafficTests", dependencies: ["ZonalTraffic", "ZonalAnalysis", "ZonalCaptureGenerator", "ZonalTestSupport"],
                    exclude: ["RealStacks"]),
        .testTarget(name: "ZonalFirewallTests", dependencies: ["ZonalFirewall", "ZonalAnalysis"]),
        .testTarget(name: "ZonalServerTests", dependencies: ["ZonalServer", .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "ZonalStoreTests", dependencies: ["ZonalStore", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
