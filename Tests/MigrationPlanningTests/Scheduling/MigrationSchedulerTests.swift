import MigrationPlanningTestSupport
import Testing

@testable import MigrationPlanning

@Suite struct MigrationSchedulerTests {
  static func schedule(_ plan: Plan, catalog: Catalog = Shipped.catalog) -> MigrationSchedule? {
    MigrationScheduler(catalog: catalog, plan: plan).schedule(diagnostics: DiagnosticCollector())
  }

  @Test func shinagawaScheduleKeepsEveryInvariant() throws {
    let inputs = Shipped.inputs
    let schedule = try #require(Self.schedule(inputs.plan))
    #expect(schedule.tasks.count == 17 * 40)
    #expect(schedule.systems.count == 17)
    let violations = ScheduleInvariants.violations(
      of: schedule, plan: inputs.plan, calendar: inputs.catalog.calendar)
    #expect(violations.isEmpty, "\(violations.prefix(10))")
    for outcome in schedule.systems {
      #expect(outcome.slackDays == outcome.goLive.days(to: outcome.deadline))
      #expect(!outcome.binding.isEmpty)
    }
  }

  @Test func scheduleIsDeterministic() throws {
    let plan = Shipped.inputs.plan
    let a = try #require(Self.schedule(plan))
    let b = try #require(Self.schedule(plan))
    let catalog = Shipped.catalog
    #expect(
      ReportRenderer.render(ScheduleReport.document(a, plan: plan, catalog: catalog), as: .json)
        == ReportRenderer.render(
          ScheduleReport.document(b, plan: plan, catalog: catalog), as: .json))
  }

  @Test func goLiveWaitsForResidentRecords() throws {
    let schedule = try #require(Self.schedule(Shipped.inputs.plan))
    let jumin = try #require(schedule.outcome("jumin"))
    for outcome in schedule.systems where outcome.id != "jumin" {
      #expect(outcome.goLive >= jumin.goLive, "\(outcome.id)")
    }
  }

  @Test func aLaterTokuteiDeadlineChangesTheStatus() throws {
    var plan = Shipped.inputs.plan
    plan.staffCapacity = 5
    let tight = try #require(Self.schedule(plan))
    let late = try #require(tight.systems.first { $0.status == .late })
    let index = try #require(plan.systems.firstIndex { $0.id == late.id })
    plan.systems[index].tokuteiDeadline = CivilDate(year: 2031, month: 3, day: 31)
    let relaxed = try #require(Self.schedule(plan))
    let outcome = try #require(relaxed.outcome(late.id))
    #expect(outcome.tokutei)
    #expect(outcome.deadline == CivilDate(year: 2031, month: 3, day: 31))
    #expect(outcome.status == .onTrack)
  }

  @Test func contractWaitsForTheBudget() throws {
    // A system whose budget is requested in FY2024 cannot sign before 2025-04-01.
    var plan = Shipped.inputs.plan
    let index = try #require(plan.systems.firstIndex { $0.id == "senkyo" })
    plan.systems[index].budget = BudgetRecord(
      requestedIn: FiscalYear(2024), supplementary: nil, location: plan.location)
    let schedule = try #require(Self.schedule(plan))
    let contract = try #require(schedule.task("senkyo/11.1"))
    #expect(contract.start >= day(2025, 4, 1))
  }

  /// Property: on many generated plans (random sizes, statuses, methods,
  /// capacities, blackouts), every invariant holds.
  @Test(arguments: 0..<24)
  func generatedPlansKeepEveryInvariant(seed: Int) throws {
    let plan = GeneratedPlans.plan(seed: UInt64(seed), catalog: Shipped.catalog)
    let diagnostics = DiagnosticCollector()
    let schedule = try #require(
      MigrationScheduler(
        catalog: Shipped.catalog, plan: plan,
        settings: SearchSettings(scheduleBudget: 8, populationSize: 4, seed: UInt64(seed))
      ).schedule(diagnostics: diagnostics))
    let violations = ScheduleInvariants.violations(
      of: schedule, plan: plan, calendar: Shipped.catalog.calendar)
    #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(5))")
    #expect(schedule.tasks.count == plan.systems.count * 40)
  }

  @Test func theCheckerCatchesABrokenSchedule() throws {
    let inputs = Shipped.inputs
    var schedule = try #require(Self.schedule(inputs.plan))
    let index = try #require(schedule.tasks.firstIndex { $0.id == "koseki/18.1" })
    // Go live before the tests end, and during the New Year closure.
    schedule.tasks[index].start = day(2025, 1, 2)
    schedule.tasks[index].end = day(2025, 1, 3)
    let violations = ScheduleInvariants.violations(
      of: schedule, plan: inputs.plan, calendar: inputs.catalog.calendar)
    #expect(violations.contains { $0.contains("koseki/18.1 starts 2025-01-02, before FS") })
    #expect(violations.contains { $0.contains("non-working day") })
  }
}

