import MigrationPlanning

/// Checks a migration schedule against the rules it must keep, from its
/// dates alone (not from the engine's internals):
///
/// 1. no precedence link of a planned or not-applicable step is broken
///    (FS: start ≥ predecessor's end + lag working days; SS: start ≥
///    predecessor's start + lag working days); done and in-progress steps
///    are facts and exempt;
/// 2. no resource is over capacity on any working day, counting the steps
///    of one system as one unit (they share it); where the recorded facts
///    alone exceed a capacity, planned steps add nothing to that day;
/// 3. every planned step starts on a working day and ends the day after a
///    working day;
/// 4. no planned go-live overlaps a blackout of its areas;
/// 5. done and in-progress steps keep their recorded start (and done steps
///    their recorded end);
/// 6. planned steps start after the as-of date.
///
/// Returns one sentence per violation; empty when the schedule is sound.
public enum ScheduleInvariants {
  /// Every constraint the schedule breaks, in words (empty when it keeps them
  /// all): precedence, capacity, fixed starts, releases, windows and gates.
  /// - Complexity: O(links × lag + Σ task days × resources): every link,
  ///   and every calendar day of every task, is checked once.
  public static func violations(
    of schedule: MigrationSchedule, plan: Plan, calendar: WorkingCalendar
  ) -> [String] {
    var problems: [String] = []
    let byId = Dictionary(schedule.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    func addWorkingDays(_ date: CivilDate, _ days: Int) -> CivilDate {
      var day = calendar.workingDay(onOrAfter: date)
      var remaining = days
      while remaining > 0 {
        day = calendar.workingDay(onOrAfter: day.adding(days: 1))
        remaining -= 1
      }
      return day
    }

    for task in schedule.tasks where task.status == .planned || task.status == .notApplicable {
      for link in task.predecessors {
        guard let predecessor = byId[link.task] else {
          problems.append("\(task.id): unknown predecessor \(link.task)")
          continue
        }
        let reference = link.type == .finishToStart ? predecessor.end : predecessor.start
        let earliest = link.lagDays > 0 ? addWorkingDays(reference, link.lagDays) : reference
        // A zero-length step may sit on any day; a real one on the next working day.
        let bound = task.start == task.end ? earliest : calendar.workingDay(onOrAfter: earliest)
        if task.start < bound {
          problems.append(
            "\(task.id) starts \(task.start.iso), before \(link.type.rawValue) \(link.task) allows (\(bound.iso))"
          )
        }
      }
      if task.start <= schedule.asOf && task.start != task.end {
        problems.append(
          "\(task.id) is planned to start \(task.start.iso), not after the as-of date")
      }
      if task.start != task.end {
        if !calendar.isWorkingDay(task.start) {
          problems.append("\(task.id) starts on a non-working day \(task.start.iso)")
        }
        if !calendar.isWorkingDay(task.end.adding(days: -1)) {
          problems.append("\(task.id) ends after a non-working day (end \(task.end.iso))")
        }
      }
      for blackout in task.blackouts where task.start != task.end {
        var day = task.start
        while day < task.end {
          if calendar.isWorkingDay(day) && blackout.range.contains(day) {
            problems.append("\(task.id) goes live on \(day.iso), inside blackout \(blackout.range)")
            break
          }
          day = day.adding(days: 1)
        }
      }
    }

    problems += factsKept(schedule, plan: plan, byId: byId)
    problems += capacitiesKept(schedule, calendar: calendar)
    return problems
  }

  /// Recorded facts stay where they were recorded.
  static func factsKept(
    _ schedule: MigrationSchedule, plan: Plan, byId: [String: ScheduledTask]
  ) -> [String] {
    var problems: [String] = []
    for system in plan.systems {
      for record in system.steps where record.status == .done || record.status == .inProgress {
        guard let task = byId[system.id + "/" + record.step] else {
          problems.append("\(system.id)/\(record.step) is missing from the schedule")
          continue
        }
        if let start = record.start, task.start != start {
          problems.append(
            "\(task.id) moved from its recorded start \(start.iso) to \(task.start.iso)")
        }
        if record.status == .done, let end = record.end, task.end != end {
          problems.append("\(task.id) moved from its recorded end \(end.iso) to \(task.end.iso)")
        }
      }
    }
    return problems
  }

  /// No resource holds more than its capacity on any working day (or more
  /// than its recorded facts hold there).
  static func capacitiesKept(_ schedule: MigrationSchedule, calendar: WorkingCalendar) -> [String] {
    var problems: [String] = []
    let capacity = Dictionary(
      schedule.resources.map { ($0.id, $0.capacity) }, uniquingKeysWith: { a, _ in a })
    var fixedLoad: [String: [Int: Set<String>]] = [:]
    var totalLoad: [String: [Int: Set<String>]] = [:]
    for task in schedule.tasks where task.start < task.end {
      let isFact = task.status == .done || task.status == .inProgress
      var day = task.start
      while day < task.end {
        if calendar.isWorkingDay(day) {
          for use in task.resources {
            totalLoad[use.resource, default: [:]][day.dayNumber, default: []].insert(task.system)
            if isFact {
              fixedLoad[use.resource, default: [:]][day.dayNumber, default: []].insert(task.system)
            }
          }
        }
        day = day.adding(days: 1)
      }
    }
    for resource in totalLoad.keys.sorted() {
      let limit = capacity[resource] ?? 0
      for (dayNumber, systems) in (totalLoad[resource] ?? [:]).sorted(by: { $0.key < $1.key }) {
        let facts = fixedLoad[resource]?[dayNumber]?.count ?? 0
        if systems.count > max(limit, facts) {
          problems.append(
            "\(resource) holds \(systems.count) of \(limit) on \(CivilDate(dayNumber: dayNumber).iso)"
          )
        }
      }
    }
    return problems
  }
}
