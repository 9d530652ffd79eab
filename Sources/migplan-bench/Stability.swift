import Foundation
import MigrationPlanning

/// `migplan-bench stability CATALOG SHINAGAWA NATIONAL_DIR [--plans N]`:
/// a simulated year of monthly recordings on Shinagawa and on N plans of
/// a generated national portfolio, each fact recorded one at a time, the
/// schedule re-planned after each by the repair (committing, as `record`
/// does) and by a search from scratch. Prints the go-live moves per
/// recording, the repair's days late against a fresh `optimize` at the
/// end of the year, and the time of one re-plan.
func benchStability(_ arguments: [String]) {
  guard arguments.count >= 3 else { fail("stability needs CATALOG SHINAGAWA NATIONAL_DIR") }
  let count = option("--plans", in: arguments).flatMap(Int.init) ?? 20
  let diagnostics = DiagnosticCollector()
  guard
    let shinagawa = try? InputStage.load(
      catalog: .directory(arguments[0]), planDirectory: arguments[1], diagnostics: diagnostics),
    let national = try? InputStage.loadWorkload(
      catalog: .directory(arguments[0]), source: .paths([arguments[2]]), diagnostics: diagnostics)
  else { fail("cannot load: \(diagnostics.sorted.first?.description ?? "")") }
  var subjects: [(Plan, VendorDirectory)] = [(shinagawa.plan, shinagawa.vendors)]
  subjects += national.plans.filter { $0.systems.count >= 3 }.prefix(count).map {
    ($0, national.vendors)
  }
  var repair = Moves()
  var search = Moves()
  var monthly = Moves()
  var monthlySearch = Moves()
  var lateRepair = 0
  var lateOptimized = 0
  var timeRepair = 0.0
  var timeSearch = 0.0
  for (index, subject) in subjects.enumerated() {
    var simulation = Simulation(
      plan: subject.0, catalog: shinagawa.catalog, vendors: subject.1,
      random: SplitMix64(seed: UInt64(index) &+ 11))
    simulation.run(repair: &repair, search: &search)
    monthly.systems += simulation.monthly.systems
    monthly.days += simulation.monthly.days
    monthlySearch.systems += simulation.monthlySearch.systems
    monthlySearch.days += simulation.monthlySearch.days
    let (late, optimized) = simulation.lateDays()
    lateRepair += late
    lateOptimized += optimized
    timeRepair += simulation.timeRepair
    timeSearch += simulation.timeSearch
  }
  print(
    "plans: Shinagawa and \(subjects.count - 1) national plans; steps recorded one at a time: \(repair.systems.count); as-of moves: \(monthly.systems.count)"
  )
  print(
    "systems moved per recording   repair: \(repair.summary(\.systems))   search: \(search.summary(\.systems))"
  )
  print(
    "go-live days moved per recording (sum of |Δ|)   repair: \(repair.summary(\.days))   search: \(search.summary(\.days))"
  )
  print(
    "systems moved later after good news   repair: \(repair.laterAfterGood)   search: \(search.laterAfterGood)"
  )
  print(
    "as-of moved a month: systems moved   repair: \(monthly.summary(\.systems))   search: \(monthlySearch.summary(\.systems))"
  )
  print(
    "as-of moved a month: days moved   repair: \(monthly.summary(\.days))   search: \(monthlySearch.summary(\.days))"
  )
  print(
    "days late at the year's end   repair: \(lateRepair)   optimize: \(lateOptimized)   gap: \(lateRepair - lateOptimized)"
  )
  let replans = Double(repair.systems.count + monthly.systems.count)
  print(
    String(
      format: "one re-plan, mean   repair: %.1f ms   search: %.1f ms", timeRepair * 1000 / replans,
      timeSearch * 1000 / replans))
}

/// Go-live moves per recording.
struct Moves {
  var systems: [Int] = []
  var days: [Int] = []
  var laterAfterGood = 0

