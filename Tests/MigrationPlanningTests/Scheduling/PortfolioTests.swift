import Foundation
import Testing

@testable import MigrationPlanning

@Suite struct PortfolioTests {
  /// Two municipalities sharing one vendor with little capacity: together
  /// they finish later than either alone.
  @Test func sharedVendorCapacityBindsAcrossPlans() throws {
    var plan = Shipped.inputs.plan
    plan.kpis = []
    var other = plan
    other.municipality = "隣区"
    let scheduler = { (plans: [Plan]) in
      PortfolioScheduler(
        catalog: Shipped.catalog, plans: plans, vendors: Shipped.inputs.vendors,
        sharedCapacities: ["富士通Japan株式会社": 2],
        settings: SearchSettings(scheduleBudget: 1, populationSize: 1))
    }
    let alone = try #require(scheduler([plan]).run(diagnostics: DiagnosticCollector()))
    let together = try #require(scheduler([plan, other]).run(diagnostics: DiagnosticCollector()))
    #expect(together.schedules.count == 2)
    let fujitsu = { (result: PortfolioResult) in
      result.schedules[0].systems.filter { $0.vendor == "fujitsu-japan" }.map(\.goLive).max()
    }
    let aloneLast = try #require(fujitsu(alone))
    let togetherLast = try #require(fujitsu(together))
    #expect(togetherLast > aloneLast)
    let load = try #require(together.vendorLoads.first { $0.resource == "vendor:fujitsu-japan" })
    #expect(load.capacity == 2)
    // Once the recorded work in progress (four systems) is over, never above capacity.
    #expect(
      load.quarters.filter { $0.start >= day(2024, 7, 1) }.allSatisfy { $0.average <= 2 + 1e-9 })
    #expect(load.quarters.contains { $0.average > 1 })
  }

  @Test func nationalPortfolioIsGeneratedDeterministically() throws {
    let data = Paths.fixtures + "/national"
    let a = try NationalPortfolio.generate(dataDirectory: data, catalog: Shipped.catalog, seed: 7)
    let b = try NationalPortfolio.generate(dataDirectory: data, catalog: Shipped.catalog, seed: 7)
    let c = try NationalPortfolio.generate(dataDirectory: data, catalog: Shipped.catalog, seed: 8)
    #expect(NationalPortfolio.xml(a) == NationalPortfolio.xml(b))
    #expect(NationalPortfolio.xml(a) != NationalPortfolio.xml(c))
    #expect(a.municipalities.count == 6)
    // Every area of the rates (20 per municipality in this data) becomes a migration.
    #expect(a.municipalities.allSatisfy { $0.migrations.count == 20 })
    let sapporo = try #require(a.municipalities.first)
    #expect(sapporo.name == "札幌市")
    // 住民記録 at 0.65 of 40 steps: 26 done.
    #expect(sapporo.migrations.first { $0.area == "jumin-kiroku" }?.done == 26)
    #expect(sapporo.migrations.contains { $0.tokutei != nil })
    let half = try NationalPortfolio.generate(
      dataDirectory: data, catalog: Shipped.catalog, seed: 7, fraction: 0.5)
    #expect(half.municipalities.count == 3)
  }

  @Test func generatedPortfolioLoadsAndSchedules() throws {
    let generated = try NationalPortfolio.generate(
      dataDirectory: Paths.fixtures + "/national", catalog: Shipped.catalog, seed: 1)
    let directory = NSTemporaryDirectory() + "migplan-portfolio-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try NationalPortfolio.xml(generated).write(
      toFile: directory + "/portfolio.xml", atomically: true, encoding: .utf8)
    let diagnostics = DiagnosticCollector()
    let loaded = try #require(
      try PortfolioLoader.load(
        paths: [directory], catalog: Shipped.catalog, diagnostics: diagnostics))
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
    #expect(loaded.plans.count == 6)
    #expect(loaded.sharedCapacities.count == NationalPortfolio.vendorShares.count)
    let result = try #require(
      PortfolioScheduler(
        catalog: Shipped.catalog, plans: loaded.plans, sharedCapacities: loaded.sharedCapacities,
        settings: SearchSettings(scheduleBudget: 1, populationSize: 1), includeTasks: false
      ).run(diagnostics: DiagnosticCollector()))
    let report = PortfolioReport(plans: loaded.plans, result: result, catalog: Shipped.catalog)
    #expect(report.areas.total == 120)
    #expect(report.areas.total == report.areas.inTime + report.areas.late)
    #expect(report.rows.count == 120)
    #expect(report.prefectures.map(\.name) == ["北海道"])
    // A fully done area is done; an area on the 特定移行支援 list has the later deadline.
    for (plan, schedule) in zip(loaded.plans, result.schedules) {
      for outcome in schedule.systems {
        let system = try #require(plan.system(outcome.id))
        if system.steps.count == 40 { #expect(outcome.status == .done) }
        if system.tokuteiDeadline != nil { #expect(outcome.deadline == day(2031, 3, 31)) }
      }
    }
  }

  /// The default sample count falls as the tasks grow: 1,000 for
  /// Shinagawa, 100 for the national portfolio, never below 100, always a
  /// multiple of 50.
  @Test func defaultSamplesFollowTheInputsSize() {
    #expect(MonteCarloForecast.defaultSamples(tasks: 680) == 1000)
    #expect(MonteCarloForecast.defaultSamples(tasks: 34_820 * 40) == 100)
    var previous = Int.max
    for tasks in stride(from: 1, through: 3_000_000, by: 7_919) {
      let samples = MonteCarloForecast.defaultSamples(tasks: tasks)
      #expect(samples <= previous && (100...1000).contains(samples) && samples % 50 == 0)
      previous = samples
    }
    let forecast = MonteCarloForecast(
      catalog: Shipped.inputs.catalog, plans: [Shipped.inputs.plan], settings: .init())
    #expect(forecast.defaultSamples == 1000)
  }
}
