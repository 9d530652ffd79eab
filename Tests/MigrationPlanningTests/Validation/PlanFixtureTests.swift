import Foundation
import Testing

@testable import MigrationPlanning

@Suite struct PlanFixtureTests {
  @Test func minimalPlanLoads() throws {
    let diagnostics = DiagnosticCollector()
    let plan = try #require(
      try PlanLoader.load(
        file: Paths.fixtures + "/plans-good/minimal.xml", catalog: Shipped.catalog,
        diagnostics: diagnostics))
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
    #expect(plan.areas == ["jumin-kiroku", "koseki"])
    #expect(plan.systems.map(\.id) == ["s1", "s2"])
    #expect(plan.system("s1")?.status(of: "1.1") == .done)
    #expect(plan.system("s1")?.status(of: "1.2") == .inProgress)
    #expect(plan.system("s1")?.status(of: "2.1") == .notStarted)
    #expect(plan.system("s2")?.milestones.first?.kind == .notice)
    #expect(plan.atRiskDays == 60)
  }

  /// Each bad fixture names the diagnostics it must raise (id@line): nothing
  /// may be missing and nothing extra.
  @Test(arguments: Paths.fixtures("plans-bad"))
  func badPlanRaisesExactlyItsDiagnostics(path: String) throws {
    let diagnostics = DiagnosticCollector()
    var plan: Plan?
    do {
      plan = try PlanLoader.load(file: path, catalog: Shipped.catalog, diagnostics: diagnostics)
    } catch {
      diagnostics.emit(error.diagnostic)
    }
    let expected = Expectation.expected(for: path)
    #expect(!expected.isEmpty, "fixture states no expectation")
    #expect(Expectation.actual(diagnostics) == expected, "\(diagnostics.sorted.map(\.description))")
    if expected.contains(where: {
      !$0.hasPrefix("status-order") && !$0.hasPrefix("missing-capacity")
    }) {
      #expect(plan == nil)
    }
    for diagnostic in diagnostics.diagnostics {
      #expect(diagnostic.location.file == path)
      #expect(diagnostic.location.line > 0)
      #expect(diagnostic.location.column > 0)
    }
  }

  @Test(arguments: Paths.fixtures("templates-bad"))
  func badTemplateRaisesExactlyItsDiagnostics(path: String) throws {
    let diagnostics = DiagnosticCollector()
    let template = try CatalogLoader.loadTemplate(path: path, diagnostics: diagnostics)
    #expect(template == nil)
    #expect(
      Expectation.actual(diagnostics) == Expectation.expected(for: path),
      "\(diagnostics.sorted.map(\.description))")
  }

  @Test func missingPlanDirectoryIsAMissingInput() {
    let diagnostics = DiagnosticCollector()
    #expect(throws: InputFailure.self) {
      _ = try PlanLoader.load(
        directory: "/nonexistent/plan", catalog: Shipped.catalog, diagnostics: diagnostics)
    }
  }
}