/// Plans made up from a seed, for property tests.
enum GeneratedPlans {
  static func plan(seed: UInt64, catalog: Catalog) -> Plan {
    var random = SplitMix64(seed: seed &* 7919 &+ 17)
    let asOf = day(2024, 1 + random.below(12), 1 + random.below(28))
    let location = SourceLocation(file: "generated-\(seed)")
    let vendorCount = 1 + random.below(4)
    let vendors = (0..<vendorCount).map {
      PlanVendor(id: "v\($0)", name: "ベンダ\($0)", capacity: 1 + random.below(3), location: location)
    }
    let areaPool = catalog.areas.map(\.id)
    var areas: [String] = []
    var systems: [LocalSystem] = []
    let systemCount = 1 + random.below(10)
    for index in 0..<systemCount {
      var served = [areaPool[random.below(areaPool.count)]]
      if random.below(3) == 0 { served.append(areaPool[random.below(areaPool.count)]) }
      served = Array(Set(served)).sorted()
      for area in served where !areas.contains(area) { areas.append(area) }
      let method = ProcurementMethod.allCases[random.below(3)]
      // A prefix of the template done, perhaps the next step in progress.
      let doneCount = random.below(35)
      var steps: [StepRecord] = []
      var day = asOf.adding(days: -(doneCount * 9 + 30))
      for (position, step) in catalog.template.steps.enumerated() {
        if position < doneCount {
          let start = catalog.calendar.workingDay(onOrAfter: day)
          let end = start.adding(days: 1 + random.below(8))
          steps.append(
            StepRecord(step: step.id, status: .done, start: start, end: end, location: location))
          day = end
        } else if position == doneCount && random.below(2) == 0 {
          let start = catalog.calendar.workingDay(onOrAfter: min(day, asOf.adding(days: -1)))
          let end = random.below(2) == 0 ? asOf.adding(days: 5 + random.below(60)) : nil
          steps.append(
            StepRecord(
              step: step.id, status: .inProgress, start: start, end: end, location: location))
        } else if random.below(15) == 0 {
          steps.append(
            StepRecord(
              step: step.id, status: .notApplicable, start: nil, end: nil, location: location))
        }
      }
      let budget: BudgetRecord? =
        random.below(2) == 0
        ? BudgetRecord(
          requestedIn: FiscalYear(asOf.fiscalYear.startYear - 1 + random.below(2)),
          supplementary: nil,
          location: location) : nil
      systems.append(
        LocalSystem(
          id: "s\(index)", name: "システム\(index)", areas: served,
          respondents: [vendors[random.below(vendorCount)].id], vendor: nil, product: nil,
          procurement: method, procurementStatus: .planned,
          tokuteiDeadline: random.below(5) == 0 ? CivilDate(year: 2030, month: 3, day: 31) : nil,
          budget: budget, steps: steps, milestones: [], location: location))
    }
    return Plan(
      municipality: "生成町\(seed)", prefecture: nil, code: nil, asOf: asOf,
      deadline: day(2026, 3, 31), atRiskDays: 60,
      staffCapacity: 1 + random.below(6), areas: areas, vendors: vendors, systems: systems,
      goLiveLinks: [], location: location)
  }
}
