import Testing

@testable import MigrationPlanning

@Suite struct KPIReportTests {
  static func report(_ plan: Plan, asOf: CivilDate? = nil) throws -> KPIReport {
    let schedule = try #require(
      MigrationScheduler(catalog: Shipped.catalog, plan: plan, vendors: Shipped.inputs.vendors)
        .schedule(diagnostics: DiagnosticCollector()))
    return KPIReport(plan: plan, catalog: Shipped.catalog, schedule: schedule, asOf: asOf)
  }

  /// The seed report's evaluations, row by row.
  @Test func shinagawaEvaluationsAreTheReports() throws {
    let report = try Self.report(Shipped.inputs.plan)
    let evaluations = report.rows.map {
      $0.indicators.map(\.evaluation.rawValue).joined(separator: " / ")
    }
    #expect(evaluations == ["△", "△ / △", "○", "○", "○", "○", "○ / △", "○ / △", "○"])
    #expect(report.rows.map(\.number) == Array(1...9))
    for row in report.rows {
      for indicator in row.indicators { #expect(!indicator.reason.isEmpty) }
    }
  }

  @Test func standardizationIsComputedFromTheSchedule() throws {
    var plan = Shipped.inputs.plan
    let standard = try #require(
      try Self.report(plan).rows.first { $0.number == 5 }?.indicators.first)
    #expect(standard.evaluation == .onPlan)
    #expect(standard.progress.contains("移行済み 0/18事務"))
    // With one project at a time, systems go late: ×.
    plan.staffCapacity = 1
    let tight = try #require(try Self.report(plan).rows.first { $0.number == 5 }?.indicators.first)
    #expect(tight.evaluation == .farBehind)
    #expect(tight.reason.contains("late"))
  }

  @Test func changingAMeasurementChangesTheEvaluation() throws {
    var plan = Shipped.inputs.plan
    func setMeasurement(_ id: String, _ value: Double) {
      for (i, initiative) in plan.kpis.enumerated() {
        for (j, indicator) in initiative.indicators.enumerated() where indicator.id == id {
          if case .measured(let rule, var measurements) = indicator.source {
            measurements[measurements.count - 1].value = value
            plan.kpis[i].indicators[j].source = .measured(rule, measurements)
          }
        }
      }
    }
    setMeasurement("rpa", 28)  // 28 of 25 expected by end of January: on plan
    setMeasurement("online-procedures", 250)  // 250 of 583 expected: far behind
    let report = try Self.report(plan)
    let rpa = try #require(report.rows.flatMap(\.indicators).first { $0.id == "rpa" })
    #expect(rpa.evaluation == .onPlan)
    let online = try #require(
      report.rows.flatMap(\.indicators).first { $0.id == "online-procedures" })
    #expect(online.evaluation == .farBehind)
    #expect(online.reason.contains("pro rata"))
  }

  @Test func proRataDependsOnTheDayOfEvaluation() throws {
    // RPA: 23 tasks against 30 by 2024-03-31. Early in the year 23 is ahead.
    var plan = Shipped.inputs.plan
    for (i, initiative) in plan.kpis.enumerated() {
      for (j, indicator) in initiative.indicators.enumerated() where indicator.id == "rpa" {
        if case .measured(let rule, _) = indicator.source {
          plan.kpis[i].indicators[j].source = .measured(
            rule, [KPIMeasurement(date: day(2023, 9, 1), value: 23, note: nil)])
        }
      }
    }
    let september = try Self.report(plan, asOf: day(2023, 10, 1))
    #expect(september.rows.flatMap(\.indicators).first { $0.id == "rpa" }?.evaluation == .onPlan)
    let march = try Self.report(plan, asOf: day(2024, 3, 31))
    #expect(march.rows.flatMap(\.indicators).first { $0.id == "rpa" }?.evaluation == .behind)
  }

  @Test func officialAndEffortWeightedRates() throws {
    let figures = try Self.report(Shipped.inputs.plan).standardization
    let jumin = try #require(figures.areas.first { $0.area == "jumin-kiroku" })
    #expect(jumin.complete == 33 && jumin.officialRate == 33.0 / 40)
    // The remaining steps are the long ones: effort lags the official rate.
    #expect(jumin.effortWeightedRate < jumin.officialRate)
    #expect(figures.areas.count == 18)
    #expect(figures.systemCount == 17)
  }

  @Test func projectionFollowsTheTrend() {
    let measurements = [
      KPIMeasurement(date: day(2024, 1, 1), value: 10, note: nil),
      KPIMeasurement(date: day(2024, 1, 11), value: 20, note: nil),
    ]
    #expect(abs(KPIReport.project(measurements, to: day(2024, 1, 21)) - 30) < 1e-9)
  }
}

/// The status tables read in English with English headers (#26: the
/// walk-through found "Pmo done" and "Tokutei", made from the keys).
@Suite struct StatusHeaderTests {
  @Test func everyStatusColumnHasItsEnglishHeader() throws {
    let inputs = Shipped.inputs
    let schedule = try #require(
      MigrationScheduler(catalog: inputs.catalog, plan: inputs.plan, vendors: inputs.vendors)
        .schedule(diagnostics: DiagnosticCollector()))
    let baseline = Baseline(name: "b0", schedule: schedule, plan: inputs.plan)
    for unit in [MigrationStatusReport.Unit.area, .system] {
      for kept in [nil, baseline] {
        let report = MigrationStatusReport(
          plan: inputs.plan, catalog: inputs.catalog, schedule: schedule, unit: unit,
          baseline: kept)
        let made = report.columns.filter { $0.english == nil }.map(\.key)
        // Keys that read as English as they are ("Slack days").
        let plain: Set = [
          "vendors", "deadline", "status", "slack_days", "days_late", "procurement_method",
          "procurement_status",
        ]
        #expect(Set(made).isSubset(of: plain), "\(made)")
      }
    }
  }
}
