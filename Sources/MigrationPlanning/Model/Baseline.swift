/// A schedule kept for later comparison (`migplan baseline save NAME`):
/// every task's dates and every system's go-live, as planned on the day it
/// was saved. Stored in the plan directory as `baselines/NAME.xml`
/// (docs/reference/baseline.md).
public struct Baseline: Sendable {
  /// One system's planned go-live and its tasks' dates.
  public struct System: Sendable {
    /// The system's id.
    public var id: String
    /// Its go-live as planned on the baseline's day.
    public var goLive: CivilDate
    /// Its deadline then.
    public var deadline: CivilDate
    /// By step id: start and (exclusive) end.
    public var tasks: [(step: String, start: CivilDate, end: CivilDate)]
  }

  /// The baseline's name (`baselines/NAME.xml`).
  public var name: String
  /// The municipality whose plan it is.
  public var municipality: String
  /// The as-of date of the schedule the baseline keeps.
  public var asOf: CivilDate
  /// Every system as planned, in plan order.
  public var systems: [System]

  /// The folder of a plan directory that holds its baselines.
  public static let folder = "baselines"

  /// A baseline of the given systems.
  public init(name: String, municipality: String, asOf: CivilDate, systems: [System]) {
    self.name = name
    self.municipality = municipality
    self.asOf = asOf
    self.systems = systems
  }

  /// Keeps a schedule.
  public init(name: String, schedule: MigrationSchedule, plan: Plan) {
    self.name = name
    municipality = plan.municipality
    asOf = schedule.asOf
    systems = schedule.systems.map { outcome in
      System(
        id: outcome.id, goLive: outcome.goLive, deadline: outcome.deadline,
        tasks: schedule.tasks(of: outcome.id).map { ($0.step, $0.start, $0.end) })
    }
  }

  /// The system with `id`, if the baseline knows it.
  public func system(_ id: String) -> System? { systems.first { $0.id == id } }

  /// A name is an identifier that does not start with a dot, so it is also
  /// a safe file name.
  public static func isValidName(_ name: String) -> Bool {
    ElementFields.isIdentifier(name) && !name.hasPrefix(".")
  }
}

/// A system's go-live against a baseline's.
public struct Slip: Sendable, Hashable {
  /// The go-live the baseline planned.
  public var baselineGoLive: CivilDate
  /// Calendar days from the baseline go-live to the current one (positive
  /// when later).
  public var days: Int

  /// Each system's slip, by id; systems absent from the baseline have none.
  public static func of(_ schedule: MigrationSchedule, against baseline: Baseline) -> [String: Slip]
  {
    var slips: [String: Slip] = [:]
    for outcome in schedule.systems {
      guard let kept = baseline.system(outcome.id) else { continue }
      slips[outcome.id] = Slip(
        baselineGoLive: kept.goLive, days: kept.goLive.days(to: outcome.goLive))
    }
    return slips
  }
}
