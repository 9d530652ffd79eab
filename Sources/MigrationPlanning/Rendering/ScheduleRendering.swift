/// `migplan schedule` in its two formats.
public enum ScheduleRendering {
  /// The documented JSON (docs/reference/schedule-json.md): names never change.
  /// With a baseline, each system also has `baselineGoLive` and `slipDays`
  /// (null when the baseline does not know the system).
  public static func json(_ schedule: MigrationSchedule, plan: Plan, baseline: Baseline? = nil)
    -> JSONValue
  {
    let slips = baseline.map { Slip.of(schedule, against: $0) } ?? [:]
    let resources = schedule.resources.map {
      JSONValue.object(
        [("id", .string($0.id)), ("capacity", .int($0.capacity))]
          + ($0.assumed ? [("assumed", .bool(true))] : []))
    }
    let assumed = Set(schedule.resources.filter(\.assumed).map(\.id))
    let tasks = schedule.tasks.map { task in
      JSONValue.object([
        ("id", .string(task.id)),
        ("system", .string(task.system)),
        ("step", .string(task.step)),
        ("start", .string(task.start.iso)),
        ("end", .string(task.end.iso)),
        ("status", .string(task.status.rawValue)),
        (
          "predecessors",
          .array(
            task.predecessors.map {
              .object([
                ("task", .string($0.task)), ("type", .string($0.type.rawValue)),
                ("lagDays", .int($0.lagDays)),
              ])
            })
        ),
        (
          "resources",
          .array(
            task.resources.map {
              .object([("id", .string($0.resource)), ("units", .int($0.units))])
            })
        ),
        ("cause", causeJSON(task.cause, assumed: assumed)),
      ])
    }
    let systems = schedule.systems.map { outcome in
      var baselineMembers: [(String, JSONValue)] = []
      if baseline != nil {
        let slip = slips[outcome.id]
        baselineMembers = [
          ("baselineGoLive", slip.map { .string($0.baselineGoLive.iso) } ?? .null),
          ("slipDays", slip.map { .int($0.days) } ?? .null),
        ]
      }
      return JSONValue.object(
        [
          ("id", .string(outcome.id)),
          ("name", .string(outcome.name)),
          ("areas", .array(outcome.areas.map { .string($0) })),
          ("vendor", outcome.vendor.map { .string($0) } ?? .null),
          ("goLive", .string(outcome.goLive.iso)),
          ("deadline", .string(outcome.deadline.iso)),
          ("slackDays", .int(outcome.slackDays)),
          ("daysLate", .int(outcome.daysLate)),
          ("status", .string(outcome.status.rawValue)),
          ("tokutei", .bool(outcome.tokutei)),
          (
            "binding",
            .array(
              outcome.binding.map { link in
                var members: [(String, JSONValue)] = [("task", .string(link.task))]
                if case .object(let cause) = causeJSON(link.cause, assumed: assumed) {
                  members += cause
                }
                return .object(members)
              })
          ),
        ] + baselineMembers)
    }
    return .object(
      [
        ("municipality", .string(plan.municipality)),
        ("asOf", .string(schedule.asOf.iso)),
        ("recorded", plan.recorded.map { .string($0.iso) } ?? .null),
      ] + (baseline.map { [("baseline", .string($0.name))] } ?? []) + [
        ("deadline", .string(plan.deadline.iso)),
        ("atRiskDays", .int(plan.atRiskDays)),
        ("resources", .array(resources)),
        ("tasks", .array(tasks)),
        ("systems", .array(systems)),
      ])
  }

  /// A resource cause whose capacity is an assumption carries `assumed: true`.
  static func causeJSON(_ cause: BindingCause, assumed: Set<String> = []) -> JSONValue {
    var members: [(String, JSONValue)] = [("cause", .string(cause.kind))]
    switch cause {
    case .asOf, .recorded: break
    case .predecessor(let task, let type):
      members += [("predecessor", .string(task)), ("type", .string(type.rawValue))]
    case .budget(let date): members.append(("availableFrom", .string(date.iso)))
    case .vendorStart(let date): members.append(("earliestStart", .string(date.iso)))
    case .resource(let id):
      members.append(("resource", .string(id)))
      if assumed.contains(id) { members.append(("assumed", .bool(true))) }
    case .blackout(let reason): members.append(("blackout", .string(reason)))
    }
    return .object(members)
  }

