import Foundation
import Testing

@testable import MigrationPlanning

/// Every loader reads input held in memory, so a test can state a small
/// input inline.
@Suite struct InMemoryLoadingTests {
  static func bytes(_ file: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: Paths.catalog + "/" + file)))
  }

  @Test func theShippedCatalogLoadsFromMemory() throws {
    let diagnostics = DiagnosticCollector()
    let catalog = try #require(
      CatalogLoader.load(
        areas: try Self.bytes("areas.xml"), steps: try Self.bytes("steps.xml"),
        calendar: try Self.bytes("calendar.xml"), diagnostics: diagnostics))
    #expect(diagnostics.diagnostics.isEmpty)
    #expect(catalog.areas.map(\.id) == Shipped.catalog.areas.map(\.id))
    #expect(catalog.template.steps.map(\.id) == Shipped.catalog.template.steps.map(\.id))
  }

  @Test func aBrokenCalendarInMemoryIsLocated() throws {
    let diagnostics = DiagnosticCollector()
    let catalog = CatalogLoader.load(
      areas: try Self.bytes("areas.xml"), steps: try Self.bytes("steps.xml"),
      calendar: Array("<calendar xmlns=\"urn:migplan:catalog:1\"><oops/></calendar>".utf8),
      directory: "mem", diagnostics: diagnostics)
    #expect(catalog == nil)
    #expect(diagnostics.sorted.first?.location.file == "mem/calendar.xml")
  }

  static let baseline = """
    <baseline xmlns="urn:migplan:baseline:1" name="2026-11" municipality="テスト町" asOf="2026-11-27">
      <system id="s1" goLive="2027-01-04" deadline="2026-03-31">
        <task step="1.1" start="2026-11-30" end="2026-12-01"/>
      </system>
    </baseline>
    """

  @Test func aBaselineLoadsFromMemory() throws {
    let diagnostics = DiagnosticCollector()
    let baseline = try #require(
      BaselineLoader.load(
        bytes: Array(Self.baseline.utf8), path: "b.xml", diagnostics: diagnostics))
    #expect(baseline.name == "2026-11")
    #expect(baseline.system("s1")?.goLive.iso == "2027-01-04")
  }

  @Test func aBaselineTaskEndingBeforeItStartsIsRefusedAtItsLine() {
    let diagnostics = DiagnosticCollector()
    let text = Self.baseline.replacingOccurrences(
      of: "end=\"2026-12-01\"", with: "end=\"2026-11-01\"")
    #expect(
      BaselineLoader.load(bytes: Array(text.utf8), path: "b.xml", diagnostics: diagnostics) == nil)
    #expect(diagnostics.sorted.map { "\($0.id)@\($0.location.line)" } == ["bad-date-order@3"])
  }

  @Test func aPortfolioLoadsFromMemory() throws {
    let text = """
      <portfolio xmlns="urn:migplan:portfolio:1" name="t" asOf="2026-01-31" deadline="2026-03-31">
        <vendor id="v" name="テストベンダ株式会社" capacity="3"/>
        <municipality code="000001" name="甲町" prefecture="東京都" staff="2">
          <migration area="jumin-kiroku" vendor="v" done="10"/>
          <migration area="住民税" vendor="v" done="0" tokutei="2031-03-31"/>
        </municipality>
        <municipality code="000002" name="乙村" staff="1">
          <migration area="nosuch" vendor="v" done="1"/>
        </municipality>
      </portfolio>
      """
    let diagnostics = DiagnosticCollector()
    let bad = PortfolioLoader.load(
      bytes: Array(text.utf8), path: "p.xml", catalog: Shipped.catalog, diagnostics: diagnostics)
    #expect(bad == nil)
    #expect(diagnostics.sorted.map { "\($0.id)@\($0.location.line)" } == ["unknown-area@8"])
    let good = text.replacingOccurrences(of: "area=\"nosuch\"", with: "area=\"koseki\"")
    let loaded = try #require(
      PortfolioLoader.load(
        bytes: Array(good.utf8), path: "p.xml", catalog: Shipped.catalog,
        diagnostics: DiagnosticCollector()))
    #expect(loaded.plans.map(\.municipality) == ["甲町", "乙村"])
    #expect(loaded.plans[0].systems.map(\.id) == ["jumin-kiroku", "kojin-juminzei"])
    #expect(loaded.sharedCapacities["テストベンダ株式会社"] == 3)
  }
}
