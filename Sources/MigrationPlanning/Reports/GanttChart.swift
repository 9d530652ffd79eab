/// The time unit of a Gantt chart's columns.
public enum GanttScale: String, Sendable, CaseIterable {
  case week, month, quarter
}

/// What a chart cell shows: the most pressing state of the work in it.
public enum GanttCell: Sendable, Equatable {
  case empty
  case done
  /// Done on dates an import or a PMO sheet assumed, not recorded ones.
  case assumed
  case inProgress
  case planned
  /// The go-live falls in this cell.
  case goLive(late: Bool)
  /// The baseline's go-live falls in this cell (and the current one does not).
  case baselineGoLive
}

/// One row: a system (or, in detail, one step group of a system).
public struct GanttRow: Sendable {
  /// The system's (or group's) name.
  public var label: String
  /// The vendor's short name.
  public var vendor: String
  /// One cell per column.
  public var cells: [GanttCell]
  /// The column of the row's own deadline, when in range.
  public var deadlineColumn: Int?
  /// The system's deadline when it falls after the chart's end: marked
  /// at the edge, with its date in the legend.
  public var deadlineBeyond: CivilDate?
  /// Systems only: go-live and status.
  public var goLive: CivilDate?
  /// The system's status (nil on group rows).
  public var status: MigrationStatus?
  /// Whether the row is a step group under a system (`--detail`).
  public var isGroup: Bool
}

/// A labelled span of columns on the time axis (a fiscal year, a month).
public struct GanttAxisLabel: Sendable {
  /// The first column labelled.
  public var column: Int
  /// Columns the label spans.
  public var width: Int
  /// The label.
  public var text: String
}

/// A format-neutral Gantt chart: the time axis cut into columns, and rows
/// of cell states. Rendering (characters, colour, widths) is elsewhere.
public struct GanttChart: Sendable {
  /// The first day shown.
  public var from: CivilDate
  /// Exclusive.
  public var to: CivilDate
  /// Week, month or quarter.
  public var scale: GanttScale
  /// Each column's first day; the last column ends at `to`.
  public var columnStarts: [CivilDate]
  /// Fiscal-year labels of the axis.
  public var fiscalYears: [GanttAxisLabel]
  /// Unit labels of the axis (months, quarters, weeks).
  public var units: [GanttAxisLabel]
  /// The column of the status date, when shown.
  public var asOfColumn: Int?
  /// The column of the deadline, when shown.
  public var deadlineColumn: Int?
  /// The status date.
  public var asOf: CivilDate
  /// The plan's deadline.
  public var deadline: CivilDate
  /// One row per system (and per group with `--detail`).
  public var rows: [GanttRow]
  /// The baseline whose go-lives are marked, when one is.
  public var baseline: String? = nil
  /// Baseline go-lives that fall outside the chart's period.
  public var baselineOutside = 0

  /// The number of time columns.
  public var columnCount: Int { columnStarts.count }

