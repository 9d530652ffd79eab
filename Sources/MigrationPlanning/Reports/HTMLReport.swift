/// `migplan report`: the reviewer's page. One self-contained HTML file:
/// inline CSS and SVG, no script, font, image or link fetched from
/// anywhere; the same bytes from run to run. Every table comes from the
/// reports the text commands use (`MigrationStatusReport`,
/// `ProposalReport`, `KPIReport`, `PortfolioReport`): nothing is computed
/// twice.
public enum HTMLReport {
  /// The page of one plan: header, summary, Gantt chart and its text
  /// alternative, status per system and per area, pending proposals, KPIs.
  public static func plan(
    _ plan: Plan, catalog: Catalog, schedule: MigrationSchedule, baseline: Baseline?,
    words: ReportWords
  ) -> String {
    let ja = words.language == .ja
    let kpi = KPIReport(plan: plan, catalog: catalog, schedule: schedule, words: words)
    let figures = kpi.standardization
    let proposals = ProposalReport(
      plan: plan, catalog: catalog, schedule: schedule, includeNegotiated: false)
    let bySystem = MigrationStatusReport(
      plan: plan, catalog: catalog, schedule: schedule, unit: .system, baseline: baseline)
    let byArea = MigrationStatusReport(
      plan: plan, catalog: catalog, schedule: schedule, unit: .area, baseline: baseline)
    // From the as-of fiscal year to the end of the fiscal year that holds
    // the last go-live or the nearest deadline after it (a farther
    // 特定移行支援 deadline is marked at the edge). After the common
    // deadline, from its fiscal year, so the missed deadline stays on the
    // chart.
    let (defaultStart, defaultEnd) = GanttChart.defaultPeriod(schedule, plan: plan)
    let from = min(defaultStart, plan.deadline.fiscalYear.firstDay)
    let to = defaultEnd

    var facts: [(String, String)] = [
      (words.pick("基準日", "As of"), words.dated(schedule.asOf)),
      (words.pick("期限", "Deadline"), words.dated(plan.deadline)),
    ]
    if let recorded = plan.recorded {
      facts.append((words.pick("進捗の記録日", "Progress recorded"), recorded.iso))
    }
    if let baseline {
      facts.append(
        (words.pick("基準計画", "Baseline"), "\(baseline.name) (\(baseline.asOf.iso))"))
    }

    var summary: [(String, String)] = [
      (
        words.pick("システム", "Systems"),
        MigrationStatus.allCases.map { status in
          let count = schedule.systems.filter { $0.status == status }.count
          return "\(words.status(status)) \(count)"
        }.joined(separator: ja ? "・" : ", ")
      ),
      (
        words.pick("移行済みの事務", "Areas migrated"),
        "\(figures.areasMigrated) / \(figures.areas.count)"
      ),
      (words.pick("PMO進捗率 (公式)", "PMO rate (official)"), NumberStyle.percent(figures.officialRate)),
      (
        words.pick("PMO進捗率 (工数加重)", "PMO rate (effort-weighted)"),
        NumberStyle.percent(figures.effortWeightedRate)
      ),
    ]
    if let baseline {
      let slips = Slip.of(schedule, against: baseline).values.filter { $0.days > 0 }
      let most = slips.map(\.days).max() ?? 0
      summary.append(
        (
          words.pick("基準計画より遅れたシステム", "Systems later than the baseline"),
          slips.isEmpty
            ? "0"
            : words.pick(
              "\(slips.count) (最大 \(NumberStyle.count(most)) 日、合計 \(NumberStyle.count(slips.map(\.days).reduce(0, +))) 日)",
              "\(slips.count) (up to \(NumberStyle.count(most)) days, \(NumberStyle.count(slips.map(\.days).reduce(0, +))) days in all)"
            )
        ))
    }

    let title = words.pick(
      "\(plan.municipality) 標準準拠システムへの移行状況 \(schedule.asOf.iso)",
      "\(plan.municipality): migration to standard-conforming systems, \(schedule.asOf.iso)")
    var sections: [HTMLNode] = [
      .el(
        "header", [],
        [
          .el("h1", text: title),
          definitions(facts),
        ]),
      section(
        "summary", words.pick("概要", "Summary"),
        [table(summary.map { [.text($0.0), .text($0.1)] }, header: nil, words: words)]),
      section(
        "gantt", words.pick("移行スケジュール", "Migration schedule"),
        [
          .el(
            "div", [("class", "gantt-charts")],
            SVGGantt(words: words).charts(
              schedule, plan: plan, catalog: catalog, baseline: baseline, from: from, to: to
            ).map { .el("figure", [], [$0]) }),
          legend(
            words, baseline: baseline != nil,
            assumed: schedule.tasks.contains { $0.datesAssumed && $0.start < to && $0.end > from },
            beyond: Set(schedule.systems.map(\.deadline).filter { $0 >= to }).sorted()),
          .el(
            "p", [("class", "note")],
            text: words.pick(
              "図の内容を表にしたもの (システムごとの作業期間、運用開始、期限、状態):",
              "The chart as a table (each system's work, go-live, deadline and status):")),
          ganttAlternative(schedule, catalog: catalog, words: words),
        ]),
      section(
        "systems", words.pick("システム別の状況", "Status by system"),
        [reportTable(bySystem.document, words: words, format: .csv)]),
      section(
        "areas", words.pick("事務別の状況", "Status by area"),
        [reportTable(byArea.document, words: words, format: .csv)]),
      section(
        "proposals", words.pick("未契約の調達", "Pending proposals"),
        [proposalTable(proposals, words: words)]),
      section(
        "kpi", words.pick("DX推進の取り組み (KPI)", "DX initiatives (KPIs)"),
        [reportTable(kpi.document(words: words), words: words, format: .text)]),
    ]
    sections.append(footer(words))
    return page(title: title, words: words, body: sections)
  }

