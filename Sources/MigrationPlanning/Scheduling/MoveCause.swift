/// Why a system's go-live moved against a reference schedule (the
/// committed schedule before a record, or a baseline): the recorded fact or
/// change that started it, and the path by which it arrived — links within
/// and across systems, and resources that a moved task held
/// (`+34日: 戸籍 14.1 の終了が 2027-02-10 → 2027-03-16 (記録 2026-12-02) →
/// 職員の容量 → 印鑑登録 12.1`).
public struct MoveCause: Sendable, Hashable {
  /// Where a move started.
  public enum Root: Sendable, Hashable {
    /// A step's recorded end differs from the reference's (`from` nil
    /// when the reference did not hold the step); `on` is the plan's
    /// `recorded` date.
    case recorded(task: String, from: CivilDate?, to: CivilDate, on: CivilDate?)
    /// Work planned from the as-of date, which moved.
    case asOf(CivilDate)
    /// A resource's capacity: no moved task holding it was found.
    case capacity(String)
    /// A budget that opens on a date.
    case budget(CivilDate)
    /// A vendor's product that cannot start earlier.
    case vendorStart(CivilDate)
    /// A go-live blackout.
    case blackout(String)
    /// Nothing the facts changed: the order of the work did (a search,
    /// or a plan edited by hand).
    case order
  }

  /// A step of the path from the root to the system.
  public enum Hop: Sendable, Hashable {
    /// A task of another system (`SYSTEM/STEP`) the move passed through.
    case task(String)
    /// A resource a moved task held.
    case resource(String)
  }

  /// Calendar days the go-live moved (negative when earlier).
  public var days: Int
  /// Where it started.
  public var root: Root
  /// From the root to the system, in order.
  public var path: [Hop]

