import Testing

@testable import MigrationPlanning

/// The plan-graph checks, on small plans stated inline.
@Suite struct PlanGraphCheckTests {
  /// A plan of two systems (住民記録 and 戸籍の附票), with `extra` before </plan>.
  static func plan(_ extra: String, koseki: String = "", vendor: String = "vendor=\"v1\"") -> String
  {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <plan xmlns="urn:migplan:plan:1" municipality="テスト町" asOf="2024-01-31" deadline="2026-03-31">
      <staff capacity="2"/>
      <vendor id="v1" name="テストベンダ株式会社" capacity="1"/>
      <area ref="jumin-kiroku"/>
      <area ref="koseki-fuhyo"/>
      <system id="jumin" name="住民記録システム" \(vendor) procurement="negotiated" procurementStatus="planned">
        <serves area="jumin-kiroku"/>
      </system>
      <system id="koseki" name="戸籍システム" vendor="v1" procurement="negotiated" procurementStatus="planned">
        <serves area="koseki-fuhyo"/>\(koseki)
      </system>
    \(extra)
    </plan>
    """
  }

  static func load(_ text: String) -> (Plan?, [String]) {
    let diagnostics = DiagnosticCollector()
    let plan = PlanLoader.load(
      bytes: Array(text.utf8), path: "p.xml", catalog: Shipped.catalog, diagnostics: diagnostics)
    return (plan, diagnostics.sorted.map { "\($0.id)@\($0.location.line)" })
  }

  @Test func aCatalogRuleAndAPlanLinkCloseACycle() {
    // The catalog has 戸籍の附票 go live after 住民記録; the plan says the reverse.
    let (plan, found) = Self.load(
      Self.plan("  <goLiveAfter system=\"jumin\" after=\"koseki\"/>"))
    #expect(plan == nil)
    #expect(found == ["golive-cycle@10", "golive-cycle@13"])
  }

  @Test func aLinkToItselfIsACycle() {
    let (plan, found) = Self.load(Self.plan("  <goLiveAfter system=\"jumin\" after=\"jumin\"/>"))
    #expect(plan == nil)
    #expect(found == ["golive-cycle@13"])
  }

  @Test func aRecordedGoLiveWaitsForNothing() {
    // 戸籍の附票 is live already: the link back from 住民記録 closes no cycle.
    let live = "\n    <step ref=\"18.1\" status=\"done\" start=\"2023-10-02\" end=\"2023-10-03\"/>"
    let (plan, found) = Self.load(
      Self.plan("  <goLiveAfter system=\"jumin\" after=\"koseki\"/>", koseki: live))
    #expect(plan != nil)
    #expect(!found.contains { $0.hasPrefix("golive-cycle") })
  }

  @Test func aSystemWithoutVendorIsAWarningAtLoad() {
    let (plan, found) = Self.load(Self.plan("", vendor: ""))
    #expect(plan != nil)
    #expect(found == ["no-vendor@7"])
  }

  @Test func componentsAreStronglyConnected() {
    let components = StronglyConnected.components(
      nodes: 5, edges: [(0, 1), (1, 2), (2, 0), (3, 4)])
    #expect(components[0] == components[1] && components[1] == components[2])
    #expect(components[3] != components[4] && components[3] != components[0])
  }
}
