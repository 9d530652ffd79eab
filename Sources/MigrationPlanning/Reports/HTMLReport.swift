/// `migplan report`: the reviewer's page, as a `ReportDocument` that
/// `ReportRenderer` renders as HTML (one self-contained file: inline CSS
/// and SVG, no script, font, image or link fetched from anywhere; the same
/// bytes from run to run). Every table comes from the reports the text
/// commands use (`MigrationStatusReport`, `ProposalReport`, `KPIReport`,
/// `PortfolioReport`): nothing is computed twice, and every word comes
/// from `ReportWords`. What only a page has, the SVG charts and their
/// legends, is a figure block.
public enum HTMLReport {
  /// The page of one plan: header, summary, Gantt chart and its text
  /// alternative, status per system and per area, pending proposals, KPIs.
  public static func plan(
    _ plan: Plan, catalog: Catalog, schedule: MigrationSchedule, baseline: Baseline?,
    hint: String? = nil, costs: CostReport? = nil, words: ReportWords
  ) -> String {
    ReportRenderer.render(
      planDocument(
        plan, catalog: catalog, schedule: schedule, baseline: baseline, hint: hint, costs: costs,
        words: words),
      as: .html, words: words)
  }

  /// The plan's page as a document.
  /// With `costs`, a costs section and the running-cost KPI.
  public static func planDocument(
    _ plan: Plan, catalog: Catalog, schedule: MigrationSchedule, baseline: Baseline?,
    hint: String? = nil, costs: CostReport? = nil, words: ReportWords
  ) -> ReportDocument {
    var kpi = KPIReport(plan: plan, catalog: catalog, schedule: schedule, words: words)
    if let costs { kpi.addRunningCosts(costs, words: words) }
    let proposals = ProposalReport(
      plan: plan, catalog: catalog, schedule: schedule, includeNegotiated: false)
    func status(_ unit: MigrationStatusReport.Unit) -> ReportBlock {
      table(
        from: MigrationStatusReport(
          plan: plan, catalog: catalog, schedule: schedule, unit: unit, baseline: baseline
        ).document, columnsOf: .csv)
    }
    return ReportDocument(
      [
        .facts(facts(plan, schedule: schedule, baseline: baseline, words: words)),
        .section(
          id: "summary", heading: words.page(.summary),
          [
            .table(
              summary(kpi.standardization, schedule: schedule, baseline: baseline, words: words))
          ] + (hint.map { [.note($0)] } ?? [])
        ),
        .section(
          id: "gantt", heading: words.page(.schedule),
          gantt(plan, catalog: catalog, schedule: schedule, baseline: baseline, words: words)),
        .section(id: "systems", heading: words.page(.bySystem), [status(.system)]),
        .section(id: "areas", heading: words.page(.byArea), [status(.area)]),
        .section(
          id: "proposals", heading: words.page(.pendingProposals),
          [.table(proposals.pendingTable(words: words))]),
        .section(
          id: "kpi", heading: words.page(.kpi),
          [table(from: kpi.document(words: words), columnsOf: .text)]),
      ] + (costs.map { [$0.htmlSection(words: words)] } ?? []),
      title: words.planPageTitle(plan.municipality, asOf: schedule.asOf),
      footer: words.page(.footer))
  }

  /// The header's facts: as-of date, deadline, when progress was
  /// recorded, the baseline.
  static func facts(
    _ plan: Plan, schedule: MigrationSchedule, baseline: Baseline?, words: ReportWords
  ) -> [(String, String)] {
    var facts: [(String, String)] = [
      (words.page(.asOf), words.dated(schedule.asOf)),
      (words.page(.deadline), words.dated(plan.deadline)),
    ]
    if let recorded = plan.recorded { facts.append((words.page(.progressRecorded), recorded.iso)) }
    if let baseline {
      facts.append((words.page(.baseline), "\(baseline.name) (\(baseline.asOf.iso))"))
    }
    return facts
  }

