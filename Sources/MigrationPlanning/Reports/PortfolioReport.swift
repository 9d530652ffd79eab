import Dispatch

/// `migplan portfolio`: how many areas and systems of several plans make
/// their deadlines (overall, per prefecture, per vendor), the vendors' load
/// over time, and what binds the late ones. Format-neutral.
public struct PortfolioReport: Sendable {
  /// Areas or systems by status.
  public struct Counts: Sendable {
    /// In all.
    public var total = 0
    /// Gone live.
    public var done = 0
    /// On track.
    public var onTrack = 0
    /// At risk.
    public var atRisk = 0
    /// Late.
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

  /// A prefecture or a vendor, and its areas' counts.
  public struct Group: Sendable {
    /// The prefecture's or vendor's name.
    public var name: String
    /// Its areas by status.
    public var areas = Counts()
  }

  /// A binding cause and how many systems it holds back.
  public struct Binding: Sendable {
    /// The root cause's code (`resource:staff`, `blackout`, …).
    public var cause: String
    /// Late systems it binds.
    public var late: Int
    /// At-risk systems it binds.
    public var atRisk: Int
  }

  /// One area of one municipality (the CSV rows).
  public struct Row: Sendable {
    /// The municipality's name.
    public var municipality: String
    /// Its prefecture, or `-`.
    public var prefecture: String
    /// `export csv`'s cells for the area.
    public var cells: [ReportValue]
  }

  /// The number of plans.
  public var plans: Int
  /// The latest status date among the plans.
  public var asOf: CivilDate
  /// Every area of every plan, by status.
  public var areas = Counts()
  /// Every system of every plan, by status.
  public var systems = Counts()
  /// Per prefecture, in the plans' order.
  public var prefectures: [Group] = []
  /// Per vendor, the most areas first.
  public var vendors: [Group] = []
  /// What binds the late and at-risk systems, the most late first.
  public var bindings: [Binding] = []
  /// Every vendor resource's load over time.
  public var loads: [VendorLoad]
  /// Official vendor names by vendor id, for the text.
  public var vendorNames: [String: String] = [:]
  /// The columns of `rows`: municipality, prefecture, then `export csv`'s.
  public var rowColumns: [ReportColumn]
  /// Every area of every plan.
  public var rows: [Row] = []

