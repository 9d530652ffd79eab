import Foundation
import Testing

@testable import MigrationPlanning

/// A catalog held in memory (the copy built into the binary) reads as the
/// same catalog directory does, names its files in diagnostics, and
/// refuses a set of files that lacks one.
@Suite struct CatalogSourceTests {
  /// catalog/'s files, read into memory as the build plugin embeds them.
  static func inMemory(leaving left: String? = nil) -> CatalogSource {
    let names =
      ["areas.xml", "steps.xml", "calendar.xml"]
      + ((try? FileManager.default.contentsOfDirectory(atPath: Paths.catalog + "/vendors")) ?? [])
      .filter { $0.hasSuffix(".xml") }.map { "vendors/" + $0 }
    return .files(
      name: "memory",
      names.filter { $0 != left }.shuffled().map {
        CatalogFile(
          path: $0,
          bytes: Array(FileManager.default.contents(atPath: Paths.catalog + "/" + $0) ?? Data()))
      })
  }

  @Test func theSameInputsAsTheDirectory() throws {
    let diagnostics = DiagnosticCollector()
    let fromMemory = try #require(
      try InputStage.load(
        catalog: Self.inMemory(), planDirectory: Paths.shinagawa, diagnostics: diagnostics))
    let fromDisk = Shipped.inputs
    #expect(fromMemory.catalog.areas.map(\.id) == fromDisk.catalog.areas.map(\.id))
    #expect(fromMemory.catalog.template.steps.count == fromDisk.catalog.template.steps.count)
    // The sheets in file-name order, whatever order the files came in.
    #expect(fromMemory.vendors.sheets.map(\.vendorId) == fromDisk.vendors.sheets.map(\.vendorId))
    #expect(fromMemory.vendors.sheets.allSatisfy { $0.path.hasPrefix("memory/vendors/") })
    #expect(fromMemory.vendors.sheets.count > 1)
    let memorySchedule = MigrationScheduler(
      catalog: fromMemory.catalog, plan: fromMemory.plan, vendors: fromMemory.vendors
    ).schedule(diagnostics: diagnostics)
    let diskSchedule = MigrationScheduler(
      catalog: fromDisk.catalog, plan: fromDisk.plan, vendors: fromDisk.vendors
    ).schedule(diagnostics: diagnostics)
    #expect(memorySchedule?.tasks.map(\.start) == diskSchedule?.tasks.map(\.start))
  }

  @Test func aMissingFileIsNamed() {
    let diagnostics = DiagnosticCollector()
    #expect(throws: InputFailure.self) {
      try CatalogLoader.load(source: Self.inMemory(leaving: "steps.xml"), diagnostics: diagnostics)
    }
    do {
      _ = try CatalogLoader.load(
        source: Self.inMemory(leaving: "steps.xml"), diagnostics: diagnostics)
    } catch {
      #expect(error.diagnostic.location.file == "memory/steps.xml")
      #expect(error.kind == .missing)
    }
  }

  @Test func aBadSheetInMemoryIsLocatedByItsName() throws {
    guard case .files(let name, var files) = Self.inMemory() else { return }
    let index = try #require(files.firstIndex { $0.path.hasPrefix("vendors/") })
    files[index].bytes = Array("<?xml version=\"1.0\"?>\n<specSheet>\n<oops".utf8)
    let diagnostics = DiagnosticCollector()
    _ = try InputStage.load(
      catalog: .files(name: name, files), planDirectory: Paths.shinagawa,
      diagnostics: diagnostics)
    #expect(
      diagnostics.sorted.contains {
        $0.severity == .error && $0.location.file == "memory/" + files[index].path
          && $0.location.line > 0
      }, "\(diagnostics.sorted)")
  }
}
