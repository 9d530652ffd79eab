/// The schedule as an SVG Gantt chart for the HTML report: one row (a `<g
/// class="system">`) per system, one bar per step group on a fiscal-year
/// and quarter axis. Done, in-progress and planned work differ by pattern
/// as well as colour, so the chart reads in black and white. Every bar,
/// marker and line has a `<title>`.
///
/// The chart's user units are fixed (`width` wide); the page scales it to
/// its width, so it fits any page, A4 landscape included. A long plan is
/// drawn as several charts of `rowsPerBlock` rows, each with its axis, so
/// that printing never cuts a row: each block fits a page.
public struct SVGGantt: Sendable {
  /// The report's words.
  public var words: ReportWords
  /// The chart's width in user units.
  static let width = 1000.0
  /// The column of system names.
  static let labelWidth = 190.0
  static let rowHeight = 20.0
  static let axisHeight = 38.0
  /// Rows per chart: what fits an A4 landscape page with the axis.
  public static let rowsPerBlock = 22

  /// A chart drawn with `words`.
  public init(words: ReportWords) { self.words = words }

  /// The state of a bar.
  enum BarState: String {
    case done, assumed, progress, planned
  }

  /// A stretch of one state within a step group.
  struct Bar: Equatable {
    var state: BarState
    var start: CivilDate
    var end: CivilDate
  }

  /// The lane (0 or 1) of each step group, in order: the other lane than
  /// the previous group's, unless that one is still taken where this group
  /// starts and its own is free; when both are taken, the one that frees
  /// first.
  static func lanes(_ groups: [[ScheduledTask]]) -> [Int] {
    var ends = [CivilDate(dayNumber: Int.min / 2), CivilDate(dayNumber: Int.min / 2)]
    var previous = 1
    var lanes: [Int] = []
    for tasks in groups {
      guard let start = tasks.map(\.start).min(), let end = tasks.map(\.end).max() else {
        lanes.append(1 - previous)
        previous = 1 - previous
        continue
      }
      var lane = 1 - previous
      if ends[lane] > start && (ends[1 - lane] <= start || ends[1 - lane] < ends[lane]) {
        lane = 1 - lane
      }
      ends[lane] = max(ends[lane], end)
      lanes.append(lane)
      previous = lane
    }
    return lanes
  }

