// swift-tools-version:6.0
// The libFuzzer target of the spec-sheet reader, in a package of its own so
// that the main package's `swift build` never links a binary without main.
// Build and run it with scripts/fuzz.
import PackageDescription

let package = Package(
  name: "migplan-fuzz",
  dependencies: [.package(name: "migplan", path: "../..")],
  targets: [
    .executableTarget(
      name: "SpecSheetFuzzer",
      dependencies: [.product(name: "MigrationPlanning", package: "migplan")]
    )
  ]
)
