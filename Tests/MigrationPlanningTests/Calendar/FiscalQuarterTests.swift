import Testing

@testable import MigrationPlanning

/// Fiscal quarters: April to June is Q1 of the fiscal year it starts.
@Suite struct FiscalQuarterTests {
  @Test(arguments: [
    ("2025-04-01", 2025, 1, "2025-04-01"), ("2025-06-30", 2025, 1, "2025-04-01"),
    ("2025-07-01", 2025, 2, "2025-07-01"), ("2025-12-31", 2025, 3, "2025-10-01"),
    ("2026-01-01", 2025, 4, "2026-01-01"), ("2026-03-31", 2025, 4, "2026-01-01"),
  ])
  func quarterOfADate(date: String, fiscalYear: Int, number: Int, first: String) throws {
    let quarter = FiscalQuarter(containing: try #require(CivilDate(iso: date)))
    #expect(quarter.fiscalYear == FiscalYear(fiscalYear))
    #expect(quarter.number == number)
    #expect(quarter.firstDay.iso == first)
    #expect(FiscalQuarter.starts(on: quarter.firstDay))
  }

  @Test func theActsDeadlineIsTheEndOfR7() {
    #expect(FiscalYear.standardizationDeadline.iso == "2026-03-31")
    #expect(FiscalYear.standardizationDeadline.fiscalYear.reiwa == 7)
  }
}