  /// The report of a portfolio run.
  public init(plans: [Plan], result: PortfolioResult, catalog: Catalog) {
    self.plans = plans.count
    asOf = plans.map(\.asOf).max() ?? CivilDate(dayNumber: 0)
    loads = result.vendorLoads
    vendorNames = ReportWords.vendorNames(in: plans)
    var prefectureGroups: [String: Group] = [:]
    var vendorGroups: [String: Group] = [:]
    var bindingCounts: [String: (late: Int, atRisk: Int)] = [:]
    rowColumns = [.init("municipality", "団体"), .init("prefecture", "都道府県")]
    // Each plan's status table on both cores (1,741 of them for the
    // country); the totals are then added up in the plans' order.
    let statuses = SharedSlots<(MigrationStatusReport, [[ReportValue]])?>(
      count: plans.count, value: nil)
    let workers = plans.count > 50 ? 2 : 1
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: min(plans.count, result.schedules.count), by: workers) {
        let status = MigrationStatusReport(
          plan: plans[index], catalog: catalog, schedule: result.schedules[index], unit: .area)
        statuses[index] = (status, status.cells)
      }
    }
    for (index, (plan, schedule)) in zip(plans, result.schedules).enumerated() {
      for outcome in schedule.systems {
        systems.add(outcome.status)
        if outcome.status == .late || outcome.status == .atRisk {
          let cause = outcome.binding.last.map { ScheduleReport.rootCode($0.cause) } ?? ""
          var count = bindingCounts[cause] ?? (0, 0)
          if outcome.status == .late { count.late += 1 } else { count.atRisk += 1 }
          bindingCounts[cause] = count
        }
      }
      guard let (status, statusCells) = statuses[index] else { continue }
      if rowColumns.count == 2 { rowColumns += status.columns }
      let prefecture = plan.prefecture ?? "-"
      for (row, cells) in zip(status.rows, statusCells) {
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
}

extension PortfolioReport {
  static func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "-" : NumberStyle.percent(Double(part) / Double(whole))
  }

  static func count(_ value: Int) -> String { NumberStyle.count(value) }

  /// How many areas and systems go live in time: one line when every
  /// system serves one area and the figures coincide (the national model),
  /// else a line each.
  func inTimeLines(_ words: ReportWords) -> [ReportBlock] {
    let a = areas
    let s = systems
    let statuses = words.statusCounts { status in
      switch status {
      case .done: a.done
      case .onTrack: a.onTrack
      case .atRisk: a.atRisk
      case .late: a.late
      }
    }
    func figures(_ c: Counts) -> String {
      "\(Self.count(c.inTime)) / \(Self.count(c.total)) (\(Self.percent(c.inTime, c.total)))"
    }
    if a.total == s.total && a.inTime == s.inTime && a.done == s.done && a.onTrack == s.onTrack
      && a.atRisk == s.atRisk && a.late == s.late
    {
      return [
        .line(
          "\(words.inTimeLabel(.areasAndSystems)): \(figures(a))  "
            + statuses)
      ]
    }
    return [
      .line("\(words.inTimeLabel(.areas)): \(figures(a))  " + statuses),
      .line("\(words.inTimeLabel(.systems)): \(figures(s))"),
    ]
  }

  static func counts(_ c: Counts) -> ReportValue {
    .record([
      ("total", .integer(c.total)), ("done", .integer(c.done)), ("onTrack", .integer(c.onTrack)),
      ("atRisk", .integer(c.atRisk)), ("late", .integer(c.late)), ("inTime", .integer(c.inTime)),
    ])
  }

  /// Per prefecture or per vendor: areas, done, in time, late, the share in time.
  static func groupTable(
    _ key: String, title: (String, String), _ groups: [Group]
  ) -> ReportTable {
    ReportTable(
      key: key,
      columns: [
        .init("name", title.0, en: title.1, importance: .high),
        .init("areas", "事務", formats: [.json]),
        .init("total", "事務", en: "Areas", formats: [.text], numeric: true),
        .init("done", "完了", en: "Done", formats: [.text], numeric: true, importance: .low),
        .init("inTime", "期限内", en: "In time", formats: [.text], numeric: true),
        .init("late", "遅延", en: "Late", formats: [.text], numeric: true, importance: .high),
        .init(
          "share", "期限内率", en: "Share in time", formats: [.text], numeric: true,
          importance: .high),
      ],
      rows: groups.map { group in
        [
          .text(group.name), counts(group.areas), .integer(group.areas.total),
          .integer(group.areas.done), .integer(group.areas.inTime), .integer(group.areas.late),
          .text(percent(group.areas.inTime, group.areas.total)),
        ]
      }, formats: [.text, .json])
  }

  /// Each vendor resource's load per quarter, drawn in text as one bar
  /// character per quarter (▁ low … █ at capacity).
  func loadTable(_ words: ReportWords) -> ReportTable {
    let bars = Array(" ▁▂▃▄▅▆▇█")
    let first = loads.compactMap { $0.quarters.first?.start }.min()
    return ReportTable(
      key: "vendorLoads",
      columns: [
        .init("resource", "資源", en: "Resource", formats: [.json]),
        .init("name", "資源", en: "Resource", formats: [.text], importance: .high),
        .init("capacity", "容量", en: "Capacity", numeric: true, importance: .high),
        .init("systems", "移行数", en: "Migrations", numeric: true),
        .init("quarters", "", formats: [.json]),
        .init(
          "bars", "負荷 (\(first?.iso ?? "") から)", en: "Load (from \(first?.iso ?? ""))",
          formats: [.text]),
        .init("last", "最終", en: "Last", formats: [.text], importance: .low),
      ],
      rows: loads.map { load in
        var line = ""
        for quarter in load.quarters.prefix(40) {
          let ratio = load.capacity == 0 ? 0 : min(1, quarter.average / Double(load.capacity))
          line.append(bars[Int((ratio * 8).rounded())])
        }
        return [
          .text(load.resource), .text(words.resourceName(load.resource, vendorNames: vendorNames)),
          .integer(load.capacity),
          .integer(load.systems),
          .list(
            load.quarters.map {
              .record([("start", .date($0.start)), ("average", .decimal($0.average, digits: 2))])
            }),
          .text(line),
          // The last quarter with work, not the last of the range.
          .text(
            load.quarters.last(where: { $0.average > 0 }).map {
              words.fiscalYear($0.start.fiscalYear)
            } ?? ""),
        ]
      }, formats: [.json])
  }

  /// What binds the late and at-risk systems, the twelve most frequent
  /// root causes (text); a line when nothing is late or at risk.
  func bindingTable(_ words: ReportWords) -> ReportTable {
    var table = ReportTable(
      key: "binding",
      columns: [
        .init("cause", "制約", en: "Constraint"),
        .init("late", "遅延", en: "Late", numeric: true),
        .init("atRisk", "要注意", en: "At risk", numeric: true),
      ],
      rows: bindings.prefix(12).map {
        [
          .text(words.cause($0.cause, vendorNames: vendorNames)), .integer($0.late),
          .integer($0.atRisk),
        ]
      },
      formats: [.text])
    table.empty = words.page(.noBinding)
    return table
  }

  /// The report as a document. Text: totals, what binds, per prefecture,
  /// per vendor, the vendors' load. CSV: the per-area status rows of every
  /// plan. JSON: the totals, groups, binding causes and loads.
  public func document(words: ReportWords = ReportWords(.ja)) -> ReportDocument {
    let a = areas
    let s = systems
    let loadTable = loadTable(words)
    var textLoads = loadTable
    textLoads.formats = [.text]
    textLoads.rows = zip(loads, textLoads.rows).filter { $0.0.systems > 0 }.map(\.1)
    return ReportDocument(
      [
        .line(
          words.portfolioTitle(asOf: asOf, plans: plans)),
        .line(""),
      ] + inTimeLines(words) + [
        .line(""),
        .value("asOf", .date(asOf)), .value("plans", .integer(plans)),
        .value("areas", Self.counts(a)), .value("systems", Self.counts(s)),
        .line(
          words.portfolioBinding),
        .table(bindingTable(words)),
        .line(""), .line(words.portfolioGroup(.prefecture)),
        .table(Self.groupTable("prefectures", title: ("都道府県", "Prefecture"), prefectures)),
        .line(""), .line(words.portfolioGroup(.vendor)),
        .table(Self.groupTable("vendors", title: ("ベンダ", "Vendor"), vendors)),
        .table(
          ReportTable(
            key: "binding",
            columns: [
              .init("cause", "制約"), .init("late", "遅延", numeric: true),
              .init("atRisk", "要注意", numeric: true),
            ],
            rows: bindings.map {
              [.term(.cause($0.cause)), .integer($0.late), .integer($0.atRisk)]
            },
            formats: [.json])),
        .line(""),
        .line(
          words.portfolioLoad),
        .table(loadTable), .table(textLoads),
        .table(
          ReportTable(
            key: "rows", columns: rowColumns,
            rows: rows.map { [.text($0.municipality), .text($0.prefecture)] + $0.cells },
            formats: [.csv])),
      ])
  }
}

extension PortfolioReport {
  /// The difference a capacity what-if makes against `base`, the same
  /// plans without it: a line of text, and `whatIf` in the JSON.
  public func whatIf(base: PortfolioReport, changes: [CapacityChange], words: ReportWords)
    -> [ReportBlock]
  {
    let change = changes.map(\.argument).joined(
      separator: ", ")
    let late = areas.late - base.areas.late
    let inTime = areas.inTime - base.areas.inTime
    return [
      .line(
        words.portfolioWhatIf(
          change, late: (base.areas.late, areas.late), inTime: (base.areas.inTime, areas.inTime))),
      .line(""),
      .value(
        "whatIf",
        .record([
          ("vendorCapacity", .capacityChanges(changes)),
          ("base", Self.counts(base.areas)), ("lateDifference", .integer(late)),
          ("inTimeDifference", .integer(inTime)),
        ])),
    ]
  }
}