  /// The bars of one step group's tasks: each task in its state, tasks of
  /// one state that overlap, touch or are parted by a weekend or a
  /// holiday (four days at most) as one bar. Steps that take no time are
  /// left out where the group has any that take time.
  static func bars(_ tasks: [ScheduledTask]) -> [Bar] {
    let timed = tasks.contains { $0.start < $0.end } ? tasks.filter { $0.start < $0.end } : tasks
    var bars: [Bar] = []
    for task in timed.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
      let state: BarState =
        switch task.status {
        case .done where task.datesAssumed: .assumed
        case .done: .done
        case .inProgress: .progress
        case .planned, .notApplicable: .planned
        }
      if let last = bars.last, last.state == state, task.start <= last.end.adding(days: 4) {
        bars[bars.count - 1].end = max(last.end, task.end)
      } else {
        bars.append(Bar(state: state, start: task.start, end: task.end))
      }
    }
    return bars
  }

  /// The charts of `schedule` between `from` and `to` (exclusive), one per
  /// block of `rowsPerBlock` systems.
  public func charts(
    _ schedule: MigrationSchedule, plan: Plan, catalog: Catalog, baseline: Baseline?,
    from: CivilDate, to: CivilDate
  ) -> [HTMLNode] {
    stride(from: 0, to: schedule.systems.count, by: Self.rowsPerBlock).map { first in
      let last = min(first + Self.rowsPerBlock, schedule.systems.count)
      return chart(
        schedule, rows: first..<last, plan: plan, catalog: catalog, baseline: baseline,
        from: from, to: to)
    }
  }

  /// A system's bars: one lane per step group, in template order, each
  /// step as it is (done, done on assumed dates, in progress, planned),
  /// steps of one state that touch drawn as one bar.
  func barNodes(
    _ tasks: [ScheduledTask], outcome: SystemOutcome, top: Double, x: (CivilDate) -> Double,
    groupOf: [String: Int], groupNames: [Int: String], from: CivilDate, to: CivilDate
  ) -> [HTMLNode] {
    var children: [HTMLNode] = []
    var groups: [(number: Int, tasks: [ScheduledTask])] = []
    for task in tasks where task.status != .notApplicable {
      let number = groupOf[task.step] ?? 0
      if let last = groups.last, last.number == number {
        groups[groups.count - 1].tasks.append(task)
      } else {
        groups.append((number, [task]))
      }
    }
    // Two lanes, alternating, so that step groups run in parallel (start
    // to start) stay visible side by side; a group whose lane is still
    // taken by an earlier one takes the other lane when that one is free.
    let laneHeight = (Self.rowHeight - 6) / 2
    for (group, lane) in zip(groups, Self.lanes(groups.map(\.tasks))) {
      let name = groupNames[group.number] ?? ""
      for bar in Self.bars(group.tasks) where bar.start < to && bar.end > from {
        children.append(
          .el(
            "rect",
            [
              ("class", "bar " + bar.state.rawValue), ("x", Self.number(x(bar.start))),
              ("y", Self.number(top + 3 + Double(lane) * laneHeight)),
              ("width", Self.number(max(x(bar.end) - x(bar.start), 1.5))),
              ("height", Self.number(laneHeight - 0.5)),
            ],
            [
              .el(
                "title",
                text:
                  "\(outcome.name) · \(group.number) \(name) · \(bar.start.iso) – \(bar.end.adding(days: -1).iso) (\(words.barState(bar.state.rawValue)))"
              )
            ]))
      }
    }
    return children
  }

  /// A system's marks: its deadline after the chart's end (an arrow at
  /// the edge), its 特定移行支援 deadline, its baseline go-live, its go-live.
  func marks(
    _ outcome: SystemOutcome, slip: Slip?, top: Double, x: (CivilDate) -> Double,
    from: CivilDate, to: CivilDate
  ) -> [HTMLNode] {
    var children: [HTMLNode] = []
    if outcome.deadline >= to {
      // A deadline after the chart's end: an arrow at the edge, its date.
      let edge = Self.width - 10
      children.append(
        .el(
          "g", [("class", "beyond")],
          [
            .el("title", text: "\(words.deadline) \(outcome.deadline.iso)"),
            .el(
              "polygon",
              [
                (
                  "points",
                  [(edge - 6, top + 4), (edge, top + Self.rowHeight / 2), (edge - 6, top + 16)]
                    .map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
                )
              ]),
            .el(
              "text",
              [("x", Self.number(edge - 8)), ("y", Self.number(top + 14)), ("class", "beyond")],
              text: outcome.deadline.iso),
          ]))
    }
    if outcome.tokutei && outcome.deadline >= from && outcome.deadline < to {
      let at = x(outcome.deadline)
      children.append(
        .el(
          "line",
          [
            ("class", "tokutei"), ("x1", Self.number(at)), ("x2", Self.number(at)),
            ("y1", Self.number(top + 1)), ("y2", Self.number(top + Self.rowHeight - 1)),
          ], [.el("title", text: "\(words.tokuteiDeadline) \(outcome.deadline.iso)")]))
    }
    if let slip, slip.baselineGoLive >= from, slip.baselineGoLive < to {
      children.append(
        Self.marker(
          at: x(slip.baselineGoLive), middle: top + Self.rowHeight / 2, type: "baseline",
          title: "\(words.baselineGoLive) \(slip.baselineGoLive.iso)"))
    }
    if outcome.goLive >= from && outcome.goLive < to {
      children.append(
        Self.marker(
          at: x(outcome.goLive), middle: top + Self.rowHeight / 2,
          type: outcome.status == .late ? "golive late" : "golive",
          title:
            "\(outcome.name) \(words.goLive) \(outcome.goLive.iso) (\(words.status(outcome.status)))"
        ))
    }
    return children
  }

  /// The chart of the systems in `rows`.
  func chart(
    _ schedule: MigrationSchedule, rows: Range<Int>, plan: Plan, catalog: Catalog,
    baseline: Baseline?, from: CivilDate, to: CivilDate
  ) -> HTMLNode {
    let titleId = "gantt-title-\(rows.lowerBound / Self.rowsPerBlock + 1)"
    let span = Double(max(from.days(to: to), 1))
    let plotWidth = Self.width - Self.labelWidth - 10
    func x(_ date: CivilDate) -> Double {
      let days = Double(from.days(to: date))
      return Self.labelWidth + max(0, min(span, days)) / span * plotWidth
    }
    let height = Self.axisHeight + Double(rows.count) * Self.rowHeight + 6
    let part =
      schedule.systems.count > Self.rowsPerBlock
      ? " (\(rows.lowerBound + 1)–\(rows.upperBound) / \(schedule.systems.count))" : ""
    var nodes: [HTMLNode] = [.el("title", [("id", titleId)], text: words.ganttTitle + part)]
    if rows.lowerBound == 0 { nodes.append(Self.definitions) }
    nodes += axis(from: from, to: to, height: height, x: x)
    let slips = baseline.map { Slip.of(schedule, against: $0) } ?? [:]
    let groupNames = Dictionary(
      catalog.template.groups.map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a })
    let groupOf = Dictionary(
      catalog.template.steps.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
    for (row, outcome) in schedule.systems[rows].enumerated() {
      let top = Self.axisHeight + Double(row) * Self.rowHeight
      var children: [HTMLNode] = [
        .el(
          "text",
          [
            ("x", Self.number(Self.labelWidth - 6)), ("y", Self.number(top + 14)),
            ("class", "label"),
          ], text: outcome.name)
      ]
      children += barNodes(
        schedule.tasks(of: outcome.id), outcome: outcome, top: top, x: x, groupOf: groupOf,
        groupNames: groupNames, from: from, to: to)
      children += marks(outcome, slip: slips[outcome.id], top: top, x: x, from: from, to: to)
      nodes.append(
        .el("g", [("class", "system"), ("data-system", outcome.id)], children))
    }
    // The as-of date and the deadline, across every row.
    for (date, type, title) in [
      (schedule.asOf, "asof", "\(words.asOf) \(schedule.asOf.iso)"),
      (plan.deadline, "deadline", "\(words.deadline) \(plan.deadline.iso)"),
    ] where date >= from && date < to {
      let at = x(date)
      nodes.append(
        .el(
          "line",
          [
            ("class", type), ("x1", Self.number(at)), ("x2", Self.number(at)),
            ("y1", Self.number(Self.axisHeight - 4)), ("y2", Self.number(height - 4)),
          ], [.el("title", text: title)]))
    }
    return .el(
      "svg",
      [
        ("class", "gantt"), ("viewBox", "0 0 \(Self.number(Self.width)) \(Self.number(height))"),
        ("role", "img"), ("aria-labelledby", titleId),
        ("xmlns", "http://www.w3.org/2000/svg"),
      ], nodes)
  }

  /// Fiscal-year bands and quarter ticks.
  func axis(from: CivilDate, to: CivilDate, height: Double, x: (CivilDate) -> Double) -> [HTMLNode]
  {
    var nodes: [HTMLNode] = []
    var quarter = FiscalQuarter(containing: from)
    while quarter.firstDay < to {
      let start = max(quarter.firstDay, from)
      let next = quarter.next.firstDay
      let end = min(next, to)
      let left = x(start)
      let right = x(end)
      if quarter.number == 1 || start == from {
        let yearEnd = min(quarter.fiscalYear.next.firstDay, to)
        nodes.append(
          .el(
            "text",
            [("x", Self.number((left + x(yearEnd)) / 2)), ("y", "13"), ("class", "year")],
            text: words.fiscalYear(quarter.fiscalYear)))
        nodes.append(
          .el(
            "line",
            [
              ("class", "year-rule"), ("x1", Self.number(left)), ("x2", Self.number(left)),
              ("y1", "2"), ("y2", Self.number(height - 4)),
            ]))
      } else {
        nodes.append(
          .el(
            "line",
            [
              ("class", "quarter-rule"), ("x1", Self.number(left)), ("x2", Self.number(left)),
              ("y1", "20"), ("y2", Self.number(height - 4)),
            ]))
      }
      nodes.append(
        .el(
          "text",
          [("x", Self.number((left + right) / 2)), ("y", "31"), ("class", "quarter")],
          text: quarter.label))
      quarter = quarter.next
    }
    return nodes
  }

  /// A marker with a title: a diamond, or a triangle for a late go-live
  /// (a shape, not only a colour, tells it in black and white).
  static func marker(at x: Double, middle y: Double, type: String, title: String) -> HTMLNode {
    let r = 6.0
    let corners =
      type.hasSuffix("late")
      ? [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
      : [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    let points = corners.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    return .el(
      "polygon", [("class", type), ("points", points)], [.el("title", text: title)])
  }

  /// The patterns of the three bar states.
  static let definitions: HTMLNode = .el(
    "defs", [],
    [
      .el(
        "pattern",
        [
          ("id", "p-progress"), ("width", "6"), ("height", "6"),
          ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)"),
        ],
        [
          .el("rect", [("width", "6"), ("height", "6"), ("fill", "#9ecae1")]),
          .el("rect", [("width", "3"), ("height", "6"), ("fill", "#08519c")]),
        ]),
      .el(
        "pattern",
        [
          ("id", "p-planned"), ("width", "6"), ("height", "6"),
          ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(-45)"),
        ],
        [
          .el("rect", [("width", "6"), ("height", "6"), ("fill", "#ffffff")]),
          .el("rect", [("width", "1.5"), ("height", "6"), ("fill", "#6b6b6b")]),
        ]),
      .el(
        "pattern",
        [("id", "p-assumed"), ("width", "4"), ("height", "4"), ("patternUnits", "userSpaceOnUse")],
        [
          .el("rect", [("width", "4"), ("height", "4"), ("fill", "#08306b")]),
          .el("rect", [("width", "2"), ("height", "2"), ("fill", "#ffffff")]),
        ]),
    ])

  /// A coordinate with at most one decimal, the same on every machine.
  static func number(_ value: Double) -> String {
    JSONValue.decimalText((value * 10).rounded() / 10, digits: 1)
  }
}
