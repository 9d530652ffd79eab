/// `migplan export csv`: the migration status per area (the unit the
/// ministry counts) or per system, with the PMO completion rate and the
/// schedule's go-live, slack and status. Format-neutral.
public struct MigrationStatusReport: Sendable {
  /// One row per area or per system.
  public enum Unit: String, Sendable, CaseIterable {
    case area, system
  }

  /// One area's or one system's status.
  public struct Row: Sendable {
    /// The area or system id.
    public var id: String
    /// Its name.
    public var name: String
    /// Per area: the systems serving it (their names); per system: its
    /// areas (ids in CSV and JSON, names in words).
    public var members: [ReportValue]
    /// Official names.
    public var vendors: [String]
    /// Procurement methods (one per system).
    public var methods: [ProcurementMethod]
    /// Not yet run, selection done, or contracted.
    public var procurementStatuses: [ProcurementState]
    /// PMO steps complete (done or not applicable).
    public var pmoDone: Int
    /// PMO steps in all (40).
    public var pmoTotal: Int
    /// The go-live (per area: its latest system's).
    public var goLive: CivilDate
    /// The deadline judged against.
    public var deadline: CivilDate
    /// Calendar days from go-live to deadline (negative when late).
    public var slackDays: Int
    /// Done, on track, at risk or late.
    public var status: MigrationStatus
    /// Whether a 特定移行支援 deadline applies.
    public var tokutei: Bool
    /// With a baseline: the baseline go-live (per area, the latest among
    /// its systems) and the slip in calendar days.
    public var slip: Slip? = nil
    /// With a baseline: why the go-live moved (per area, its latest
    /// moved system's), when it did.
    public var move: ReportTerm? = nil
    /// The root of what binds the go-live (`resource:staff`, `blackout`, …;
    /// empty when done), and whether it is an assumed capacity.
    public var binding: String = ""
    /// Whether `binding` is a capacity the import assumed.
    public var bindingAssumed: Bool = false

    /// Calendar days the go-live falls (or fell) after the deadline.
    public var daysLate: Int { max(0, -slackDays) }

    /// The ministry's rate: (done + not applicable) / 40.
    public var pmoRate: Double { pmoTotal == 0 ? 0 : Double(pmoDone) / Double(pmoTotal) }
  }

  /// Per area or per system.
  public var unit: Unit
  /// In plan order.
  public var rows: [Row]
  /// The baseline compared with, when one is.
  public var baseline: String?

  /// The status of every area (or system) of a plan, from its schedule.
  public init(
    plan: Plan, catalog: Catalog, schedule: MigrationSchedule, unit: Unit,
    baseline: Baseline? = nil
  ) {
    self.unit = unit
    self.baseline = baseline?.name
    let steps = catalog.template.steps.map(\.id)
    let contract = catalog.template.steps(with: .contract).first?.id ?? ""
    func procurementStatus(_ system: LocalSystem) -> ProcurementState {
      system.status(of: contract) == .done
        ? .contracted : system.procurementStatus == .done ? .done : .planned
    }
    func vendorName(_ system: LocalSystem) -> String? {
      system.expectedVendor.map { plan.vendor($0)?.name ?? $0 }
    }
    func unique<T: Equatable>(_ values: [T]) -> [T] {
      var result: [T] = []
      for value in values where !result.contains(value) { result.append(value) }
      return result
    }
    func binding(_ outcome: SystemOutcome) -> (String, Bool) {
      guard let root = outcome.binding.last?.cause else { return ("", false) }
      return (ScheduleReport.rootCode(root), schedule.assumedBinding(outcome) != nil)
    }
    let move = Self.moves(plan: plan, catalog: catalog, schedule: schedule, baseline: baseline)
    switch unit {
    case .system:
      rows = plan.systems.compactMap { system in
        guard let outcome = schedule.outcome(system.id) else { return nil }
        let (bound, assumed) = binding(outcome)
        return Row(
          id: system.id, name: system.name,
          members: system.areas.map { .term(.area(AreaName($0, catalog: catalog))) },
          vendors: vendorName(system).map { [$0] } ?? [], methods: [system.procurement],
          procurementStatuses: [procurementStatus(system)],
          pmoDone: Self.completeSteps(system).count,
          pmoTotal: steps.count, goLive: outcome.goLive, deadline: outcome.deadline,
          slackDays: outcome.slackDays, status: outcome.status, tokutei: outcome.tokutei,
          slip: baseline.flatMap { Slip.of(schedule, against: $0)[system.id] },
          move: move([system.id]), binding: bound, bindingAssumed: assumed)
      }
    case .area:
      rows = plan.areas.compactMap { area in
        let systems = plan.systems(serving: area)
        let outcomes = systems.compactMap { schedule.outcome($0.id) }
        guard !outcomes.isEmpty, let goLive = outcomes.map(\.goLive).max(),
          let deadline = outcomes.map(\.deadline).max()
        else { return nil }
        // A step counts for the area when it counts for every system serving it.
        let complete = systems.map(Self.completeSteps)
        let done = steps.filter { step in complete.allSatisfy { $0.contains(step) } }
        let baselineGoLive = baseline.flatMap { kept in
          systems.compactMap { kept.system($0.id)?.goLive }.max()
        }
        let statuses = outcomes.map(\.status)
        // The area waits for its latest system.
        let (bound, assumed) =
          outcomes.filter { $0.status != .done }.max { $0.goLive < $1.goLive }.map(binding)
          ?? ("", false)
        let status: MigrationStatus =
          statuses.allSatisfy { $0 == .done }
          ? .done
          : statuses.contains(.late) ? .late : statuses.contains(.atRisk) ? .atRisk : .onTrack
        return Row(
          id: area, name: catalog.area(area)?.name ?? area, members: systems.map { .text($0.name) },
          vendors: unique(systems.compactMap(vendorName)),
          methods: unique(systems.map(\.procurement)),
          procurementStatuses: unique(systems.map(procurementStatus)), pmoDone: done.count,
          pmoTotal: steps.count, goLive: goLive, deadline: deadline,
          slackDays: goLive.days(to: deadline), status: status,
          tokutei: outcomes.contains { $0.tokutei },
          slip: baselineGoLive.map { Slip(baselineGoLive: $0, days: $0.days(to: goLive)) },
          move: move(systems.map(\.id)), binding: bound, bindingAssumed: assumed)
      }
    }
  }