  /// The summary: systems by status, areas migrated, the PMO rates and
  /// the slips against the baseline, as labelled values.
  static func summary(
    _ figures: StandardizationFigures, schedule: MigrationSchedule, baseline: Baseline?,
    words: ReportWords
  ) -> ReportTable {
    var rows: [(String, String)] = [
      (
        words.page(.systems),
        MigrationStatus.allCases.map { status in
          let count = schedule.systems.filter { $0.status == status }.count
          return "\(words.status(status)) \(count)"
        }.joined(separator: words.listSeparator)
      ),
      (words.page(.areasMigrated), "\(figures.areasMigrated) / \(figures.areas.count)"),
      (words.page(.pmoOfficial), NumberStyle.percent(figures.officialRate)),
      (words.page(.pmoEffortWeighted), NumberStyle.percent(figures.effortWeightedRate)),
    ]
    if let baseline {
      let slips = Slip.of(schedule, against: baseline).values.filter { $0.days > 0 }
      rows.append(
        (
          words.page(.laterThanBaseline),
          words.slips(
            count: slips.count, most: slips.map(\.days).max() ?? 0,
            total: slips.map(\.days).reduce(0, +))
        ))
    }
    var table = ReportTable(
      key: "summary",
      columns: [.init("label", "", formats: [.html]), .init("value", "", formats: [.html])],
      rows: rows.map { [.text($0.0), .text($0.1)] }, formats: [.html])
    table.showsHeader = false
    return table
  }

  /// The Gantt section: the SVG charts and their legend, then the chart
  /// as a table.
  static func gantt(
    _ plan: Plan, catalog: Catalog, schedule: MigrationSchedule, baseline: Baseline?,
    words: ReportWords
  ) -> [ReportBlock] {
    // From the as-of fiscal year to the end of the fiscal year that holds
    // the last go-live or the nearest deadline after it (a farther
    // 特定移行支援 deadline is marked at the edge). After the common
    // deadline, from its fiscal year, so the missed deadline stays on the
    // chart.
    let (defaultStart, to) = GanttChart.defaultPeriod(schedule, plan: plan)
    let from = min(defaultStart, plan.deadline.fiscalYear.firstDay)
    let charts = SVGGantt(words: words).charts(
      schedule, plan: plan, catalog: catalog, baseline: baseline, from: from, to: to)
    return [
      .figure([
        .el("div", [("class", "gantt-charts")], charts.map { .el("figure", [], [$0]) }),
        // The legend keys what the charts drew, read from the charts.
        legend(
          words, drawn: Set(charts.flatMap(\.classes)),
          beyond: Set(schedule.systems.map(\.deadline).filter { $0 >= to }).sorted()),
      ]),
      .note(words.page(.chartAsTable)),
      .table(ganttAlternative(schedule, catalog: catalog, words: words)),
    ]
  }

  /// The first table of `document` shown in `format`, for the page: the
  /// same rows, the columns `format` shows.
  static func table(from document: ReportDocument, columnsOf format: ReportFormat) -> ReportBlock {
    guard
      let source = ReportRenderer.tables(document.blocks).first(where: {
        $0.formats.contains(format)
      })
    else { return .line("-") }
    var table = source
    table.formats = [.html]
    for index in table.columns.indices {
      if table.columns[index].formats.contains(format) {
        table.columns[index].formats.insert(.html)
      } else {
        table.columns[index].formats.remove(.html)
      }
    }
    return .table(table)
  }

  /// The page of a portfolio: totals, each municipality's areas, the
  /// vendors' load over time against their capacity, and what binds.
  public static func portfolio(
    _ report: PortfolioReport, costs: PortfolioCostReport? = nil, words: ReportWords
  ) -> String {
    var document = portfolioDocument(report, words: words)
    if let costs { document.blocks.append(costs.htmlSection(words: words)) }
    return ReportRenderer.render(document, as: .html, words: words)
  }