  /// The causes of every system of `schedule` whose go-live differs from
  /// the reference's, by system id. `reference` gives each task's start
  /// and end (exclusive) by `SYSTEM/STEP`; `recorded` is the plan's
  /// `recorded` date.
  /// - Complexity: O(systems × chain × tasks) at worst; a chain follows
  ///   each task at most once.
  public static func explain(
    _ schedule: MigrationSchedule, reference: [String: (start: CivilDate, end: CivilDate)],
    goLives: [String: CivilDate], calendar: WorkingCalendar, recorded: CivilDate?
  ) -> [String: MoveCause] {
    let tasks = Dictionary(schedule.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var byResource: [String: [ScheduledTask]] = [:]
    for task in schedule.tasks where task.end > task.start {
      for use in task.resources { byResource[use.resource, default: []].append(task) }
    }
    var causes: [String: MoveCause] = [:]
    for outcome in schedule.systems {
      guard let before = goLives[outcome.id], before != outcome.goLive,
        let goLive = schedule.tasks(of: outcome.id).first(where: {
          $0.step == goLiveStep(schedule, outcome.id)
        })
      else { continue }
      let days = before.days(to: outcome.goLive)
      let walk = Walk(
        tasks: tasks, byResource: byResource, reference: reference, later: days > 0,
        calendar: calendar, recorded: recorded, asOf: schedule.asOf)
      let (root, path) = walk.trace(from: goLive.id)
      causes[outcome.id] = MoveCause(days: days, root: root, path: path)
    }
    return causes
  }

  /// The causes against a baseline.
  public static func explain(
    _ schedule: MigrationSchedule, against baseline: Baseline, calendar: WorkingCalendar,
    recorded: CivilDate?
  ) -> [String: MoveCause] {
    var reference: [String: (start: CivilDate, end: CivilDate)] = [:]
    var goLives: [String: CivilDate] = [:]
    for system in baseline.systems {
      goLives[system.id] = system.goLive
      for task in system.tasks { reference[system.id + "/" + task.step] = (task.start, task.end) }
    }
    return explain(
      schedule, reference: reference, goLives: goLives, calendar: calendar, recorded: recorded)
  }

  /// The causes against an earlier schedule of the same plan.
  public static func explain(
    _ schedule: MigrationSchedule, against earlier: MigrationSchedule, calendar: WorkingCalendar,
    recorded: CivilDate?
  ) -> [String: MoveCause] {
    var reference: [String: (start: CivilDate, end: CivilDate)] = [:]
    for task in earlier.tasks { reference[task.id] = (task.start, task.end) }
    let goLives = Dictionary(
      earlier.systems.map { ($0.id, $0.goLive) }, uniquingKeysWith: { a, _ in a })
    return explain(
      schedule, reference: reference, goLives: goLives, calendar: calendar, recorded: recorded)
  }

  /// The go-live step of a system: the task its outcome's binding chain
  /// starts at, or its last task.
  static func goLiveStep(_ schedule: MigrationSchedule, _ system: String) -> String? {
    if let first = schedule.outcome(system)?.binding.first {
      return first.task.split(separator: "/").last.map(String.init)
    }
    return schedule.tasks(of: system).last?.step
  }

  /// One walk back from a go-live along what bound each start, to where
  /// the move began.
  struct Walk {
    let tasks: [String: ScheduledTask]
    /// The tasks that hold each resource, in schedule order.
    let byResource: [String: [ScheduledTask]]
    let reference: [String: (start: CivilDate, end: CivilDate)]
    /// The move is later (else earlier).
    let later: Bool
    let calendar: WorkingCalendar
    let recorded: CivilDate?
    let asOf: CivilDate

    /// Whether a task moved the same way as the go-live.
    func moved(_ task: ScheduledTask) -> Bool {
      guard let old = reference[task.id] else { return task.status != .planned }
      return later
        ? task.end > old.end || task.start > old.start
        : task.end < old.end || task.start < old.start
    }

    /// The moved task holding `resource` on the working day before
    /// `task` starts that moved the most; ties by id.
    func blocker(of task: ScheduledTask, on resource: String) -> ScheduledTask? {
      let day = calendar.workingDay(onOrBefore: task.start.adding(days: -1))
      let holders = (byResource[resource] ?? []).filter { other in
        other.system != task.system && other.start <= day && day < other.end && moved(other)
      }
      return mostMoved(holders)
    }

    /// The task that moved the most; ties to the smaller id.
    func mostMoved(_ candidates: [ScheduledTask]) -> ScheduledTask? {
      candidates.max { a, b in
        let da = shift(a)
        let db = shift(b)
        return da != db ? da < db : a.id > b.id
      }
    }

    /// The end a step in progress is given when its expected end has
    /// passed: the day after the first working day after the as-of date.
    var extendedEnd: CivilDate {
      calendar.workingDay(onOrAfter: asOf.adding(days: 1)).adding(days: 1)
    }

    /// The predecessor that moved the same way the most, if any.
    func pushed(_ task: ScheduledTask) -> ScheduledTask? {
      mostMoved(task.predecessors.compactMap { tasks[$0.task] }.filter(moved))
    }

    /// `fallback`, unless the as-of date passed the task's committed start
    /// (a move later that began with the date).
    func root(_ task: ScheduledTask, else fallback: Root) -> Root {
      guard later, let old = reference[task.id], old.start <= asOf else { return fallback }
      return .asOf(asOf)
    }

    /// For a move earlier: the predecessor that bound the task before
    /// and moved earlier since (what binds it now did not move), the one
    /// that moved the most; nil for a move later.
    func released(_ task: ScheduledTask) -> ScheduledTask? {
      later ? nil : pushed(task)
    }

    func shift(_ task: ScheduledTask) -> Int {
      guard let old = reference[task.id] else { return 0 }
      return abs(old.end.days(to: task.end))
    }

    func trace(from start: String) -> (Root, [Hop]) {
      var path: [Hop] = []
      var current = start
      var seen: Set<String> = []
      while let task = tasks[current], seen.insert(current).inserted {
        switch task.cause {
        case .recorded:
          // A step in progress whose end only follows the as-of date (its
          // expected end has passed) moved with the date, not a record.
          if task.status == .inProgress && later && task.end <= extendedEnd {
            return (.asOf(asOf), path)
          }
          return (
            .recorded(task: task.id, from: reference[task.id]?.end, to: task.end, on: recorded),
            path
          )
        case .predecessor(let other, _):
          guard let predecessor = tasks[other].flatMap({ moved($0) ? $0 : nil }) ?? released(task)
          else { return (.order, path) }
          // A go-live link from another system: the move entered here.
          if predecessor.system != task.system { path.insert(.task(task.id), at: 0) }
          current = predecessor.id
        case .resource(let resource):
          if let holder = blocker(of: task, on: resource) {
            path.insert(contentsOf: [.resource(resource), .task(task.id)], at: 0)
            current = holder.id
          } else if let predecessor = released(task) {
            current = predecessor.id
          } else {
            return (.capacity(resource), path)
          }
        case .asOf:
          guard let predecessor = released(task) else { return (.asOf(asOf), path) }
          current = predecessor.id
        // A budget, a vendor's start or a blackout that binds now did not
        // change: what moved the task onto it did (a predecessor, or the
        // as-of date passing its committed start).
        case .budget(let date):
          guard let next = pushed(task) else { return (root(task, else: .budget(date)), path) }
          current = next.id
        case .vendorStart(let date):
          guard let next = pushed(task) else {
            return (root(task, else: .vendorStart(date)), path)
          }
          current = next.id
        case .blackout(let reason):
          guard let next = pushed(task) else {
            return (root(task, else: .blackout(reason)), path)
          }
          current = next.id
        }
      }
      return (.order, path)
    }
  }
}
