// swift-tools-version:6.0
import PackageDescription

// `make test` (and so CI) builds the project's own targets with warnings as errors: the build
// prints no warning, and stays so. Other builds only warn, so a newer compiler's new warnings
// never stop a user's build.
let strict: [SwiftSetting] = Context.environment["REPORT_STRICT"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let package = Package(
  name: "report",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "report", targets: ["report"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(
      name: "ReportKit",
      dependencies: [
        "CCmarkGFM", .product(name: "Yams", package: "Yams"), .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: [
        .enableUpcomingFeature("InternalImportsByDefault"),
        // Dynamic exclusivity checks cost ~2% on million-test inputs; the debug build keeps them.
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
      ] + strict
    ),
    .executableTarget(
      name: "report",
      dependencies: [
        "ReportKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    // A real PostgreSQL server for the tests of both targets (scripts/pg_test_server.sh).
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
    .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "TestSupport"], swiftSettings: strict),
    .testTarget(name: "ReportCLITests", dependencies: ["report", "TestSupport"], swiftSettings: strict),
  ]
)
