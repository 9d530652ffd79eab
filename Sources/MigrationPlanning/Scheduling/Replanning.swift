/// Planning from a later day than the plan's as-of date (`--as-of`): the
/// recorded facts stay, every step not recorded done is planned from that
/// day, and a plan that has not been kept up says how stale it is.
public enum Replanning {
  /// A day before a plan's own as-of date: the facts after it are
  /// recorded, so the plan cannot be planned from it (`as-of-backwards`;
  /// the command line ends with 64).
  public struct Refusal: Error, Sendable {
    /// The error, located at the plan.
    public var diagnostic: Diagnostic
  }

  /// `plans` moved to `day` (as they are when nil, or on their own date):
  /// recorded facts stay, every step not recorded done is planned from
  /// `day`. With `staleness`, a plan that expected more done by then says
  /// so (`plan-stale`, one schedule of the plan as it is). Plans and
  /// portfolios alike; refused when `day` is before any plan's as-of date.
  public static func replan(
    _ plans: [Plan], to day: CivilDate?, catalog: Catalog, vendors: VendorDirectory,
    staleness: Bool = true, diagnostics: DiagnosticCollector
  ) throws(Refusal) -> [Plan] {
    guard let day else { return plans }
    if let first = plans.first(where: { $0.asOf > day }) {
      let latest = plans.map(\.asOf).max() ?? first.asOf
      throw Refusal(diagnostic: asOfBackwards(plan: first, day: day, latest: latest))
    }
    return plans.map { plan in
      guard day != plan.asOf else { return plan }
      if staleness {
        checkStaleness(
          plan: plan, catalog: catalog, vendors: vendors, day: day, diagnostics: diagnostics)
      }
      return plan.replanned(from: day)
    }
  }

  /// The error of a day before `plan`'s as-of date; `latest` is the
  /// latest as-of date of the plans planned together.
  public static func asOfBackwards(plan: Plan, day: CivilDate, latest: CivilDate) -> Diagnostic {
    Diagnostic(
      .error, .asOfBackwards,
      "--as-of \(day.iso) is before the as-of date \(plan.asOf.iso) of \(plan.municipality)'s "
        + "plan: facts after it are already recorded; re-plan from \(latest.iso) or later",
      at: plan.location)
  }

  /// `plan-stale` when `plan`, scheduled as it is, expected steps done by
  /// `day` that it does not record.
  public static func checkStaleness(
    plan: Plan, catalog: Catalog, vendors: VendorDirectory, day: CivilDate,
    diagnostics: DiagnosticCollector
  ) {
    let scheduler = MigrationScheduler(catalog: catalog, plan: plan, vendors: vendors)
    guard let base = scheduler.schedule(diagnostics: DiagnosticCollector()) else { return }
    checkStaleness(plan: plan, base: base, day: day, diagnostics: diagnostics)
  }

  /// The steps that `base` (the schedule as of the plan's own date)
  /// expected finished by `day` but that the plan does not record done.
  /// - Complexity: O(tasks).
  public static func overdueSteps(in base: MigrationSchedule, by day: CivilDate)
    -> [ScheduledTask]
  {
    base.tasks.filter { task in
      (task.status == .planned || task.status == .inProgress) && task.end > task.start
        && task.end <= day.adding(days: 1)
    }
  }

  /// Days a plan may lag today before commands say so.
  public static let behindTodayDays = 31

  /// `plan-behind-today` when a plan's as-of date is more than 31 days
  /// before `today`, for a command run without `--as-of`: its schedule
  /// starts from a day long past, which reads as current. One warning per
  /// plan; plans planned together (`many`) start from their latest as-of
  /// date, so one warning when that day is behind.
  public static func checkBehind(
    _ plans: [Plan], today: CivilDate, many: Bool, diagnostics: DiagnosticCollector
  ) {
    if many && plans.count > 1 {
      guard let latest = plans.max(by: { $0.asOf < $1.asOf }),
        latest.asOf.days(to: today) > behindTodayDays
      else { return }
      diagnostics.warning(
        .planBehindToday,
        "these \(plans.count) plans are planned from \(latest.asOf.iso), the latest of their "
          + "as-of dates, \(latest.asOf.days(to: today)) days before today (\(today.iso)): "
          + "re-plan from today with --as-of today, or record progress and move each plan's "
          + "date with 'migplan record --set-as-of DATE'",
        at: latest.location)
      return
    }
    let behind = plans.filter { $0.asOf.days(to: today) > behindTodayDays }
    for plan in behind {
      diagnostics.warning(
        .planBehindToday,
        "the plan is as of \(plan.asOf.iso), \(plan.asOf.days(to: today)) days before today "
          + "(\(today.iso)): its schedule starts from then; re-plan from today with --as-of "
          + "today, or record progress and move its date with 'migplan record --set-as-of DATE'",
        at: plan.location)
    }
  }

  /// Whole months from `from` to `to` (0 when less than a month).
  public static func months(from: CivilDate, to: CivilDate) -> Int {
    var months = (to.year - from.year) * 12 + (to.month - from.month)
    if to.day < from.day { months -= 1 }
    return max(months, 0)
  }

  /// One warning (`plan-stale`) when the plan expected steps done by `day`
  /// that it does not record: the plan has not been kept up since its as-of
  /// date.
  public static func checkStaleness(
    plan: Plan, base: MigrationSchedule, day: CivilDate, diagnostics: DiagnosticCollector
  ) {
    let overdue = overdueSteps(in: base, by: day)
    guard day > plan.asOf, !overdue.isEmpty else { return }
    let months = months(from: plan.asOf, to: day)
    let staleness =
      months == 0
      ? "\(plan.asOf.days(to: day)) days stale"
      : "\(months) month\(months == 1 ? "" : "s") stale"
    let systems = Set(overdue.map(\.system)).count
    diagnostics.warning(
      .planStale,
      "the plan is \(staleness): \(overdue.count) step\(overdue.count == 1 ? "" : "s") of "
        + "\(systems) system\(systems == 1 ? "" : "s") it expected done by \(day.iso) "
        + "\(overdue.count == 1 ? "is" : "are") not recorded done, and \(overdue.count == 1 ? "is" : "are") re-planned from \(day.iso); "
        + "record progress with 'migplan record' (or a PMO sheet, 'migplan record --sheet')",
      at: plan.location)
  }
}