  /// The portfolio's page as a document.
  public static func portfolioDocument(_ report: PortfolioReport, words: ReportWords)
    -> ReportDocument
  {
    func counts(_ c: PortfolioReport.Counts) -> [ReportValue] {
      [c.total, c.done, c.onTrack, c.atRisk, c.late, c.inTime].map(ReportValue.integer)
    }
    let totals = ReportTable(
      key: "totals",
      columns: [words.pageColumn("unit", .unit), words.pageColumn("total", .total, numeric: true)]
        + [MigrationStatus.done, .onTrack, .atRisk, .late].map(words.statusColumn)
        + [words.pageColumn("inTime", .withinDeadline, numeric: true)],
      rows: [
        [.text(words.page(.areas))] + counts(report.areas),
        [.text(words.page(.systems))] + counts(report.systems),
      ], formats: [.html])
    var bindings = ReportTable(
      key: "binding",
      columns: [
        words.pageColumn("cause", .cause), words.statusColumn(.late), words.statusColumn(.atRisk),
      ],
      rows: report.bindings.map {
        [
          .text(words.cause($0.cause, vendorNames: report.vendorNames)), .integer($0.late),
          .integer($0.atRisk),
        ]
      },
      formats: [.html])
    bindings.empty = words.page(.noBinding)
    return ReportDocument(
      [
        .facts([
          (words.page(.asOf), words.dated(report.asOf)),
          (words.page(.bodies), NumberStyle.count(report.plans)),
        ]),
        .section(id: "totals", heading: words.page(.totals), [.table(totals)]),
        .section(
          id: "municipalities", heading: words.page(.byBody),
          [.table(municipalities(report, words: words))]),
        .section(
          id: "vendor-load", heading: words.page(.vendorLoad),
          [
            .figure([.el("figure", [], [vendorLoadChart(report, words: words)])]),
            .note(words.page(.vendorLoadNote)),
            .table(loadTable(report, words: words)),
          ]),
        .section(id: "binding", heading: words.page(.binding), [.table(bindings)]),
      ], title: words.portfolioPageTitle(plans: report.plans, asOf: report.asOf),
      footer: words.page(.footer))
  }

  /// Per municipality, from the report's status rows: its areas, those in
  /// time, late, and 特定移行支援.
  static func municipalities(_ report: PortfolioReport, words: ReportWords) -> ReportTable {
    let statusIndex = report.rowColumns.firstIndex { $0.key == "status" }
    let tokuteiIndex = report.rowColumns.firstIndex { $0.key == "tokutei" }
    // `rows` hold the municipality and prefecture, then the status cells.
    let offset = 2
    typealias Tally = (
      name: String, prefecture: String, areas: Int, inTime: Int, late: Int, tokutei: Int
    )
    var order: [String] = []
    var tallies: [String: Tally] = [:]
    for row in report.rows {
      let key = row.municipality + "\u{1F}" + row.prefecture
      var entry = tallies[key] ?? (row.municipality, row.prefecture, 0, 0, 0, 0)
      if tallies[key] == nil { order.append(key) }
      entry.areas += 1
      if let statusIndex, case .status(let status) = row.cells[statusIndex - offset] {
        if status == .late { entry.late += 1 } else { entry.inTime += 1 }
      }
      if let tokuteiIndex, case .flag(true) = row.cells[tokuteiIndex - offset] {
        entry.tokutei += 1
      }
      tallies[key] = entry
    }
    return ReportTable(
      key: "municipalities",
      columns: [
        words.pageColumn("body", .body), words.pageColumn("prefecture", .prefecture),
        words.pageColumn("areas", .areas, numeric: true),
        words.pageColumn("inTime", .withinDeadline, numeric: true), words.statusColumn(.late),
        words.pageColumn("tokutei", .tokutei, numeric: true),
      ],
      rows: order.compactMap { key -> [ReportValue]? in
        guard let entry = tallies[key] else { return nil }
        return [.text(entry.name), .text(entry.prefecture)]
          + [entry.areas, entry.inTime, entry.late, entry.tokutei].map(ReportValue.integer)
      }, formats: [.html])
  }

