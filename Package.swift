// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "migplan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "migplan", targets: ["migplan"]),
    .library(name: "MigrationPlanning", targets: ["MigrationPlanning"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The workbook's zip container (zlib, Debian: zlib1g-dev).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // libxml2 through pkg-config, with the ICU clash, Swift 6 concurrency
    // and the safe entity loader worked around in shim.h.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The spec-sheet reader's hot loop, in C (include/SheetKernel.h says
    // what it shares with Swift).
    .target(
      name: "CSheetKernel",
      dependencies: ["CLibXML2"]
    ),
    // The system call that replaces a plan directory in one step
    // (renameat2), which Swift's Glibc module does not declare.
    .target(name: "CFileSystem"),
    // A pull reader of one workbook part (stored or deflated) with the
    // size and ratio limits, for libxml2's streaming reader (zlib).
    .target(name: "CInflate", linkerSettings: [.linkedLibrary("z")]),
    // The library core: every pipeline stage, no printing, no ArgumentParser.
    .target(
      name: "MigrationPlanning",
      dependencies: [
        "CLibXML2",
        "CSheetKernel",
        "CFileSystem",
        "CInflate",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // The thin command-line front end, with the catalog built in.
    .executableTarget(
      name: "migplan",
      dependencies: [
        "MigrationPlanning",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["EmbedCatalogPlugin"]
    ),
    // The built-in catalog is a build product: the plugin runs the tool on
    // catalog/ at every build (EmbeddedCatalog.swift, never in the tree).
    .executableTarget(name: "EmbedCatalog"),
    .plugin(
      name: "EmbedCatalogPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedCatalog"],
      path: "Sources/EmbedCatalogPlugin"
    ),
    // Checks that only the tests use: a schedule's invariants from its dates
    // alone, and a file against an XSD.
    .target(
      name: "MigrationPlanningTestSupport",
      dependencies: ["MigrationPlanning"]
    ),
    // Benchmarks: figures, not tests (scripts/bench runs them).
    .executableTarget(
      name: "migplan-bench",
      dependencies: ["MigrationPlanning"]
    ),
    .testTarget(
      name: "MigrationPlanningTests",
      dependencies: [
        "MigrationPlanning", "MigrationPlanningTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "MigplanCLITests",
      dependencies: ["MigrationPlanning"],
      exclude: ["Golden", "Tables", "Sheets", "Interchange", "Workbooks"]
    ),
  ]
)
