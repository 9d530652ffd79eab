/// `migplan portfolio`: how many areas and systems of several plans make
/// their deadlines (overall, per prefecture, per vendor), the vendors' load
/// over time, and what binds the late ones. Format-neutral.
public struct PortfolioReport: Sendable {
  public struct Counts: Sendable {
    public var total = 0
    public var done = 0
    public var onTrack = 0
    public var atRisk = 0
    public var late = 0
    /// Done, on track or at risk: the deadline is met.
    public var inTime: Int { done + onTrack + atRisk }

    mutating func add(_ status: MigrationStatus) {
      total += 1
      switch status {
      case .done: done += 1
      case .onTrack: onTrack += 1
      case .atRisk: atRisk += 1
      case .late: late += 1
      }
    }
  }

  public struct Group: Sendable {
    public var name: String
    public var areas = Counts()
    public var capacity: Int?
  }

  public struct Binding: Sendable {
    public var cause: String
    public var late: Int
    public var atRisk: Int
  }

  public struct Row: Sendable {
    public var municipality: String
    public var prefecture: String
    public var cells: [String]
  }

  public var plans: Int
  public var asOf: CivilDate
  public var areas = Counts()
  public var systems = Counts()
  public var prefectures: [Group] = []
  public var vendors: [Group] = []
  public var bindings: [Binding] = []
  public var loads: [VendorLoad]
  public var rowHeader: [String]
  public var rows: [Row] = []

  public init(plans: [Plan], result: PortfolioResult, catalog: Catalog) {
    self.plans = plans.count
    asOf = plans.map(\.asOf).max() ?? CivilDate(dayNumber: 0)
    loads = result.vendorLoads
    var prefectureGroups: [String: Group] = [:]
    var vendorGroups: [String: Group] = [:]
    var bindingCounts: [String: (late: Int, atRisk: Int)] = [:]
    rowHeader = ["municipality", "prefecture"]
    for (plan, schedule) in zip(plans, result.schedules) {
      for outcome in schedule.systems {
        systems.add(outcome.status)
        if outcome.status == .late || outcome.status == .atRisk {
          let cause = outcome.binding.last.map { Self.describe($0.cause) } ?? "unknown"
          var count = bindingCounts[cause] ?? (0, 0)
          if outcome.status == .late { count.late += 1 } else { count.atRisk += 1 }
          bindingCounts[cause] = count
        }
      }
      let status = MigrationStatusReport(
        plan: plan, catalog: catalog, schedule: schedule, unit: .area)
      if rowHeader.count == 2 { rowHeader += status.header(japanese: false) }
      let prefecture = plan.prefecture ?? "-"
      for (row, cells) in zip(status.rows, status.cells) {
        areas.add(row.status)
        prefectureGroups[prefecture, default: Group(name: prefecture)].areas.add(row.status)
        for system in plan.systems(serving: row.id) {
          let vendorName =
            system.expectedVendor.flatMap { plan.vendor($0)?.name } ?? "-"
          vendorGroups[vendorName, default: Group(name: vendorName)].areas.add(row.status)
        }
        rows.append(Row(municipality: plan.municipality, prefecture: prefecture, cells: cells))
      }
    }
    // Prefectures in the order of the plans (the national data's order).
    var order: [String] = []
    for plan in plans where !order.contains(plan.prefecture ?? "-") {
      order.append(plan.prefecture ?? "-")
    }
    prefectures = order.compactMap { prefectureGroups[$0] }
    vendors = vendorGroups.values.sorted { a, b in
      a.areas.total != b.areas.total ? a.areas.total > b.areas.total : a.name < b.name
    }
    bindings = bindingCounts.map {
      Binding(cause: $0.key, late: $0.value.late, atRisk: $0.value.atRisk)
    }
    .sorted { a, b in a.late != b.late ? a.late > b.late : a.cause < b.cause }
  }

  static func describe(_ cause: BindingCause) -> String {
    switch cause {
    case .asOf: "remaining work from the as-of date"
    case .recorded: "recorded progress"
    case .predecessor(let task, _): "predecessor \(task)"
    case .budget: "budget"
    case .vendorStart: "vendor's earliest start"
    case .resource(let id): id.hasPrefix("staff") ? "staff capacity" : "\(id) capacity"
    case .blackout: "go-live blackout"
    }
  }
}

