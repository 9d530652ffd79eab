/// `migplan schedule`: every system's go-live against its deadline and
/// what binds it, and (JSON) every task with its links, resources and the
/// cause of its start.
public enum ScheduleReport {
  /// The report as a document. Text: the systems table and a count per
  /// status. JSON: the documented schedule (docs/reference/schedule.md):
  /// names never change. With a baseline, each system also has
  /// `baselineGoLive` and `slipDays` (null when the baseline does not know
  /// the system), and the text a 遅れ column: the slip in calendar days (+
  /// later than the baseline, − earlier).
  public static func document(
    _ schedule: MigrationSchedule, plan: Plan, catalog: Catalog, baseline: Baseline? = nil,
    words: ReportWords = ReportWords(.ja)
  ) -> ReportDocument {
    let slips = baseline.map { Slip.of(schedule, against: $0) } ?? [:]
    let causes =
      baseline.map {
        MoveCause.explain(
          schedule, against: $0, calendar: catalog.calendar, recorded: plan.recorded)
      } ?? [:]
    let assumed = Set(schedule.resources.filter(\.assumed).map(\.id))
    let resources = schedule.resources.map {
      ReportValue.record(
        [("id", .text($0.id)), ("capacity", .integer($0.capacity))]
          + ($0.assumed ? [("assumed", .flag(true))] : []))
    }
    let tasks = tasksTable(schedule, assumed: assumed)
    let compared = baseline != nil
    let systems = ReportTable(
      key: "systems",
      columns: [
        .init("id", "ID", formats: [.json]),
        .init("name", "システム", en: "System", formats: [.text, .json], importance: .high),
        .init("areas", "事務", formats: [.json]),
        .init("areaNames", "事務", en: "Areas", formats: [.text], importance: .low),
        .init("vendor", "ベンダ", formats: [.json]),
        .init("vendorName", "ベンダ", en: "Vendor", formats: [.text], importance: .low),
        .init(
          "goLive", "運用開始", en: "Go-live", formats: [.text, .json], importance: .high),
        .init("deadline", "期限", en: "Deadline", formats: [.text, .json]),
        .init("slackDays", "余裕日数", en: "Slack", formats: [.text, .json], numeric: true),
        .init("daysLate", "遅延日数", formats: [.json]),
        .init("slip", "遅れ", en: "Slip", formats: compared ? [.text] : [], numeric: true),
        .init("status", "状態", en: "Status", formats: [.text, .json], importance: .high),
        .init("tokutei", "特定移行支援", formats: [.json]),
        .init("binding", "律速", formats: [.json]),
        .init("bindingSummary", "律速", en: "Bound by", formats: [.text], importance: .high)
          .keepingTail(),
        .init("baselineGoLive", "基準計画の運用開始", formats: compared ? [.json] : []),
        .init("slipDays", "遅れ日数", formats: compared ? [.json] : []),
        .init("move", "動いた理由", formats: compared ? [.json] : []),
      ],
      rows: schedule.systems.map { outcome in
        let slip = slips[outcome.id]
        return [
          .text(outcome.id), .text(outcome.name), .texts(outcome.areas),
          .texts(outcome.areas.map { words.areaName($0, catalog: catalog) }),
          .optional(outcome.vendor),
          .text(outcome.vendor.flatMap { plan.vendor($0)?.name } ?? "-"), .date(outcome.goLive),
          .date(outcome.deadline), .integer(outcome.slackDays), .integer(outcome.daysLate),
          .text(slip.map { signed($0.days) } ?? "-"), .status(outcome.status),
          .flag(outcome.tokutei),
          .list(
            outcome.binding.map { link in
              .record([("task", .text(link.task))] + causeMembers(link.cause, assumed: assumed))
            }),
          .text(bindingSummary(outcome, schedule: schedule, words: words)),
          .optional(slip?.baselineGoLive), slip.map { .integer($0.days) } ?? .null,
          MovesReport.value(causes[outcome.id], schedule: schedule, words: words),
        ]
      }, formats: [.text, .json])
    let counts = words.statusCounts { status in
      schedule.systems.filter { $0.status == status }.count
    }
    let baselineNote = baseline.map { "  \(words.baselineNamed($0))" } ?? ""
    return ReportDocument(
      [
        .line("\(plan.municipality)  \(words.asOfLine(schedule.asOf))\(baselineNote)"),
        .value("municipality", .text(plan.municipality)), .value("asOf", .date(schedule.asOf)),
        .value("recorded", .optional(plan.recorded)),
      ] + (baseline.map { [.value("baseline", .text($0.name))] } ?? []) + [
        .value("deadline", .date(plan.deadline)), .value("atRiskDays", .integer(plan.atRiskDays)),
        .value("resources", .list(resources)), .table(tasks), .table(systems),
        .line(words.systemsSummary(schedule.systems.count, counts)),
      ]
        + MovesReport.blocks(causes, schedule: schedule, baseline: baseline?.name, words: words))
  }

