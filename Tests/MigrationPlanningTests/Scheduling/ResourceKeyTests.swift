import Foundation
import Testing

@testable import MigrationPlanning

/// Resource identity is a type (#23): `ResourceKey` writes and reads
/// every id, and nothing else spells or takes apart the string format.
@Suite struct ResourceKeyTests {
  @Test func idsRoundTrip() {
    let keys: [ResourceKey] = [
      .staff(municipality: nil), .staff(municipality: "品川区"),
      .vendor(id: "fujitsu-japan", product: nil), .vendor(id: "fujitsu-japan", product: "fj-zeimu"),
    ]
    #expect(
      keys.map(\.id) == [
        "staff", "staff:品川区", "vendor:fujitsu-japan", "vendor:fujitsu-japan/fj-zeimu",
      ])
    for key in keys { #expect(ResourceKey(id: key.id) == key) }
    for bad in ["", "staffing", "staff:", "vendor:", "vendor:/p", "vendor:v/", "shared:x"] {
      #expect(ResourceKey(id: bad) == nil, "\(bad)")
    }
    #expect(ResourceKey.isStaff("staff:品川区") && !ResourceKey.isStaff("vendor:staff"))
  }

  /// The schedule's resources all parse, and a portfolio's staff are per
  /// municipality.
  @Test func scheduledResourcesAreKeys() throws {
    let schedule = try #require(
      MigrationScheduler(catalog: Shipped.inputs.catalog, plan: Shipped.inputs.plan)
        .schedule(diagnostics: DiagnosticCollector()))
    let keys = schedule.resources.compactMap { ResourceKey(id: $0.id) }
    #expect(keys.count == schedule.resources.count)
    #expect(keys.contains(.staff(municipality: nil)))
    #expect(keys.contains { $0.vendorId != nil })
  }

  /// Outside ResourceKey.swift no source builds an id by its prefix or
  /// takes one apart by it.
  @Test func noOtherSourceSpellsTheFormat() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let sources = root.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    var offenders: [String] = []
    for case let file as String in files
    where file.hasSuffix(".swift") && !file.hasSuffix("ResourceKey.swift") {
      let text = try String(
        contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for pattern in [
        #"hasPrefix("staff"#, #"hasPrefix("vendor"#, #"dropFirst("vendor"#, #""vendor:" +"#,
        #""staff:" +"#, #""vendor:\("#,
      ] where text.contains(pattern) {
        offenders.append("\(file): \(pattern)")
      }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }
}