  /// Why the go-live of a row of `systems` moved against the baseline:
  /// the cause of its latest system that moved (none without a baseline).
  static func moves(
    plan: Plan, catalog: Catalog, schedule: MigrationSchedule, baseline: Baseline?
  ) -> ([String]) -> ReportTerm? {
    guard let baseline else { return { _ in nil } }
    let causes = MoveCause.explain(
      schedule, against: baseline, calendar: catalog.calendar, recorded: plan.recorded)
    let names = Dictionary(plan.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    return { systems in
      let moved = systems.compactMap { id in
        schedule.outcome(id).flatMap { outcome in causes[id].map { (outcome, $0) } }
      }
      return moved.max { $0.0.goLive < $1.0.goLive }.map { .move($0.1, names: names) }
    }
  }

  /// The steps a system has complete (done or not applicable), by id.
  static func completeSteps(_ system: LocalSystem) -> Set<String> {
    Set(system.steps.filter { $0.status.countsAsComplete }.map(\.step))
  }

  /// The columns, in order (`export csv`'s header under each language).
  public var columns: [ReportColumn] {
    let first: [ReportColumn] =
      unit == .area
      ? [
        .init("area_id", "事務ID", en: "Area ID"), .init("area_name", "事務名", en: "Area"),
        .init("systems", "システム", en: "Systems"),
      ]
      : [
        .init("system_id", "システムID", en: "System ID"),
        .init("system_name", "システム名", en: "System"), .init("areas", "事務", en: "Areas"),
      ]
    let rest: [ReportColumn] = [
      .init("vendors", "事業者"), .init("procurement_method", "調達方法"),
      .init("procurement_status", "調達状況"),
      .init("pmo_done", "PMO完了数", en: "PMO steps done", numeric: true),
      .init("pmo_total", "PMO項目数", en: "PMO steps", numeric: true),
      .init("pmo_rate", "PMO進捗率", en: "PMO rate", numeric: true),
      .init("planned_go_live", "運用開始予定日", en: "Planned go-live"), .init("deadline", "期限"),
      .init("slack_days", "余裕日数", numeric: true), .init("days_late", "遅延日数", numeric: true),
      .init("status", "状態"), ReportWords.tokuteiColumn("tokutei"),
      .init("binding", "律速", en: "Bound by"),
      .init("binding_assumed", "律速は仮定", en: "Bound by an assumption"),
    ]
    let comparison: [ReportColumn] =
      baseline == nil
      ? []
      : [
        .init("baseline_go_live", "基準計画の運用開始", en: "Baseline go-live"),
        .init("slip_days", "遅れ日数", en: "Slip (days)", numeric: true),
        .init("slip_cause", "動いた理由", en: "Why it moved"),
      ]
    return first + rest + comparison
  }

  /// Typed cells, in column order.
  public var cells: [[ReportValue]] {
    rows.map { row in
      [
        .text(row.id), .text(row.name), .list(row.members), .texts(row.vendors),
        .list(row.methods.map { .term(.method($0)) }),
        .list(row.procurementStatuses.map { .term(.procurement($0)) }),
        .integer(row.pmoDone), .integer(row.pmoTotal), .percentage(row.pmoRate),
        .date(row.goLive), .date(row.deadline), .integer(row.slackDays),
        .integer(row.daysLate), .status(row.status), .flag(row.tokutei), .term(.cause(row.binding)),
        .flag(row.bindingAssumed),
      ]
        + (baseline == nil
          ? []
          : [
            .optional(row.slip?.baselineGoLive), row.slip.map { .integer($0.days) } ?? .null,
            row.move.map(ReportValue.term) ?? .null,
          ])
    }
  }

  /// The report as a document: one table (`export csv`), and as JSON the
  /// array of its rows keyed by the English headers.
  public var document: ReportDocument {
    ReportDocument(
      [.table(ReportTable(key: "rows", columns: columns, rows: cells))], jsonRoot: "rows")
  }
}