  /// Every task with its links, resources and the cause of its start
  /// (JSON).
  static func tasksTable(_ schedule: MigrationSchedule, assumed: Set<String>) -> ReportTable {
    ReportTable(
      key: "tasks",
      columns: [
        "id", "system", "step", "start", "end", "status", "predecessors", "resources", "cause",
      ]
      .map { ReportColumn($0, $0) },
      rows: schedule.tasks.map { task in
        [
          .text(task.id), .text(task.system), .text(task.step), .date(task.start), .date(task.end),
          .text(task.status.rawValue),
          .list(
            task.predecessors.map {
              .record([
                ("task", .text($0.task)), ("type", .text($0.type.rawValue)),
                ("lagDays", .integer($0.lagDays)),
              ])
            }),
          .list(
            task.resources.map {
              .record([("id", .text($0.resource)), ("units", .integer($0.units))])
            }),
          .record(causeMembers(task.cause, assumed: assumed)),
        ]
      }, formats: [.json])
  }

  /// What caused a start, as members of a record; a resource cause whose
  /// capacity is an assumption carries `assumed: true`.
  static func causeMembers(_ cause: BindingCause, assumed: Set<String> = []) -> [(
    String, ReportValue
  )] {
    var members: [(String, ReportValue)] = [("cause", .text(cause.kind))]
    switch cause {
    case .asOf, .recorded: break
    case .predecessor(let task, let type):
      members += [("predecessor", .text(task)), ("type", .text(type.rawValue))]
    case .budget(let date): members.append(("availableFrom", .date(date)))
    case .vendorStart(let date): members.append(("earliestStart", .date(date)))
    case .resource(let id):
      members.append(("resource", .text(id)))
      if assumed.contains(id) { members.append(("assumed", .flag(true))) }
    case .blackout(let reason): members.append(("blackout", .text(reason)))
    }
    return members
  }

  /// One line naming the systems whose binding root is an assumed capacity
  /// (empty when none), for the text outputs that do not show 律速.
  public static func assumptionNote(
    _ schedule: MigrationSchedule, words: ReportWords = ReportWords(.ja)
  ) -> String {
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
      return words.assumptionNote(names, resource) + "\n"
    }.joined()
  }

  /// `+12`, `-3`, `0`.
  static func signed(_ days: Int) -> String {
    days > 0 ? "+" + NumberStyle.count(days) : NumberStyle.count(days)
  }

  /// One line for what binds a system: the root of its binding chain, and
  /// when that is an assumed capacity, its value and where to set it:
  /// `職員の容量 (4, 取込時の仮定: record --staff で指定) (15.1)`.
  public static func bindingSummary(
    _ outcome: SystemOutcome, schedule: MigrationSchedule? = nil,
    words: ReportWords = ReportWords(.ja)
  ) -> String {
    guard let root = outcome.binding.last else { return "" }
    let step = root.task.split(separator: "/").last.map(String.init) ?? root.task
    let cause = words.cause(rootCode(root.cause))
    switch root.cause {
    case .asOf, .recorded: return "\(cause) (\(step))"
    case .predecessor(let task, _): return "\(cause) \(task)"
    case .budget(let date), .vendorStart(let date): return "\(cause) \(date.iso)〜 (\(step))"
    case .resource:
      if let resource = schedule?.assumedBinding(outcome) {
        return "\(cause) (\(words.assumedCapacity(resource))) (\(step))"
      }
      return "\(cause) (\(step))"
    case .blackout(let reason):
      let first = reason.split(separator: ";").first.map(String.init) ?? reason
      let period = first.split(separator: " ").dropFirst().first.map(String.init) ?? ""
      return "\(cause) \(period) (\(step))"
    }
  }

  /// The code of a binding cause: `resource:` and the resource's id, or the
  /// cause's kind (`blackout`, `recorded`, …).
  public static func rootCode(_ cause: BindingCause) -> String {
    if case .resource(let id) = cause { return "resource:" + id }
    return cause.kind
  }
}
