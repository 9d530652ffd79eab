import Foundation
import MigrationPlanningTestSupport
import Testing

@testable import MigrationPlanning

@Suite struct SpecSheetTests {
  static let reader = SpecSheetReader(catalog: Shipped.catalog, deadline: day(2026, 3, 31))

  static var shippedSheets: [String] {
    FileCheck.files(in: Paths.catalog + "/vendors", extension: "xml")
  }

  @Test func everyShippedSheetReadsClean() throws {
    #expect(Self.shippedSheets.count == 9)
    for path in Self.shippedSheets {
      let diagnostics = DiagnosticCollector()
      let sheet = try Self.reader.read(path: path, diagnostics: diagnostics)
      #expect(sheet != nil, "\(path)")
      #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
    }
  }

  @Test func shippedSheetsAreValidAgainstTheXSD() throws {
    for path in Self.shippedSheets + Paths.fixtures("sheets-good") {
      let diagnostics = DiagnosticCollector()
      try SchemaCheck.validate(
        file: path, schema: Paths.catalog + "/schema/vendor-spec-sheet.xsd",
        diagnostics: diagnostics)
      #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
    }
  }

  @Test func readsTheFormatsExampleWithForeignElements() throws {
    let diagnostics = DiagnosticCollector()
    let sheet = try #require(
      try Self.reader.read(
        path: Paths.fixtures + "/sheets-good/foreign-and-minimal.xml", diagnostics: diagnostics))
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
    #expect(sheet.vendorId == "fujitsu-japan")
    #expect(sheet.vendorName == "富士通Japan株式会社")
    #expect(sheet.otherNames.map(\.1) == ["Fujitsu Japan Limited"])
    #expect(sheet.issued == day(2023, 11, 30))
    #expect(sheet.products.map(\.id) == ["fj-jumin", "fj-other"])
    let product = sheet.products[0]
    #expect(product.covers.map(\.area) == ["jumin-kiroku", "inkan-toroku"])
    #expect(product.clouds == [.aws, .oci])
    #expect(product.capacity == 3)
    #expect(product.earliestStart == day(2024, 4, 1))
    #expect(product.counts[.function, .mandatory, .implemented] == 1)
    #expect(product.counts[.function, .optional, .planned] == 1)
    #expect(product.counts[.function, .mandatory, .deferred] == 1)
    #expect(product.counts[.function, .prohibited, .notImplemented] == 1)
    #expect(product.counts[.form, .mandatory, .implemented] == 1)
    #expect(product.counts.total(.function) == 4)
    #expect(product.notes.map(\.id) == ["0010003", "F0010002"])
    #expect(sheet.products[1].capacity == nil)
  }

  /// Each bad fixture names the diagnostics it must raise: nothing missing,
  /// nothing extra; errors mean no sheet.
  @Test(arguments: Paths.fixtures("sheets-bad"))
  func badSheetRaisesExactlyItsDiagnostics(path: String) throws {
    let diagnostics = DiagnosticCollector()
    var sheet: SpecSheet?
    do {
      sheet = try Self.reader.read(path: path, diagnostics: diagnostics)
    } catch {
      diagnostics.emit(error.diagnostic)
    }
    #expect(
      Expectation.actual(diagnostics) == Expectation.expected(for: path),
      "\(diagnostics.sorted.map(\.description))")
    #expect((sheet == nil) == diagnostics.hasErrors)
    for diagnostic in diagnostics.diagnostics {
      #expect(
        diagnostic.location.line > 0 && diagnostic.location.column > 0, "\(diagnostic.description)")
    }
  }

  @Test func columnsPointAtTheAttribute() throws {
    let diagnostics = DiagnosticCollector()
    _ = try Self.reader.read(
      path: Paths.fixtures + "/sheets-bad/rejects.xml", diagnostics: diagnostics)
    let bad = try #require(diagnostics.diagnostics.first { $0.id == "bad-number" })
    // <migration capacity="0"/> at line 14: 'capacity' starts in column 16.
    #expect(bad.location.line == 14 && bad.location.column == 16)
  }

  /// Columns are found in 64 KiB blocks: lines that straddle a block, and
  /// a line longer than a block, give the columns the in-memory reader
  /// gives, without reading a line whole.
  @Test func columnsAcrossBlocksMatchTheInMemoryReader() throws {
    let original = try String(
      contentsOfFile: Paths.fixtures + "/sheets-bad/rejects.xml", encoding: .utf8)
    // A comment of 70,000 characters on line 2 pushes every later line past
    // the first block; one of 200,000 makes line 2 longer than three.
    for padding in [70_000, 200_000] {
      var lines = original.components(separatedBy: "\n")
      lines.insert("<!-- " + String(repeating: "x", count: padding) + " -->", at: 1)
      let text = lines.joined(separator: "\n")
      let path = NSTemporaryDirectory() + "migplan-columns-" + UUID().uuidString + ".xml"
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let fromFile = DiagnosticCollector()
      _ = try Self.reader.read(path: path, diagnostics: fromFile)
      let fromBytes = DiagnosticCollector()
      _ = Self.reader.read(bytes: Array(text.utf8), name: path, diagnostics: fromBytes)
      #expect(!fromFile.diagnostics.isEmpty)
      #expect(fromFile.sorted.map(\.location) == fromBytes.sorted.map(\.location))
      let bad = try #require(fromFile.diagnostics.first { $0.id == "bad-number" })
      #expect(bad.location.line == 15 && bad.location.column == 16)
    }
  }

  /// Schemas with imports compile on many threads at once: the allowance
  /// to load a schema's imports is each compiling thread's own, so every
  /// validation finds its imports, and a thread that is not compiling may
  /// open nothing, not even a file of the schema directory.
  @Test func schemasLoadFromManyThreadsAtOnce() throws {
    let sheets = Self.shippedSheets
    let schema = Paths.catalog + "/schema/vendor-spec-sheet.xsd"
    let results = SharedResults()
    DispatchQueue.concurrentPerform(iterations: 32) { index in
      let diagnostics = DiagnosticCollector()
      do throws(InputFailure) {
        try SchemaCheck.validate(
          file: sheets[index % sheets.count], schema: schema, diagnostics: diagnostics)
      } catch {
        diagnostics.emit(error.diagnostic)
      }
      results.append(diagnostics.sorted.map(\.description))
    }
    #expect(results.all.count == 32)
    let problems = results.all.flatMap { $0 }
    #expect(problems.isEmpty, "\(problems.prefix(3))")
    #expect(!ExternalEntityPolicy.allows(Paths.catalog + "/schema/catalog.xsd"))
  }

  /// Hostile input made at test time: each is refused with a diagnostic.
  @Test func deepNestingAndHugeAttributesAreRefused() throws {
    let directory = NSTemporaryDirectory() + "migplan-hostile-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let head = "<specSheet xmlns=\"urn:migplan:vendor-spec-sheet:1\" issued=\"2023-11-30\">"
    let deep = directory + "/deep.xml"
    try
      (head + String(repeating: "<x:a xmlns:x=\"urn:x\">", count: 100_000)
      + String(repeating: "</x:a>", count: 100_000) + "</specSheet>").write(
        toFile: deep, atomically: true, encoding: .utf8)
    let huge = directory + "/huge.xml"
    var text =
      "<specSheet xmlns=\"urn:migplan:vendor-spec-sheet:1\" issued=\"2023-11-30\">\n<vendor id=\""
    text += String(repeating: "a", count: 50 << 20)
    text += "\"/></specSheet>\n"
    try text.write(toFile: huge, atomically: true, encoding: .utf8)
    for (path, id) in [(deep, "xml-malformed"), (huge, "xml-malformed")] {
      let diagnostics = DiagnosticCollector()
      let sheet = try Self.reader.read(path: path, diagnostics: diagnostics)
      #expect(sheet == nil)
      #expect(diagnostics.diagnostics.first?.id == id, "\(diagnostics.sorted.map(\.description))")
    }
    #expect(throws: InputFailure.self) {
      _ = try Self.reader.read(path: directory, diagnostics: DiagnosticCollector())
    }
  }

  @Test func vendorsResolveByNormalisedOfficialName() throws {
    let inputs = Shipped.inputs
    let vendors = inputs.vendors
    #expect(vendors.sheets(forVendorNamed: "富士通Ｊａｐａｎ 株式会社").count == 1)
    #expect(vendors.sheets(forVendorNamed: "(株)両毛システムズ").count == 1)
    #expect(vendors.sheets(forVendorNamed: "両毛システム").isEmpty)
    let plan = inputs.plan
    let inkan = try #require(plan.system("inkan"))
    #expect(vendors.product(for: inkan, plan: plan)?.product.id == "fj-jumin")
    let koseki = try #require(plan.system("koseki"))
    #expect(vendors.product(for: koseki, plan: plan)?.product.id == "ry-koseki")
  }

  @Test func fitReportsMissingSheetsAndUncoveredAreas() throws {
    var plan = Shipped.inputs.plan
    plan.vendors.append(
      PlanVendor(id: "newco", name: "新興システム株式会社", capacity: nil, location: plan.location))
    let index = try #require(plan.systems.firstIndex { $0.id == "koseki" })
    plan.systems[index].respondents.append("newco")
    plan.systems[index].areas.append("kaigo")
    let diagnostics = DiagnosticCollector()
    SpecFit.check(plan: plan, vendors: Shipped.inputs.vendors, diagnostics: diagnostics)
    let ids = diagnostics.diagnostics.filter { $0.description.contains("'koseki'") }.map(\.id)
    #expect(ids.contains("no-spec-sheet"))
    // 両毛 offers no 介護 product; 富士通 does (fj-kaigo); newco sent nothing.
    #expect(ids.filter { $0 == "area-not-offered" }.count == 1)
    #expect(ids.contains("deferred-functions"))
  }

  @Test func versionsCompareNumerically() {
    #expect(SpecSheetReader.isOlder("3.2", than: "4.0"))
    #expect(SpecSheetReader.isOlder("4.0", than: "4.0.1"))
    #expect(!SpecSheetReader.isOlder("10.0", than: "9.1"))
    #expect(!SpecSheetReader.isOlder("4.0", than: "4.0"))
  }
}

/// Results gathered from concurrent work.
final class SharedResults: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [[String]] = []

  func append(_ item: [String]) { lock.withLock { items.append(item) } }

  var all: [[String]] { lock.withLock { items } }
}