  /// The column holding `date`, when in range.
  public func column(of date: CivilDate) -> Int? {
    guard date >= from, date < to else { return nil }
    var low = 0
    var high = columnStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if columnStarts[mid] <= date { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The day after the last day of `column`.
  public func columnEnd(_ column: Int) -> CivilDate {
    column + 1 < columnStarts.count ? columnStarts[column + 1] : to
  }
}

extension GanttChart {
  /// The default period: from the start of the fiscal year of the as-of
  /// date to the end of the fiscal year of the deadline or of the last
  /// go-live, whichever is later.
  public static func defaultPeriod(_ schedule: MigrationSchedule, plan: Plan) -> (
    CivilDate, CivilDate
  ) {
    (schedule.asOf.fiscalYear.firstDay, end(schedule, plan: plan))
  }

  /// The end of the fiscal year that holds the last go-live, or the
  /// nearest deadline after it when that falls in the same or the next
  /// fiscal year: a far deadline (a 特定移行支援 system's, years away)
  /// does not stretch the chart over empty years; it is marked at the
  /// chart's edge instead.
  public static func end(_ schedule: MigrationSchedule, plan: Plan) -> CivilDate {
    let lastGoLive = schedule.systems.map(\.goLive).max() ?? plan.deadline
    let deadlines = [plan.deadline] + schedule.systems.map(\.deadline)
    var last = lastGoLive
    if let nearest = deadlines.filter({ $0 >= lastGoLive }).min(),
      nearest.fiscalYear.startYear <= lastGoLive.fiscalYear.startYear + 1
    {
      last = nearest
    }
    return last.fiscalYear.next.firstDay
  }

  /// Units (months, weeks, quarters) between two dates, each with its first day.
  /// A window of `columns` units of `scale` within `from..<to`, starting
  /// at the unit that holds `day` (earlier when the period ends sooner):
  /// what a chart shows when the whole period does not fit. Nil when the
  /// period fits whole.
  public static func window(
    around day: CivilDate, scale: GanttScale, from: CivilDate, to: CivilDate, columns: Int
  ) -> (from: CivilDate, to: CivilDate)? {
    let starts = unitStarts(from: from, to: to, scale: scale)
    guard columns > 0, starts.count > columns else { return nil }
    let holding = starts.lastIndex { $0 <= day } ?? 0
    let first = min(holding, starts.count - columns)
    let last = first + columns
    return (starts[first], last < starts.count ? starts[last] : to)
  }

  /// The number of units of `scale` in `from..<to`.
  public static func unitCount(from: CivilDate, to: CivilDate, scale: GanttScale) -> Int {
    from < to ? unitStarts(from: from, to: to, scale: scale).count : 0
  }

  static func unitStarts(from: CivilDate, to: CivilDate, scale: GanttScale) -> [CivilDate] {
    var starts: [CivilDate] = []
    switch scale {
    case .week:
      // Weeks start on Monday; the first may be partial.
      var day = from
      starts.append(day)
      day = day.adding(days: (8 - day.weekday) % 7 == 0 ? 7 : (8 - day.weekday) % 7)
      while day < to {
        starts.append(day)
        day = day.adding(days: 7)
      }
    case .month, .quarter:
      starts.append(from)
      var year = from.year
      var month = from.month
      while true {
        month += 1
        if month > 12 {
          month = 1
          year += 1
        }
        guard let next = CivilDate(year: year, month: month, day: 1), next < to else { break }
        if scale == .quarter && !FiscalQuarter.starts(on: next) { continue }
        starts.append(next)
      }
    }
    return starts
  }

  /// Builds the chart of a schedule between `from` and `to` with
  /// `columns` columns at most for the time axis.
  public static func build(
    schedule: MigrationSchedule, plan: Plan, catalog: Catalog, scale: GanttScale,
    from: CivilDate, to: CivilDate, columns available: Int, detail: Bool,
    baseline: Baseline? = nil
  ) -> GanttChart? {
    guard from < to else { return nil }
    let unitStarts = unitStarts(from: from, to: to, scale: scale)
    guard !unitStarts.isEmpty, unitStarts.count <= available else { return nil }
    let perUnit = max(1, available / unitStarts.count)
    var columnStarts: [CivilDate] = []
    var units: [GanttAxisLabel] = []
    for (index, start) in unitStarts.enumerated() {
      let end = index + 1 < unitStarts.count ? unitStarts[index + 1] : to
      let length = start.days(to: end)
      let pieces = min(perUnit, max(length, 1))
      let label: String
      switch scale {
      case .week: label = start.day <= 7 || index == 0 ? String(start.month) : ""
      case .month: label = String(start.month)
      case .quarter: label = FiscalQuarter(containing: start).label
      }
      units.append(GanttAxisLabel(column: columnStarts.count, width: pieces, text: label))
      for piece in 0..<pieces {
        columnStarts.append(start.adding(days: length * piece / pieces))
      }
    }
    var fiscalYears: [GanttAxisLabel] = []
    for (column, start) in columnStarts.enumerated() {
      if column == 0 || start.fiscalYear != columnStarts[column - 1].fiscalYear {
        fiscalYears.append(
          GanttAxisLabel(column: column, width: 0, text: start.fiscalYear.japaneseLabel))
      }
    }
    for index in fiscalYears.indices {
      let next = index + 1 < fiscalYears.count ? fiscalYears[index + 1].column : columnStarts.count
      fiscalYears[index].width = next - fiscalYears[index].column
    }
    var chart = GanttChart(
      from: from, to: to, scale: scale, columnStarts: columnStarts, fiscalYears: fiscalYears,
      units: units, asOfColumn: nil, deadlineColumn: nil, asOf: schedule.asOf,
      deadline: plan.deadline, rows: [])
    chart.asOfColumn = chart.column(of: schedule.asOf)
    chart.deadlineColumn = chart.column(of: plan.deadline)
    chart.baseline = baseline?.name

    for outcome in schedule.systems {
      let tasks = schedule.tasks(of: outcome.id)
      let vendor = outcome.vendor.flatMap { plan.vendor($0)?.name }.map(shortVendorName) ?? ""
      var cells = chart.cells(for: tasks)
      if let kept = baseline?.system(outcome.id)?.goLive {
        if let column = chart.column(of: kept) {
          cells[column] = .baselineGoLive
        } else {
          chart.baselineOutside += 1
        }
      }
      if let column = chart.column(of: outcome.goLive) {
        cells[column] = .goLive(late: outcome.status == .late)
      }
      chart.rows.append(
        GanttRow(
          label: outcome.name, vendor: vendor, cells: cells,
          deadlineColumn: chart.column(of: outcome.deadline),
          deadlineBeyond: outcome.deadline >= to ? outcome.deadline : nil, goLive: outcome.goLive,
          status: outcome.status, isGroup: false))
      guard detail else { continue }
      for group in catalog.template.groups {
        let groupTasks = tasks.filter { catalog.template.step($0.step)?.group == group.number }
        chart.rows.append(
          GanttRow(
            label: (group.number < 10 ? " " : "") + "\(group.number) \(group.name)", vendor: "",
            cells: chart.cells(for: groupTasks), deadlineColumn: nil, deadlineBeyond: nil,
            goLive: nil, status: nil, isGroup: true))
      }
    }
    return chart
  }

  /// Per column, the most pressing state of the tasks overlapping it:
  /// in progress, then planned, then done, then done on assumed dates.
  func cells(for tasks: [ScheduledTask]) -> [GanttCell] {
    var cells = Array(repeating: GanttCell.empty, count: columnCount)
    for column in 0..<columnCount {
      let start = columnStarts[column]
      let end = columnEnd(column)
      var state = GanttCell.empty
      for task in tasks where task.start < task.end && task.start < end && start < task.end {
        switch task.status {
        case .inProgress: state = .inProgress
        case .planned: if state != .inProgress { state = .planned }
        case .done where !task.datesAssumed:
          if state == .empty || state == .assumed { state = .done }
        case .done: if state == .empty { state = .assumed }
        case .notApplicable: break
        }
        if state == .inProgress { break }
      }
      cells[column] = state
    }
    return cells
  }

  /// A vendor's name without its company form (株式会社), for narrow columns.
  static func shortVendorName(_ name: String) -> String {
    var short = name
    for form in NameKey.companyForms { short = short.replacingOccurrences(of: form, with: "") }
    return short.trimmingWhitespace()
  }
}
