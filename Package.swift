// swift-tools-version:6.0
import PackageDescription

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
      ],
      swiftSettings: [
        .enableUpcomingFeature("InternalImportsByDefault"),
        // Dynamic exclusivity checks cost ~2% on million-test inputs; the debug build keeps them.
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
      ]
    ),
    .executableTarget(
      name: "report",
      dependencies: [
        "ReportKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ReportKitTests", dependencies: ["ReportKit"]),
    .testTarget(name: "ReportCLITests", dependencies: ["report"]),
  ]
)
