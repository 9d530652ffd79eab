/// `migplan proposals`: the procurements not yet contracted, with their
/// milestones (recorded in the plan, or placed on the schedule), the next
/// one and the working days left to it. Format-neutral.
public struct ProposalReport: Sendable {
  /// Where a milestone's date comes from.
  public enum Source: String, Sendable {
    /// A date the plan records (`<milestone>`).
    case recorded
    /// Placed on the schedule by the catalog's milestone rules.
    case planned
  }

  /// A milestone of a procurement.
  public struct Milestone: Sendable {
    /// 公告, 締切, 選定 or 契約.
    public var kind: ProposalMilestone
    /// Its date.
    public var date: CivilDate
    /// Recorded in the plan, or scheduled.
    public var source: Source
  }

  /// One procurement not yet contracted.
  public struct Entry: Sendable {
    /// The system's id.
    public var system: String
    /// The system's name.
    public var name: String
    /// The areas it serves (ids).
    public var areas: [String]
    /// The areas it serves, with their names.
    public var areaNames: [AreaName]
    /// プロポーザル, 一般競争入札 (or, with `--all`, 随意契約).
    public var method: ProcurementMethod
    /// Planned, or selection done.
    public var procurementStatus: ProcurementStatus
    /// Official names of the RFI respondents: the possible bidders (none
    /// for a negotiated contract, which has one partner).
    public var respondents: [String]
    /// A negotiated contract's partner: the expected vendor's official name.
    public var partner: String? = nil
    /// Its milestones, in date order.
    public var milestones: [Milestone]
    /// The first milestone on or after the status date.
    public var next: Milestone?
    /// Working days from the as-of date (included) to the next milestone
    /// (excluded).
    public var workingDaysLeft: Int?
    /// The system's go-live.
    public var goLive: CivilDate
    /// The system's deadline.
    public var deadline: CivilDate
    /// The system's status.
    public var status: MigrationStatus
    /// The schedule still meets the deadline with this contract date.
    public var contractInTime: Bool
    /// The contract's date.
    public var contract: CivilDate? { milestones.first { $0.kind == .contract }?.date }
  }

  /// The municipality's name.
  public var municipality: String
  /// The status date.
  public var asOf: CivilDate
  /// One per pending procurement, in plan order.
  public var entries: [Entry]

  /// `includeNegotiated` adds negotiated contracts and open tenders not yet
  /// signed. `asOf` is the day to look from (default: the plan's).
  public init(
    plan: Plan, catalog: Catalog, schedule: MigrationSchedule, includeNegotiated: Bool,
    asOf: CivilDate? = nil
  ) {
    municipality = plan.municipality
    let today = asOf ?? plan.asOf
    self.asOf = today
    let calendar = catalog.calendar
    let contractStep = catalog.template.steps(with: .contract).first?.id ?? ""
    var entries: [(Entry, Int)] = []
    for (order, system) in plan.systems.enumerated() {
      guard system.status(of: contractStep) != .done,
        system.status(of: contractStep) != .notApplicable
      else { continue }
      guard system.procurement == .proposal || includeNegotiated else { continue }
      guard let outcome = schedule.outcome(system.id) else { continue }
      var milestones: [Milestone] = []
      for rule in catalog.template.milestones where rule.methods.contains(system.procurement) {
        if let recorded = system.milestones.first(where: { $0.kind == rule.kind }) {
          milestones.append(Milestone(kind: rule.kind, date: recorded.date, source: .recorded))
          continue
        }
        guard let task = schedule.task(system.id + "/" + rule.step) else { continue }
        var day = rule.atStart ? task.start : Self.lastWorkingDay(of: task, calendar)
        for _ in 0..<max(rule.offset, 0) {
          day = calendar.workingDay(onOrAfter: day.adding(days: 1))
        }
        milestones.append(Milestone(kind: rule.kind, date: day, source: .planned))
      }
      let next = milestones.filter { $0.date >= today }.min { $0.date < $1.date }
      let left = next.map { Self.workingDays(from: today, to: $0.date, calendar) }
      entries.append(
        (
          Entry(
            system: system.id, name: system.name, areas: system.areas,
            areaNames: system.areas.map { AreaName($0, catalog: catalog) },
            method: system.procurement,
            procurementStatus: system.procurementStatus,
            respondents: system.procurement == .negotiated
              ? [] : system.respondents.map { plan.vendor($0)?.name ?? $0 },
            partner: system.procurement == .negotiated
              ? system.expectedVendor.map { plan.vendor($0)?.name ?? $0 } : nil,
            milestones: milestones, next: next, workingDaysLeft: left, goLive: outcome.goLive,
            deadline: outcome.deadline, status: outcome.status,
            contractInTime: outcome.status != .late), order
        ))
    }
    // Most urgent first: the nearest next milestone; none last; then plan order.
    self.entries = entries.sorted { a, b in
      switch (a.0.next?.date, b.0.next?.date) {
      case (let x?, let y?) where x != y: return x < y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.1 < b.1
      }
    }.map(\.0)
  }

  static func lastWorkingDay(of task: ScheduledTask, _ calendar: WorkingCalendar) -> CivilDate {
    guard task.end > task.start else { return task.start }
    var day = task.end.adding(days: -1)
    while day > task.start && !calendar.isWorkingDay(day) { day = day.adding(days: -1) }
    return day
  }

  /// Working days in [from, to).
  static func workingDays(from: CivilDate, to: CivilDate, _ calendar: WorkingCalendar) -> Int {
    var count = 0
    var day = from
    while day < to {
      if calendar.isWorkingDay(day) { count += 1 }
      day = day.adding(days: 1)
    }
    return count
  }

  /// A stable ASCII key per milestone, for calendar UIDs and CSV.
  public static func key(_ kind: ProposalMilestone) -> String {
    switch kind {
    case .notice: "notice"
    case .questionDeadline: "question-deadline"
    case .questionAnswers: "question-answers"
    case .applicationDeadline: "application-deadline"
    case .eligibilityNotice: "eligibility-notice"
    case .proposalDeadline: "proposal-deadline"
    case .presentation: "presentation"
    case .evaluationCommittee: "evaluation-committee"
    case .resultNotice: "result-notice"
    case .contract: "contract"
    }
  }
}
