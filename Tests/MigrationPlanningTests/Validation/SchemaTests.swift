import MigrationPlanningTestSupport
import Testing

@testable import MigrationPlanning

/// The XSDs in catalog/schema/ describe the shipped files: they must accept
/// them, and reject a structurally bad fixture.
@Suite struct SchemaTests {
  static let schemas = Paths.catalog + "/schema"

  @Test(arguments: [
    ("catalog/areas.xml", "catalog.xsd"), ("catalog/steps.xml", "catalog.xsd"),
    ("catalog/calendar.xml", "catalog.xsd"), ("plans/shinagawa/plan.xml", "plan.xsd"),
    ("plans/shinagawa/costs.xml", "costs.xsd"),
    ("Tests/MigrationPlanningTests/Fixtures/plans-good/minimal.xml", "plan.xsd"),
  ])
  func shippedFilesAreValid(file: String, schema: String) throws {
    let diagnostics = DiagnosticCollector()
    try SchemaCheck.validate(
      file: Paths.repository + "/" + file, schema: Self.schemas + "/" + schema,
      diagnostics: diagnostics)
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
  }

  @Test func structuralErrorsAreInvalid() throws {
    let diagnostics = DiagnosticCollector()
    try SchemaCheck.validate(
      file: Paths.fixtures + "/plans-bad/structure.xml", schema: Self.schemas + "/plan.xsd",
      diagnostics: diagnostics)
    let lines = Set(
      diagnostics.diagnostics.filter { $0.id == "schema-invalid" }.map(\.location.line))
    // Missing municipality (3), capacity 0 and unknown attribute (4), unknown element (7).
    #expect(lines.isSuperset(of: [3, 4, 7]), "\(diagnostics.sorted.map(\.description))")
  }
}
