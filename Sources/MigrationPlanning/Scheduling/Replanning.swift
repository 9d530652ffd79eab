/// Planning from a later day than the plan's as-of date (`--as-of`): the
/// recorded facts stay, every step not recorded done is planned from that
/// day, and a plan that has not been kept up says how stale it is.
public enum Replanning {
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
      "plan-stale",
      "the plan is \(staleness): \(overdue.count) step\(overdue.count == 1 ? "" : "s") of "
        + "\(systems) system\(systems == 1 ? "" : "s") it expected done by \(day.iso) "
        + "\(overdue.count == 1 ? "is" : "are") not recorded done, and \(overdue.count == 1 ? "is" : "are") re-planned from \(day.iso); "
        + "record progress with 'migplan record' (or a PMO sheet, 'migplan record --sheet')",
      at: plan.location)
  }
}