  /// The page of a portfolio: totals, each municipality's areas, the
  /// vendors' load over time against their capacity, and what binds.
  public static func portfolio(_ report: PortfolioReport, words: ReportWords) -> String {
    let title = words.pick(
      "ポートフォリオ \(NumberStyle.count(report.plans))団体 移行状況 \(report.asOf.iso)",
      "Portfolio of \(NumberStyle.count(report.plans)) bodies: migration status, \(report.asOf.iso)"
    )
    func counts(_ c: PortfolioReport.Counts) -> [HTMLNode] {
      [
        .integer(c.total), .integer(c.done), .integer(c.onTrack), .integer(c.atRisk),
        .integer(c.late), .integer(c.inTime),
      ].map { cell($0, words: words) }
    }
    let countHeader = [
      words.pick("区分", "Unit"), words.pick("計", "Total"), words.status(.done),
      words.status(.onTrack), words.status(.atRisk), words.status(.late),
      words.pick("期限内", "In time"),
    ]
    let totals = table(
      [
        [.text(words.pick("事務", "Areas"))] + counts(report.areas),
        [.text(words.pick("システム", "Systems"))] + counts(report.systems),
      ], header: countHeader, words: words, numeric: Set(1...6))
    // Per municipality, from the status rows.
    let statusIndex = report.rowColumns.firstIndex { $0.key == "status" }
    let tokuteiIndex = report.rowColumns.firstIndex { $0.key == "tokutei" }
    // `rows` hold the municipality and prefecture, then the status cells.
    let offset = 2
    typealias Tally = (
      name: String, prefecture: String, areas: Int, inTime: Int, late: Int, tokutei: Int
    )
    var order: [String] = []
    var rows: [String: Tally] = [:]
    for row in report.rows {
      let key = row.municipality + "\u{1F}" + row.prefecture
      if rows[key] == nil {
        order.append(key)
        rows[key] = (row.municipality, row.prefecture, 0, 0, 0, 0)
      }
      var entry = rows[key] ?? (row.municipality, row.prefecture, 0, 0, 0, 0)
      entry.areas += 1
      if let statusIndex, case .status(let status) = row.cells[statusIndex - offset] {
        if status == .late { entry.late += 1 } else { entry.inTime += 1 }
      }
      if let tokuteiIndex, case .flag(true) = row.cells[tokuteiIndex - offset] {
        entry.tokutei += 1
      }
      rows[key] = entry
    }
    let municipalities = table(
      order.compactMap { key -> [HTMLNode]? in
        guard let entry = rows[key] else { return nil }
        return [.text(entry.name), .text(entry.prefecture)]
          + [entry.areas, entry.inTime, entry.late, entry.tokutei].map {
            cell(.integer($0), words: words)
          }
      },
      header: [
        words.pick("団体", "Body"), words.pick("都道府県", "Prefecture"), words.pick("事務", "Areas"),
        words.pick("期限内", "In time"), words.status(.late), words.pick("特定移行支援", "特定移行支援"),
      ], words: words, numeric: [2, 3, 4, 5])
    let bindings: HTMLNode =
      report.bindings.isEmpty
      ? .el(
        "p", text: words.pick("遅延・要注意のシステムはありません。", "No system is late or at risk."))
      : table(
        report.bindings.map {
          [.text(words.cause($0.cause))]
            + [$0.late, $0.atRisk].map { cell(.integer($0), words: words) }
        },
        header: [words.pick("制約", "Cause"), words.status(.late), words.status(.atRisk)],
        words: words, numeric: [1, 2])
    let body: [HTMLNode] = [
      .el(
        "header", [],
        [
          .el("h1", text: title),
          definitions([
            (words.pick("基準日", "As of"), words.dated(report.asOf)),
            (words.pick("団体数", "Bodies"), NumberStyle.count(report.plans)),
          ]),
        ]),
      section("totals", words.pick("合計", "Totals"), [totals]),
      section("municipalities", words.pick("団体別 (事務)", "By body (areas)"), [municipalities]),
      section(
        "vendor-load",
        words.pick("ベンダの負荷 (四半期ごと、容量に対して)", "Vendor load by quarter, against capacity"),
        [
          .el("figure", [], [vendorLoadChart(report, words: words)]),
          .el(
            "p", [("class", "note")],
            text: words.pick(
              "棒: 四半期ごとの同時移行数の平均 (濃い色は容量超え)。破線: 容量。下の表は図の内容です。",
              "Bars: each quarter's average number of systems in migration (darker: over capacity). Dashed line: the capacity. The table below is the chart's content."
            )),
          loadTable(report, words: words),
        ]),
      section(
        "binding", words.pick("律速 (遅延・要注意のシステム、根本の制約別)", "What binds the late and at-risk systems"),
        [bindings]),
      footer(words),
    ]
    return page(title: title, words: words, body: body)
  }