  mutating func add(_ before: MigrationSchedule, _ after: MigrationSchedule, good: Bool) {
    var moved = 0
    var total = 0
    for outcome in after.systems {
      guard let old = before.outcome(outcome.id), old.goLive != outcome.goLive else { continue }
      moved += 1
      total += abs(old.goLive.days(to: outcome.goLive))
      if good && outcome.goLive > old.goLive { laterAfterGood += 1 }
    }
    systems.append(moved)
    days.append(total)
  }

  func summary(_ values: KeyPath<Moves, [Int]>) -> String {
    let sorted = self[keyPath: values].sorted()
    guard !sorted.isEmpty else { return "-" }
    let mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
    return
      "median \(sorted[sorted.count / 2]), mean \(String(format: "%.1f", mean)), max \(sorted.last ?? 0)"
  }
}

/// One plan's year: each month the as-of date moves on a month, then each
/// step the committed schedule expected done by then is recorded done, one
/// at a time, a few working days early or late.
struct Simulation {
  var plan: Plan
  let catalog: Catalog
  let vendors: VendorDirectory
  var random: SplitMix64
  var timeRepair = 0.0
  var timeSearch = 0.0

  func schedule(_ plan: Plan, _ method: SchedulingMethod) -> MigrationSchedule {
    var scheduler = MigrationScheduler(catalog: catalog, plan: plan, vendors: vendors)
    scheduler.method = method
    guard let schedule = scheduler.schedule(diagnostics: DiagnosticCollector()) else {
      fail("cannot schedule \(plan.municipality)")
    }
    return schedule
  }

  mutating func replan(
    _ good: Bool, _ previous: (MigrationSchedule, MigrationSchedule), repair: inout Moves,
    search: inout Moves
  ) -> (MigrationSchedule, MigrationSchedule) {
    var start = monotonicSeconds()
    let repaired = schedule(plan, .repair)
    timeRepair += monotonicSeconds() - start
    start = monotonicSeconds()
    let searched = schedule(plan, .search)
    timeSearch += monotonicSeconds() - start
    repair.add(previous.0, repaired, good: good)
    search.add(previous.1, searched, good: good)
    plan.committed = CommittedSchedule(schedule: repaired, planDigest: "0000000000000000")
    return (repaired, searched)
  }

  /// The moves of the months' as-of dates (not single facts).
  var monthly = Moves()
  var monthlySearch = Moves()

  mutating func run(repair: inout Moves, search: inout Moves) {
    let first = schedule(plan, .search)
    plan.committed = CommittedSchedule(schedule: first, planDigest: "0000000000000000")
    var previous = (first, first)
    for _ in 1...12 {
      let asOf = plan.asOf.adding(days: 30)
      // What the committed schedule expected done by the new date.
      let due = previous.0.tasks.filter {
        $0.status == .planned && $0.end > $0.start && $0.end <= asOf
      }.prefix(12)
      plan.asOf = asOf
      var months = (monthly, monthlySearch)
      previous = replan(false, previous, repair: &months.0, search: &months.1)
      (monthly, monthlySearch) = months
      for task in due {
        let shift = Int(random.next() % 14) - 4
        let end = min(catalog.calendar.workingDay(onOrAfter: task.end.adding(days: shift)), asOf)
        guard end > task.start,
          let system = plan.systems.firstIndex(where: { $0.id == task.system })
        else { continue }
        let record = StepRecord(
          step: task.step, status: .done, start: task.start, end: end, location: plan.location)
        plan.systems[system].steps.removeAll { $0.step == task.step }
        plan.systems[system].steps.append(record)
        previous = replan(end <= task.end, previous, repair: &repair, search: &search)
      }
    }
  }

  /// Days late of the repair and of a fresh optimisation, at the end.
  func lateDays() -> (Int, Int) {
    let late = { (schedule: MigrationSchedule) in schedule.systems.map(\.daysLate).reduce(0, +) }
    return (late(schedule(plan, .repair)), late(schedule(plan, .optimize)))
  }
}
