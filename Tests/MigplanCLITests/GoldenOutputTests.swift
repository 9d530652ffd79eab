import Foundation
import Testing

/// Every machine-readable output of the default plan, byte for byte: CSV,
/// JSON and iCalendar. A change to any of them is a change to a format
/// others read; re-record with MIGPLAN_RECORD=1 and say why in the commit.
@Suite struct GoldenOutputTests {
  @Test(arguments: [
    ("schedule.json", ["schedule", "--format", "json"]),
    ("export-area.csv", ["export", "csv"]),
    ("export-system-ja.csv", ["export", "csv", "--by", "system", "--lang", "ja"]),
    ("export-area.json", ["export", "csv", "--format", "json"]),
    ("proposals.csv", ["proposals", "--format", "csv"]),
    ("proposals.json", ["proposals", "--format", "json"]),
    ("proposals.ics", ["proposals", "--format", "ics"]),
    ("kpi.csv", ["kpi", "--format", "csv"]),
    ("kpi.json", ["kpi", "--format", "json"]),
    ("specs.csv", ["specs", "--format", "csv"]),
    ("specs.json", ["specs", "--format", "json"]),
    ("portfolio.csv", ["portfolio", "plans/shinagawa", "--format", "csv"]),
    ("portfolio.json", ["portfolio", "plans/shinagawa", "--format", "json"]),
    ("kpi-pmo.csv", ["kpi", "--pmo", "--format", "csv"]),
    ("kpi-pmo.json", ["kpi", "--pmo", "--format", "json"]),
    (
      "rcpsp.json",
      ["rcpsp", "Tests/MigrationPlanningTests/Fixtures/psplib/j301_1.sm", "--format", "json"]
    ),
  ])
  func machineOutput(name: String, arguments: [String]) throws {
    let run = try CLI.run(arguments)
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    try Golden.check(name, run.stdout)
  }

  /// With a baseline, re-planned a year later: the slip columns.
  @Test func outputsAgainstABaseline() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let saved = try CLI.run(["baseline", "save", "b1", "--plan", plan])
    #expect(saved.status == 0, "\(saved.stderr)")
    for (name, arguments) in [
      ("schedule-baseline.json", ["schedule", "--format", "json"]),
      ("export-baseline-excel.csv", ["export", "csv", "--excel", "--lang", "ja"]),
    ] {
      let run = try CLI.run(
        arguments + ["--plan", plan, "--baseline", "b1", "--as-of", "2025-01-31"])
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      try Golden.check(name, run.stdout)
    }
  }
}