  /// One line naming the systems whose binding root is an assumed capacity
  /// (empty when none), for the text outputs that do not show 律速.
  public static func assumptionNote(_ schedule: MigrationSchedule) -> String {
    var byResource: [(ScheduleResource, [String])] = []
    for outcome in schedule.systems {
      guard let resource = schedule.assumedBinding(outcome) else { continue }
      if let index = byResource.firstIndex(where: { $0.0.id == resource.id }) {
        byResource[index].1.append(outcome.name)
      } else {
        byResource.append((resource, [outcome.name]))
      }
    }
    return byResource.map { resource, names in
      let hint = resource.id.hasPrefix("staff") ? "--staff" : "--vendor-capacity"
      return "注: \(names.joined(separator: "・")) の律速は \(resource.id) の容量 \(resource.capacity)、"
        + "取込時の仮定の値です (migplan record \(hint) で実際の値を記録)\n"
    }.joined()
  }

  /// `+12`, `-3`, `0`.
  static func signed(_ days: Int) -> String { days > 0 ? "+\(days)" : String(days) }

  /// One line for what binds a system: the root of its binding chain, and
  /// when that is an assumed capacity, its value and where to set it:
  /// `staff の容量 (4, 取込時の仮定: --staff で指定) (15.1)`.
  public static func bindingSummary(_ outcome: SystemOutcome, schedule: MigrationSchedule? = nil)
    -> String
  {
    guard let root = outcome.binding.last else { return "" }
    let step = root.task.split(separator: "/").last.map(String.init) ?? root.task
    switch root.cause {
    case .asOf: return "基準日から順次 (\(step))"
    case .recorded: return "実績・作業中 (\(step))"
    case .predecessor(let task, _): return "先行 \(task)"
    case .budget(let date): return "予算 \(date.iso)〜 (\(step))"
    case .vendorStart(let date): return "ベンダ着手可能日 \(date.iso) (\(step))"
    case .resource(let id):
      if let resource = schedule?.assumedBinding(outcome) {
        let hint =
          resource.id.hasPrefix("staff")
          ? "--staff で指定" : "--vendor-capacity で指定"
        return "\(id) の容量 (\(resource.capacity), 取込時の仮定: record \(hint)) (\(step))"
      }
      return "\(id) の容量 (\(step))"
    case .blackout(let reason):
      let first = reason.split(separator: ";").first.map(String.init) ?? reason
      let period = first.split(separator: " ").dropFirst().first.map(String.init) ?? ""
      return "切替禁止期間 \(period) (\(step))"
    }
  }

  /// The systems table of `migplan schedule`.
  /// With a baseline, a 遅れ column gives each system's slip in calendar
  /// days (+ later than the baseline, − earlier).
  public static func text(
    _ schedule: MigrationSchedule, plan: Plan, catalog: Catalog, baseline: Baseline? = nil
  ) -> String {
    let slips = baseline.map { Slip.of(schedule, against: $0) } ?? [:]
    var rows: [[String]] = []
    for outcome in schedule.systems {
      var row = [
        outcome.name,
        outcome.areas.map { catalog.area($0)?.name ?? $0 }.joined(separator: "・"),
        outcome.vendor.flatMap { plan.vendor($0)?.name } ?? "-",
        outcome.goLive.iso,
        outcome.deadline.iso,
        String(outcome.slackDays),
        outcome.status.rawValue,
        bindingSummary(outcome, schedule: schedule),
      ]
      if baseline != nil {
        row.insert(slips[outcome.id].map { signed($0.days) } ?? "-", at: 6)
      }
      rows.append(row)
    }
    var header = ["システム", "事務", "ベンダ", "運用開始", "期限", "余裕日数", "状態", "律速"]
    var rightAligned: Set<Int> = [5]
    if baseline != nil {
      header.insert("遅れ", at: 6)
      rightAligned.insert(6)
    }
    let table = TextTable(header: header, rows: rows, rightAligned: rightAligned)
    let counts = MigrationStatus.allCases.map { status in
      "\(status.rawValue) \(schedule.systems.filter { $0.status == status }.count)"
    }
    let baselineNote = baseline.map { "  基準計画 \($0.name) (\($0.asOf.iso))" } ?? ""
    return
      "\(plan.municipality)  基準日 \(schedule.asOf.iso) (\(schedule.asOf.fiscalYear.japaneseLabel))\(baselineNote)\n"
      + table.rendered()
      + "\(schedule.systems.count) systems: " + counts.joined(separator: ", ") + "\n"
  }
}