/// `migplan portfolio` in text, JSON and CSV.
public enum PortfolioRendering {
  static func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "-" : JSONValue.decimalText(Double(part) / Double(whole) * 100, digits: 1) + "%"
  }

  static func groupTable(_ title: String, _ groups: [PortfolioReport.Group]) -> String {
    TextTable(
      header: [title, "事務", "完了", "期限内", "遅延", "期限内率"],
      rows: groups.map { group in
        [
          group.name, String(group.areas.total), String(group.areas.done),
          String(group.areas.inTime),
          String(group.areas.late), percent(group.areas.inTime, group.areas.total),
        ]
      }, rightAligned: [1, 2, 3, 4, 5]
    ).rendered()
  }

  public static func text(_ report: PortfolioReport) -> String {
    let a = report.areas
    let s = report.systems
    var output = "ポートフォリオ  基準日 \(report.asOf.iso)  \(KPIReport.number(Double(report.plans)))団体\n\n"
    output +=
      "期限内の事務: \(KPIReport.number(Double(a.inTime))) / \(KPIReport.number(Double(a.total))) (\(percent(a.inTime, a.total)))  "
    output +=
      "完了 \(KPIReport.number(Double(a.done)))・予定通り \(KPIReport.number(Double(a.onTrack)))・要注意 \(KPIReport.number(Double(a.atRisk)))・遅延 \(KPIReport.number(Double(a.late)))\n"
    output +=
      "期限内のシステム: \(KPIReport.number(Double(s.inTime))) / \(KPIReport.number(Double(s.total))) (\(percent(s.inTime, s.total)))\n\n"
    output += "律速 (遅延・要注意のシステム、根本の制約別)\n"
    output += TextTable(
      header: ["制約", "遅延", "要注意"],
      rows: report.bindings.prefix(12).map { [$0.cause, String($0.late), String($0.atRisk)] },
      rightAligned: [1, 2]
    ).rendered()
    output += "\n都道府県別 (事務)\n" + groupTable("都道府県", report.prefectures)
    output += "\nベンダ別 (事務)\n" + groupTable("ベンダ", report.vendors)
    output += "\nベンダの負荷 (四半期ごとの同時移行数 / 容量: ▁ 低い … █ 容量いっぱい)\n"
    let bars = Array(" ▁▂▃▄▅▆▇█")
    var rows: [[String]] = []
    let first = report.loads.compactMap { $0.quarters.first?.start }.min()
    for load in report.loads where load.systems > 0 {
      var line = ""
      for quarter in load.quarters.prefix(40) {
        let ratio = load.capacity == 0 ? 0 : min(1, quarter.average / Double(load.capacity))
        line.append(bars[Int((ratio * 8).rounded())])
      }
      let last = load.quarters.last.map { "\($0.start.fiscalYear.japaneseLabel)" } ?? ""
      rows.append([load.resource, String(load.capacity), String(load.systems), line, last])
    }
    output += TextTable(
      header: ["資源", "容量", "移行数", "負荷 (\(first?.iso ?? "") から)", "最終"], rows: rows,
      rightAligned: [1, 2]
    )
    .rendered()
    return output
  }

  public static func json(_ report: PortfolioReport) -> JSONValue {
    func counts(_ c: PortfolioReport.Counts) -> JSONValue {
      .object([
        ("total", .int(c.total)), ("done", .int(c.done)), ("onTrack", .int(c.onTrack)),
        ("atRisk", .int(c.atRisk)), ("late", .int(c.late)), ("inTime", .int(c.inTime)),
      ])
    }
    return .object([
      ("asOf", .string(report.asOf.iso)),
      ("plans", .int(report.plans)),
      ("areas", counts(report.areas)),
      ("systems", counts(report.systems)),
      (
        "prefectures",
        .array(
          report.prefectures.map {
            .object([("name", .string($0.name)), ("areas", counts($0.areas))])
          })
      ),
      (
        "vendors",
        .array(
          report.vendors.map { .object([("name", .string($0.name)), ("areas", counts($0.areas))]) })
      ),
      (
        "binding",
        .array(
          report.bindings.map {
            .object([
              ("cause", .string($0.cause)), ("late", .int($0.late)), ("atRisk", .int($0.atRisk)),
            ])
          })
      ),
      (
        "vendorLoads",
        .array(
          report.loads.map { load in
            .object([
              ("resource", .string(load.resource)), ("capacity", .int(load.capacity)),
              ("systems", .int(load.systems)),
              (
                "quarters",
                .array(
                  load.quarters.map {
                    .object([
                      ("start", .string($0.start.iso)),
                      ("average", .decimal($0.average, digits: 2)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  public static func csv(_ report: PortfolioReport) -> String {
    CSVWriter().render(
      header: report.rowHeader,
      rows: report.rows.map { [$0.municipality, $0.prefecture] + $0.cells })
  }
}