  // MARK: Parts

  static func page(title: String, words: ReportWords, body: [HTMLNode]) -> String {
    "<!DOCTYPE html>\n"
      + HTMLNode.el(
        "html", [("lang", words.language.rawValue)],
        [
          .el(
            "head", [],
            [
              .el("meta", [("charset", "utf-8")]),
              .el(
                "meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
              .el("title", text: title),
              .el("style", [], [.styleSheet(styleSheet)]),
            ]),
          .el("body", [], body),
        ]
      ).rendered
  }

  static func section(_ id: String, _ heading: String, _ content: [HTMLNode]) -> HTMLNode {
    .el("section", [("id", id)], [.el("h2", text: heading)] + content)
  }

  static func definitions(_ pairs: [(String, String)]) -> HTMLNode {
    .el(
      "dl", [("class", "facts")], pairs.flatMap { [.el("dt", text: $0.0), .el("dd", text: $0.1)] })
  }

  static func footer(_ words: ReportWords) -> HTMLNode {
    .el(
      "footer", [],
      [
        .el(
          "p",
          text: words.pick(
            "migplan が計画 (plan.xml) とカタログから作成。日付は記録と計画のもので、ファイルの更新日時ではありません。",
            "Made by migplan from the plan (plan.xml) and the catalog. Dates are the plan's records and schedule, never a file's modification time."
          ))
      ])
  }

  /// A table of cells; the first column is the row's header.
  static func table(
    _ rows: [[HTMLNode]], header: [String]?, words: ReportWords, numeric: Set<Int> = []
  ) -> HTMLNode {
    var children: [HTMLNode] = []
    if let header {
      children.append(
        .el(
          "thead", [],
          [
            .el(
              "tr", [],
              header.enumerated().map {
                .el(
                  "th",
                  [("scope", "col")] + (numeric.contains($0.offset) ? [("class", "num")] : []),
                  text: $0.element)
              })
          ]))
    }
    children.append(
      .el(
        "tbody", [],
        rows.map { row in
          .el(
            "tr", [],
            row.enumerated().map { index, node in
              if index == 0, case .text(let text) = node {
                return .el("th", [("scope", "row")], text: text)
              }
              if case .element("td", _, _) = node { return node }
              return .el("td", numeric.contains(index) ? [("class", "num")] : [], [node])
            })
        }))
    return .el("table", [], children)
  }

  /// A cell of a typed value: statuses in words and marked for styling,
  /// numbers to the right.
  static func cell(_ value: ReportValue, words: ReportWords) -> HTMLNode {
    switch value {
    case .status(let status):
      return .el("td", [("class", "status " + status.rawValue)], text: words.status(status))
    case .integer, .decimal, .percentage:
      return .el("td", [("class", "num")], text: ReportRenderer.text(value))
    case .flag(let flag):
      return .el("td", text: flag ? words.pick("はい", "yes") : "")
    case .date(let date):
      return .el("td", [("class", "date")], text: date.iso)
    default:
      return .el(
        "td", text: ReportRenderer.text(value, words: words, separator: words.pick("、", ", ")))
    }
  }

  /// The first table of a document shown in `format`, with the report's
  /// headers and cells.
  static func reportTable(_ document: ReportDocument, words: ReportWords, format: ReportFormat)
    -> HTMLNode
  {
    guard
      let source = ReportRenderer.tables(document.blocks).first(where: {
        $0.formats.contains(format)
      })
    else { return .el("p", text: "-") }
    let shown = source.columns.indices.filter { source.columns[$0].formats.contains(format) }
    let numeric = Set(
      shown.enumerated().filter { source.columns[$0.element].numeric }.map(\.offset))
    return table(
      source.rows.map { row in
        shown.enumerated().map { position, index in
          position == 0 ? .text(ReportRenderer.text(row[index])) : cell(row[index], words: words)
        }
      }, header: shown.map { words.header(source.columns[$0]) }, words: words, numeric: numeric)
  }

  /// Each pending proposal with its next milestone.
  static func proposalTable(_ report: ProposalReport, words: ReportWords) -> HTMLNode {
    guard !report.entries.isEmpty else {
      return .el("p", text: words.pick("未契約の調達はありません。", "No pending proposals."))
    }
    return table(
      report.entries.map { entry in
        [
          .text(entry.name),
          cell(
            .text(
              words.language == .ja
                ? entry.areaNames.joined(separator: "、") : entry.areas.joined(separator: ", ")),
            words: words),
          cell(
            .text(words.language == .ja ? entry.method.japaneseName : entry.method.rawValue),
            words: words),
          cell(
            .text(
              entry.next.map { words.language == .ja ? $0.kind.rawValue : $0.kind.englishName }
                ?? "-"), words: words),
          cell(entry.next.map { .date($0.date) } ?? .text("-"), words: words),
          cell(entry.workingDaysLeft.map(ReportValue.integer) ?? .text("-"), words: words),
          cell(.date(entry.goLive), words: words), cell(.status(entry.status), words: words),
          cell(
            .text(
              entry.contractInTime ? words.pick("間に合う", "in time") : words.pick("遅い", "too late")),
            words: words),
        ]
      },
      header: [
        words.pick("システム", "System"), words.pick("事務", "Areas"), words.pick("調達方法", "Method"),
        words.pick("次のマイルストーン", "Next milestone"), words.pick("日付", "Date"),
        words.pick("残り営業日", "Working days left"), words.pick("運用開始", "Go-live"),
        words.pick("状態", "Status"), words.pick("契約", "Contract"),
      ], words: words, numeric: [5])
  }

  /// The chart's text alternative: per system, its work period, what is
  /// under way and next, go-live, deadline and status.
  static func ganttAlternative(_ schedule: MigrationSchedule, catalog: Catalog, words: ReportWords)
    -> HTMLNode
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
          separator: words.pick("、", ", "))
    }
    let rows: [[HTMLNode]] = schedule.systems.map { outcome in
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
        cell(
          .text(start.flatMap { s in end.map { "\(s.iso) – \($0.adding(days: -1).iso)" } } ?? "-"),
          words: words),
        cell(.text(groups(tasks.filter { $0.status == .inProgress })), words: words),
        cell(.text(groups(Array(next))), words: words),
        cell(.date(outcome.goLive), words: words), cell(.date(outcome.deadline), words: words),
        cell(.status(outcome.status), words: words),
      ]
    }
    return .el(
      "div", [("class", "gantt-alt")],
      [
        table(
          rows,
          header: [
            words.pick("システム", "System"), words.pick("作業期間", "Work"),
            words.pick("作業中の工程", "Under way"), words.pick("次の工程", "Next"),
            words.pick("運用開始", "Go-live"), words.pick("期限", "Deadline"),
            words.pick("状態", "Status"),
          ], words: words)
      ])
  }

  /// The chart's legend, drawn with the chart's own patterns.
  /// The chart's legend: `assumed` when it draws assumed dates, `beyond`
  /// the deadlines marked at its right edge.
  static func legend(
    _ words: ReportWords, baseline: Bool, assumed: Bool = false, beyond: [CivilDate] = []
  ) -> HTMLNode {
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
    if assumed { keys.append(swatch("assumed", words.barState("assumed"))) }
    keys += [
      swatch("progress", words.barState("progress")),
      swatch("planned", words.barState("planned")), marker("golive", words.goLive),
      late(words.pick("運用開始 (期限後)", "go-live after the deadline")),
      marker("asof", words.asOf, line: true), marker("deadline", words.deadline, line: true),
      marker("tokutei", words.tokuteiDeadline, line: true),
    ]
    if baseline { keys.append(marker("baseline", words.baselineGoLive)) }
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

  /// Per vendor resource, each quarter's average load as a bar against its
  /// capacity (the line); over capacity in the darker shade.
  /// A vendor resource as the load chart labels it (`fujitsu-japan/fj-zeimu`);
  /// any other resource by its id.
  static func vendorLabel(_ id: String) -> String {
    guard let key = ResourceKey(id: id), let vendor = key.vendorId else { return id }
    return key.productId.map { vendor + "/" + $0 } ?? vendor
  }

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
      .el("title", [("id", "load-title")], text: words.pick("ベンダの負荷", "Vendor load"))
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
      let top = 18 + Double(row) * rowHeight
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
          ], [.el("title", text: words.pick("容量", "capacity") + " \(load.capacity)")]))
      nodes.append(.el("g", [("class", "vendor")], children))
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

  /// The load chart's text alternative: per vendor resource, its capacity,
  /// systems, peak quarter and the quarters over capacity.
  static func loadTable(_ report: PortfolioReport, words: ReportWords) -> HTMLNode {
    let rows: [[HTMLNode]] = report.loads.filter { $0.systems > 0 }.map { load in
      let peak = load.quarters.max { $0.average < $1.average }
      let over = load.quarters.filter { $0.average > Double(load.capacity) + 0.001 }.count
      return [
        .text(words.resourceName(load.resource, vendorNames: report.vendorNames)),
        cell(.integer(load.capacity), words: words),
        cell(.integer(load.systems), words: words),
        cell(
          .text(peak.map { JSONValue.decimalText($0.average, digits: 1) } ?? "-"), words: words),
        cell(
          .text(
            peak.map {
              "\(words.fiscalYear($0.start.fiscalYear)) \(FiscalQuarter(containing: $0.start).label)"
            } ?? "-"), words: words),
        cell(.integer(over), words: words),
      ]
    }
    return table(
      rows,
      header: [
        words.pick("資源", "Resource"), words.pick("容量", "Capacity"),
        words.pick("移行数", "Systems"), words.pick("最大負荷", "Peak load"),
        words.pick("最大の四半期", "Peak quarter"),
        words.pick("容量超えの四半期", "Quarters over capacity"),
      ], words: words, numeric: [1, 2, 3, 5])
  }

  /// The page's style: A4 landscape print, contrast that holds in grey.
  static let styleSheet: StaticString = """
    @page { size: A4 landscape; margin: 10mm; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif;
      color: #111; background: #fff; margin: 0 auto; max-width: 1400px; padding: 12px 16px; font-size: 12px; line-height: 1.45; }
    h1 { font-size: 19px; margin: 0 0 6px; }
    h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 2px solid #111; padding-bottom: 2px; break-after: avoid; }
    dl.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0 0 0 4px; }
    table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
    th, td { border: 1px solid #777; padding: 2px 5px; text-align: left; vertical-align: top; }
    thead th { background: #e6e6e6; }
    tbody th { font-weight: normal; background: #f5f5f5; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.date, td.status { white-space: nowrap; }
    td.status.late { font-weight: bold; text-decoration: underline; }
    td.status.at-risk { font-style: italic; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead { display: table-header-group; }
    figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
    p.legend { margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
    p.legend .key { white-space: nowrap; }
    p.legend svg { vertical-align: middle; overflow: visible; }
    .gantt-charts figure + figure { margin-top: 6px; }
    svg.gantt, svg.load-chart { width: 100%; height: auto; display: block; }
    svg text { font-family: inherit; }
    svg .label { font-size: 10.5px; text-anchor: end; fill: #111; }
    svg.load-chart .label { font-size: 9px; }
    svg .year { font-size: 11px; font-weight: bold; text-anchor: middle; fill: #111; }
    svg .year-left { font-size: 10px; font-weight: bold; fill: #111; }
    svg .quarter { font-size: 9px; text-anchor: middle; fill: #333; }
    svg .year-rule { stroke: #444; stroke-width: 0.8; }
    svg .quarter-rule { stroke: #bbb; stroke-width: 0.4; }
    .bar { stroke: #111; stroke-width: 0.6; }
    .bar.done { fill: #08306b; }
    .bar.progress { fill: url(#p-progress); }
    .bar.planned { fill: url(#p-planned); }
    .bar.assumed { fill: url(#p-assumed); }
    .beyond polygon, polygon.beyond { fill: #a50f15; }
    text.beyond {
      font-size: 9px; text-anchor: end; fill: #a50f15;
      paint-order: stroke; stroke: #fff; stroke-width: 3px;
    }
    .golive { fill: #111; stroke: #fff; stroke-width: 0.8; }
    .golive.late { fill: #a50f15; stroke: #111; }
    .baseline { fill: #fff; stroke: #111; stroke-width: 1.2; stroke-dasharray: 2 1; }
    .asof { stroke: #111; stroke-width: 1.2; stroke-dasharray: 4 3; }
    .deadline { stroke: #a50f15; stroke-width: 2; }
    .tokutei { stroke: #a50f15; stroke-width: 2; stroke-dasharray: 2 2; }
    .load { fill: #6baed6; stroke: #111; stroke-width: 0.3; }
    .load.over { fill: #08306b; }
    .capacity { stroke: #a50f15; stroke-width: 1; stroke-dasharray: 3 2; }
    p.note { margin: 6px 0 2px; color: #333; }
    footer { margin-top: 16px; color: #333; font-size: 11px; }
    @media print { body { max-width: none; padding: 0; font-size: 10.5px; } h2 { margin-top: 10px; } }
    """
}
