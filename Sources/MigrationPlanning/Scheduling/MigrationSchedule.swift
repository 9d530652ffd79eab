/// The status of a scheduled task.
public enum TaskStatus: String, Sendable {
  case done
  case inProgress = "in-progress"
  case planned
  case notApplicable = "not-applicable"
}

/// A precedence link of a scheduled task, by task id.
public struct TaskLink: Hashable, Sendable {
  /// The predecessor's task id (`SYSTEM/STEP`).
  public var task: String
  /// Finish-to-start or start-to-start.
  public var type: LinkType
  /// Working days.
  public var lagDays: Int
}

/// Units of a resource a scheduled task holds.
public struct ResourceUse: Hashable, Sendable {
  /// The resource's id (`staff`, `vendor:ID`).
  public var resource: String
  /// Units held while the task runs.
  public var units: Int
}

/// A resource of the schedule: the municipality's staff, or a vendor.
public struct ScheduleResource: Hashable, Sendable {
  /// `staff` (or `staff:MUNICIPALITY` in a portfolio), `vendor:ID`.
  public var id: String
  /// Units available at once: projects (staff) or migrations (vendor).
  public var capacity: Int
  /// The capacity is an assumption (an import default, or a vendor with no
  /// capacity anywhere), not a fact about the municipality or the vendor.
  public var assumed: Bool = false
}

/// One step of one system, placed in time.
public struct ScheduledTask: Sendable {
  /// `system/step`.
  public var id: String
  /// The system's id.
  public var system: String
  /// The template step's id.
  public var step: String
  /// First working day.
  public var start: CivilDate
  /// The day after the last working day (`start` when it takes no time).
  public var end: CivilDate
  /// Done, in progress, planned or not applicable.
  public var status: TaskStatus
  /// Its links within the system, and for the go-live step the go-live links.
  public var predecessors: [TaskLink]
  /// What it holds while it runs.
  public var resources: [ResourceUse]
  /// Go-live blackouts the task must stay out of (go-live steps only).
  public var blackouts: [Blackout]
  /// What bound its start.
  public var cause: BindingCause
  /// A done step whose dates are assumptions laid by an import or a PMO
  /// sheet, not records: charts draw it apart. (An in-progress step's
  /// assumed start is drawn as work under way.)
  public var datesAssumed = false
}

/// What bound a task's start, in the plan's terms.
public enum BindingCause: Hashable, Sendable {
  case asOf
  case recorded
  case predecessor(String, LinkType)
  case budget(availableFrom: CivilDate)
  /// The vendor's product cannot start migrations earlier (its spec sheet).
  case vendorStart(CivilDate)
  case resource(String)
  case blackout(String)

  /// A stable word for JSON: as-of, recorded, predecessor, budget,
  /// vendor-start, resource, blackout.
  public var kind: String {
    switch self {
    case .asOf: "as-of"
    case .recorded: "recorded"
    case .predecessor: "predecessor"
    case .budget: "budget"
    case .vendorStart: "vendor-start"
    case .resource: "resource"
    case .blackout: "blackout"
    }
  }
}

/// A link of the chain that binds a system's go-live: at `task`, `cause`.
public struct BindingLink: Hashable, Sendable {
  /// The task (`SYSTEM/STEP`).
  public var task: String
  /// What set its start.
  public var cause: BindingCause
}

/// Where a system stands against its deadline.
public enum MigrationStatus: String, Sendable, CaseIterable {
  case done
  case onTrack = "on-track"
  case atRisk = "at-risk"
  case late
}

/// A system's outcome: its planned go-live against its deadline.
public struct SystemOutcome: Sendable {
  /// The system's id.
  public var id: String
  /// The system's name.
  public var name: String
  /// The catalog areas it serves.
  public var areas: [String]
  /// The expected vendor's plan id (`LocalSystem.expectedVendor`).
  public var vendor: String?
  /// The go-live: recorded, or as scheduled.
  public var goLive: CivilDate
  /// The deadline it is judged against (its 特定移行支援 deadline, if any).
  public var deadline: CivilDate
  /// deadline − goLive in calendar days (negative when late).
  public var slackDays: Int
  /// Done, on track, at risk or late.
  public var status: MigrationStatus
  /// Whether it has a 特定移行支援 deadline.
  public var tokutei: Bool
  /// From the go-live back to what drives it.
  public var binding: [BindingLink]

  /// Calendar days the go-live falls (or fell, for a system already done)
  /// after the deadline; 0 when in time.
  public var daysLate: Int { max(0, -slackDays) }
}

/// A plan's migrations scheduled: every task of every system, and each
/// system's outcome.
public struct MigrationSchedule: Sendable {
  /// The status date the schedule starts from.
  public var asOf: CivilDate
  /// The resources the plan's tasks hold (its staff first).
  public var resources: [ScheduleResource]
  /// By system (plan order), then step (template order).
  public var tasks: [ScheduledTask]
  /// Plan order.
  public var systems: [SystemOutcome]
  /// Schedules the search generated.
  public var schedulesGenerated: Int
  /// Every task's id in the order the scheduler placed it, by start (what
  /// a committed schedule keeps, `CommittedSchedule`).
  public var placementOrder: [String] = []

  /// The task with `id` (`SYSTEM/STEP`).
  public func task(_ id: String) -> ScheduledTask? { tasks.first { $0.id == id } }

  /// The tasks of a system, in template order.
  public func tasks(of system: String) -> [ScheduledTask] { tasks.filter { $0.system == system } }

  /// The outcome of a system.
  public func outcome(_ system: String) -> SystemOutcome? { systems.first { $0.id == system } }

  /// The assumed resource a system's binding chain ends on, when it does.
  public func assumedBinding(_ outcome: SystemOutcome) -> ScheduleResource? {
    guard case .resource(let id)? = outcome.binding.last?.cause else { return nil }
    return resources.first { $0.id == id && $0.assumed }
  }
}
