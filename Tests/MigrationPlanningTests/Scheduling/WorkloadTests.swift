import Foundation
import Testing

@testable import MigrationPlanning

/// One workload (#23): `--plan` and PATHs load into one type, the core
/// chooses the search, and no command builds a scheduler of its own.
@Suite struct WorkloadTests {
  private func load(_ source: Workload.Source) throws -> Workload {
    let diagnostics = DiagnosticCollector()
    let workload = try InputStage.loadWorkload(
      catalog: .directory(Paths.catalog), source: source, diagnostics: diagnostics)
    return try #require(workload, "\(diagnostics.sorted)")
  }

  /// A plan gets a plan's search; PATHs get the search of their size.
  @Test func theSourceChoosesTheSearch() throws {
    let plan = try load(.plan(directory: Paths.shinagawa))
    let paths = try load(.paths([Paths.shinagawa]))
    #expect(plan.planDirectory == Paths.shinagawa && paths.planDirectory == nil)
    #expect(plan.planInputs?.plan.municipality == paths.plans.first?.municipality)
    #expect(paths.planInputs == nil)
    let settings = plan.searchSettings
    let expected = MigrationScheduler.defaultSettings
    #expect(settings.scheduleBudget == expected.scheduleBudget)
    #expect(settings.populationSize == expected.populationSize)
    let portfolio = SearchSettings.forPortfolio(plans: 1)
    #expect(paths.searchSettings.scheduleBudget == portfolio.scheduleBudget)
    #expect(paths.searchSettings.scheduleBudget < settings.scheduleBudget)
  }

  /// The workload of one plan schedules as the single-plan scheduler does:
  /// the same go-live for every system.
  @Test func aPlanScheduledAsAWorkloadMatchesTheScheduler() throws {
    let workload = try load(.plan(directory: Paths.shinagawa))
    let diagnostics = DiagnosticCollector()
    let fromWorkload = try #require(workload.scheduler().schedule(diagnostics: diagnostics))
    let direct = try #require(
      MigrationScheduler(
        catalog: Shipped.inputs.catalog, plan: Shipped.inputs.plan, vendors: Shipped.inputs.vendors
      )
      .schedule(diagnostics: DiagnosticCollector()))
    #expect(fromWorkload.count == 1)
    #expect(
      fromWorkload[0].systems.map { "\($0.id) \($0.goLive)" }
        == direct.systems.map { "\($0.id) \($0.goLive)" })
  }

  /// Re-planning backwards is refused for a workload of either source.
  @Test func replanningBackwardsIsRefusedForBoth() throws {
    for source in [Workload.Source.plan(directory: Paths.shinagawa), .paths([Paths.shinagawa])] {
      let workload = try load(source)
      let asOf = try #require(workload.plans.first?.asOf)
      #expect(throws: Replanning.Refusal.self) {
        try workload.replanned(
          to: asOf.adding(days: -1), diagnostics: DiagnosticCollector())
      }
    }
  }

  /// The command line and the benchmark neither choose a plan's or a
  /// portfolio's search settings (`rcpsp` keeps its own, for PSPLIB) nor
  /// build schedulers and forecasts, and no command calls another's statics.
  @Test func noCommandBuildsItsOwnScheduler() throws {
    let sources = URL(fileURLWithPath: Paths.repository).appendingPathComponent("Sources")
    var offenders: [String] = []
    for target in ["migplan", "migplan-bench"] {
      let folder = sources.appendingPathComponent(target)
      let files = try #require(FileManager.default.enumerator(atPath: folder.path))
      for case let file as String in files where file.hasSuffix(".swift") {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for pattern in [
          "forPortfolio(", "defaultSettings", "PortfolioScheduler(", "MonteCarloForecast(",
          "Migplan.Portfolio.",
          "loadPortfolio(",
        ] where text.contains(pattern) {
          offenders.append("\(target)/\(file): \(pattern)")
        }
      }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }
}