  /// The chart's text alternative: per system, its work period, what is
  /// under way and next, go-live, deadline and status.
  static func ganttAlternative(_ schedule: MigrationSchedule, catalog: Catalog, words: ReportWords)
    -> ReportTable
  {
    let groupOf = Dictionary(
      catalog.template.steps.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
    func groups(_ tasks: [ScheduledTask]) -> String {
      var numbers: [Int] = []
      for task in tasks {
        if let group = groupOf[task.step], !numbers.contains(group) { numbers.append(group) }
      }
      return numbers.isEmpty
        ? "-"
        : numbers.map { n in "\(n) " + (catalog.template.group(n)?.name ?? "") }.joined(
          separator: words.cellSeparator)
    }
    var table = ReportTable(
      key: "ganttAlternative",
      columns: [
        words.pageColumn("system", .system), words.pageColumn("work", .work),
        words.pageColumn("underWay", .underWay), words.pageColumn("next", .next),
        words.pageColumn("goLive", .goLive),
        words.pageColumn("deadline", .deadline), words.pageColumn("status", .status),
      ],
      rows: schedule.systems.map { outcome in
        let tasks = schedule.tasks(of: outcome.id).filter { $0.status != .notApplicable }
        let start = tasks.map(\.start).min()
        let end = tasks.map(\.end).max()
        // The next step group: the first planned one not already under way.
        let underWay = Set(
          tasks.filter { $0.status == .inProgress }.compactMap { groupOf[$0.step] })
        let next = tasks.filter {
          $0.status == .planned && !underWay.contains(groupOf[$0.step] ?? -1)
        }.sorted { $0.start < $1.start }.prefix(1)
        return [
          .text(outcome.name),
          .text(start.flatMap { s in end.map { "\(s.iso) – \($0.adding(days: -1).iso)" } } ?? "-"),
          .text(groups(tasks.filter { $0.status == .inProgress })), .text(groups(Array(next))),
          .date(outcome.goLive), .date(outcome.deadline), .status(outcome.status),
        ]
      }, formats: [.html])
    table.htmlClass = "gantt-alt"
    return table
  }

  /// The chart's legend, drawn with the chart's own patterns: only what
  /// the chart draws.
  /// `drawn`: the classes of what the charts drew; `beyond`: the
  /// deadlines marked at their right edge.
  static func legend(_ words: ReportWords, drawn: Set<String>, beyond: [CivilDate]) -> HTMLNode {
    func swatch(_ type: String, _ label: String) -> HTMLNode {
      .el(
        "span", [("class", "key")],
        [
          .el(
            "svg",
            [("width", "26"), ("height", "12"), ("viewBox", "0 0 26 12"), ("aria-hidden", "true")],
            [
              .el(
                "rect",
                [
                  ("class", "bar " + type), ("x", "1"), ("y", "1"), ("width", "24"),
                  ("height", "10"),
                ])
            ]),
          .text(" " + label),
        ])
    }
    func marker(_ type: String, _ label: String, line: Bool = false) -> HTMLNode {
      let shape: HTMLNode =
        line
        ? .el("line", [("class", type), ("x1", "6"), ("x2", "6"), ("y1", "0"), ("y2", "12")])
        : .el("polygon", [("class", type), ("points", "6,0 12,6 6,12 0,6")])
      return .el(
        "span", [("class", "key")],
        [
          .el(
            "svg",
            [("width", "12"), ("height", "12"), ("viewBox", "0 0 12 12"), ("aria-hidden", "true")],
            [shape]),
          .text(" " + label),
        ])
    }
    func late(_ label: String) -> HTMLNode {
      .el(
        "span", [("class", "key")],
        [
          .el(
            "svg",
            [("width", "12"), ("height", "12"), ("viewBox", "0 0 12 12"), ("aria-hidden", "true")],
            [.el("polygon", [("class", "golive late"), ("points", "6,0 12,11 0,11")])]),
          .text(" " + label),
        ])
    }
    var keys = [swatch("done", words.barState("done"))]
    if drawn.contains("bar assumed") { keys.append(swatch("assumed", words.barState("assumed"))) }
    keys += [
      swatch("progress", words.barState("progress")),
      swatch("planned", words.barState("planned")),
    ]
    if drawn.contains("golive") { keys.append(marker("golive", words.goLive)) }
    if drawn.contains("golive late") { keys.append(late(words.page(.goLiveAfterDeadline))) }
    if drawn.contains("asof") { keys.append(marker("asof", words.asOf, line: true)) }
    if drawn.contains("deadline") { keys.append(marker("deadline", words.deadline, line: true)) }
    if drawn.contains("tokutei") {
      keys.append(marker("tokutei", words.tokuteiDeadline, line: true))
    }
    if drawn.contains("baseline") { keys.append(marker("baseline", words.baselineGoLive)) }
    if !beyond.isEmpty {
      keys.append(
        .el(
          "span", [("class", "key")],
          [
            .el(
              "svg",
              [("width", "8"), ("height", "12"), ("viewBox", "0 0 8 12"), ("aria-hidden", "true")],
              [.el("polygon", [("class", "beyond"), ("points", "1,1 7,6 1,11")])]),
            .text(" " + words.deadlineBeyond(beyond.map(\.iso))),
          ]))
    }
    return .el("p", [("class", "legend")], keys)
  }

  /// A vendor resource as the load chart labels it (`fujitsu-japan/fj-zeimu`);
  /// any other resource by its id.
  static func vendorLabel(_ id: String) -> String {
    guard let key = ResourceKey(id: id), let vendor = key.vendorId else { return id }
    return key.productId.map { vendor + "/" + $0 } ?? vendor
  }

  /// Per vendor resource, each quarter's average load as a bar against its
  /// capacity (the line); over capacity in the darker shade.
  static func vendorLoadChart(_ report: PortfolioReport, words: ReportWords) -> HTMLNode {
    let loads = report.loads.filter { $0.systems > 0 }
    // Every quarter from the first to the last with a load, none left out.
    var quarters: [CivilDate] = []
    if let first = loads.compactMap({ $0.quarters.first?.start }).min(),
      let last = loads.compactMap({ $0.quarters.last?.start }).max()
    {
      var quarter = FiscalQuarter(containing: first)
      while quarter.firstDay <= last {
        quarters.append(quarter.firstDay)
        quarter = quarter.next
      }
    }
    let label = 190.0
    let rowHeight = 34.0
    let width = 1000.0
    let step = quarters.isEmpty ? 0 : (width - label - 10) / Double(quarters.count)
    var nodes: [HTMLNode] = [
      .el("title", [("id", "load-title")], text: words.vendorLoadTitle)
    ]
    for (index, quarter) in quarters.enumerated()
    where index == 0 || FiscalQuarter(containing: quarter).number == 1 {
      nodes.append(
        .el(
          "text",
          [
            ("x", SVGGantt.number(label + Double(index) * step + 2)), ("y", "12"),
            ("class", "year-left"),
          ],
          text: words.fiscalYear(quarter.fiscalYear)))
    }
    for (row, load) in loads.enumerated() {
      nodes.append(
        loadRow(
          load, top: 18 + Double(row) * rowHeight, quarters: quarters,
          layout: (label: label, rowHeight: rowHeight, width: width, step: step),
          report: report, words: words))
    }
    let height = 18 + Double(loads.count) * rowHeight + 4
    return .el(
      "svg",
      [
        ("class", "load-chart"),
        ("viewBox", "0 0 \(SVGGantt.number(width)) \(SVGGantt.number(height))"),
        ("role", "img"), ("aria-labelledby", "load-title"), ("xmlns", "http://www.w3.org/2000/svg"),
      ], nodes)
  }

  /// One vendor resource's row of the load chart: its label, a bar per
  /// quarter, and its capacity line.
  static func loadRow(
    _ load: VendorLoad, top: Double, quarters: [CivilDate],
    layout: (label: Double, rowHeight: Double, width: Double, step: Double),
    report: PortfolioReport, words: ReportWords
  ) -> HTMLNode {
    let (label, rowHeight, width, step) = layout
    var children: [HTMLNode] = [
      .el(
        "text",
        [
          ("x", SVGGantt.number(label - 6)), ("y", SVGGantt.number(top + 20)), ("class", "label"),
        ],
        // The short id: the chart's label column is narrow; the table
        // below and the tooltip name the vendor.
        text:
          "\(Self.vendorLabel(load.resource)) (\(load.capacity))"
      )
    ]
    let full = rowHeight - 8
    for quarter in load.quarters {
      guard let index = quarters.firstIndex(of: quarter.start) else { continue }
      let ratio = load.capacity == 0 ? 0 : quarter.average / Double(load.capacity)
      let height = min(ratio, 1.25) / 1.25 * full
      children.append(
        .el(
          "rect",
          [
            ("class", ratio > 1.001 ? "load over" : "load"),
            ("x", SVGGantt.number(label + Double(index) * step + 0.5)),
            ("y", SVGGantt.number(top + full - height)),
            ("width", SVGGantt.number(max(step - 1, 0.5))), ("height", SVGGantt.number(height)),
          ],
          [
            .el(
              "title",
              text:
                "\(words.resourceName(load.resource, vendorNames: report.vendorNames)) \(words.fiscalYear(quarter.start.fiscalYear)) \(FiscalQuarter(containing: quarter.start).label): \(JSONValue.decimalText(quarter.average, digits: 1)) / \(load.capacity)"
            )
          ]))
    }
    let capacityY = top + full - full / 1.25
    children.append(
      .el(
        "line",
        [
          ("class", "capacity"), ("x1", SVGGantt.number(label)),
          ("x2", SVGGantt.number(width - 10)),
          ("y1", SVGGantt.number(capacityY)), ("y2", SVGGantt.number(capacityY)),
        ], [.el("title", text: words.capacityWord + " \(load.capacity)")]))
    return .el("g", [("class", "vendor")], children)
  }

  /// The load chart's text alternative: per vendor resource, its capacity,
  /// systems, peak quarter and the quarters over capacity.
  static func loadTable(_ report: PortfolioReport, words: ReportWords) -> ReportTable {
    ReportTable(
      key: "vendorLoad",
      columns: [
        words.pageColumn("resource", .resource),
        words.pageColumn("capacity", .capacity, numeric: true),
        words.pageColumn("systems", .migrations, numeric: true),
        words.pageColumn("peak", .peakLoad, numeric: true),
        words.pageColumn("peakQuarter", .peakQuarter),
        words.pageColumn("over", .quartersOver, numeric: true),
      ],
      rows: report.loads.filter { $0.systems > 0 }.map { load in
        let peak = load.quarters.max { $0.average < $1.average }
        let over = load.quarters.filter { $0.average > Double(load.capacity) + 0.001 }.count
        return [
          .text(words.resourceName(load.resource, vendorNames: report.vendorNames)),
          .integer(load.capacity), .integer(load.systems),
          .text(peak.map { JSONValue.decimalText($0.average, digits: 1) } ?? "-"),
          .text(
            peak.map {
              "\(words.fiscalYear($0.start.fiscalYear)) \(FiscalQuarter(containing: $0.start).label)"
            } ?? "-"),
          .integer(over),
        ]
      }, formats: [.html])
  }
}
