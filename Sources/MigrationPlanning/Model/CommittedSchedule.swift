/// The schedule the planner last accepted: each planned task's start, in
/// the order the scheduler placed them. Every command that schedules a plan
/// starts from it and repairs it (`MigrationScheduler`): a task keeps its
/// place in the order, moves earlier when it can, and moves later only when
/// a fact, a link, a capacity, a budget or a blackout forces it.
///
/// Kept beside plan.xml as `committed.xml` (docs/reference/plan-format.md)
/// with the digest of the plan.xml it was committed with, written by
/// `import`, `record`, `baseline save` and `optimize --accept`, and never by
/// a command that only reads.
public struct CommittedSchedule: Sendable, Equatable {
  /// One planned task's committed start.
  public struct Task: Sendable, Equatable {
    /// `SYSTEM/STEP`.
    public var id: String
    /// Its committed first working day.
    public var start: CivilDate

    /// A task's committed start.
    public init(id: String, start: CivilDate) {
      self.id = id
      self.start = start
    }
  }

  /// The as-of date of the plan when the schedule was committed.
  public var asOf: CivilDate
  /// The digest of the plan.xml it was committed with (`digest(of:)`).
  public var planDigest: String
  /// The planned tasks, in committed order (by start, then the order the
  /// scheduler placed them in).
  public var tasks: [Task]

  /// The file beside plan.xml.
  public static let fileName = "committed.xml"
  /// Its namespace.
  public static let namespace = "urn:migplan:committed:1"
  /// The most tasks a committed schedule may hold (a national portfolio's
  /// largest plan has a few thousand).
  public static let maximumTasks = 1_000_000

  /// A committed schedule.
  public init(asOf: CivilDate, planDigest: String, tasks: [Task]) {
    self.asOf = asOf
    self.planDigest = planDigest
    self.tasks = tasks
  }

  /// Commits a schedule: its planned (and not-applicable) tasks in the
  /// order they were placed.
  public init(schedule: MigrationSchedule, planDigest: String) {
    let byId = Dictionary(
      schedule.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    asOf = schedule.asOf
    self.planDigest = planDigest
    tasks = schedule.placementOrder.compactMap { id in
      // Not-applicable steps are milestones of no length in the order.
      guard let task = byId[id], task.status == .planned || task.status == .notApplicable
      else { return nil }
      return Task(id: id, start: task.start)
    }
  }

  /// The digest a committed schedule keeps of its plan.xml: 64-bit FNV-1a
  /// in hex. It tells an edit made by hand (or a write cut short between the
  /// two files) from the plan it was committed with; it is not a seal.
  public static func digest(of bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
