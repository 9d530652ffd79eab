import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Gantt: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw the schedule as a text Gantt chart, one row per system.",
      discussion: """
        Bars tell done, in-progress and planned work apart; ◆ marks the go-live, \
        ┊ the as-of date and ┃ the deadline; with --baseline, ◇ the baseline's go-live. Japanese names align by display width. \
        Colour only on a terminal, and never when NO_COLOR is set to a value.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @Option(
      help:
        "Time unit of the columns: week, month or quarter (default: month, or quarter when months do not fit)."
    )
    var scale: GanttScale?

    @Flag(help: "One row per step group under each system.")
    var detail = false

    @Option(
      help: "First day shown (YYYY-MM-DD); default: start of the as-of fiscal year.",
      transform: DateArgument.parse)
    var from: CivilDate?

    @Option(
      help:
        "Day after the last one shown (YYYY-MM-DD); default: end of the last fiscal year needed.",
      transform: DateArgument.parse)
    var to: CivilDate?

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    @Flag(help: "Plain ASCII characters only.")
    var ascii = false

    func validate() throws {
      if let given = width.given, given < 70 {
        throw ValidationError(
          "a chart needs \(70 - GanttRendering.axisColumns(width: 70)) columns for names, "
            + "vendors, go-live and status, and \(GanttRendering.axisColumns(width: 70)) for the "
            + "time axis: give --width 70 or more (not \(given)), or use 'migplan schedule'.")
      }
    }

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      let period = GanttChart.defaultPeriod(schedule, plan: loaded.plan)
      let start = from ?? period.0
      let end = to ?? period.1
      guard start < end else { throw ValidationError("--from must be before --to.") }
      let total = max(width.columns, 70)
      let columns = GanttRendering.axisColumns(width: total)
      let words = language.words
      func build(_ scale: GanttScale, _ start: CivilDate, _ end: CivilDate) -> GanttChart? {
        GanttChart.build(
          schedule: schedule, plan: loaded.plan, catalog: loaded.catalog, scale: scale,
          from: start, to: end, columns: columns, detail: detail, baseline: baseline)
      }
      var note = ""
      var chart = (scale.map { [$0] } ?? [.month, .quarter]).lazy.compactMap {
        build($0, start, end)
      }.first
      // A scale asked for, a period not: a window from the as-of date.
      if chart == nil, let scale, from == nil || to == nil,
        let window = GanttChart.window(
          around: schedule.asOf, scale: scale, from: start, to: end, columns: columns)
      {
        chart = build(scale, window.from, window.to)
        note = words.ganttWindow(shown: window, whole: (start, end)) + "\n"
      }
      guard let chart else {
        throw ValidationError(
          Self.widthAdvice(
            scale: scale ?? .quarter, from: start, to: end, columns: columns, total: total))
      }
      let environment = ProcessInfo.processInfo.environment
      let color =
        !ascii && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        && isatty(STDOUT_FILENO) == 1
      Output.standardOutput(
        GanttRendering(ascii: ascii, color: color, words: language.words).render(
          chart, plan: loaded.plan, ascii: ascii, width: total)
          + (note.isEmpty ? "" : TextFolding.fold(String(note.dropLast()), width: total))
          + ScheduleReport.assumptionNote(schedule, words: language.words)
          + movesText(
            schedule, baseline: baseline, plan: loaded.plan, catalog: loaded.catalog, words: words))
    }

    /// Why go-lives moved against `--baseline`, folded to the width.
    func movesText(
      _ schedule: MigrationSchedule, baseline: Baseline?, plan: Plan, catalog: Catalog,
      words: ReportWords
    ) -> String {
      guard let baseline else { return "" }
      let causes = MoveCause.explain(
        schedule, against: baseline, calendar: catalog.calendar, recorded: plan.recorded)
      return ReportRenderer.render(
        ReportDocument(
          MovesReport.blocks(causes, schedule: schedule, baseline: baseline.name, words: words)),
        as: .text, width: width.columns, foldsLines: width.folds, words: words)
    }
  }
}

extension Migplan.Gantt {
  /// What to do when `from..<to` does not fit: the coarser scale that
  /// fits, and the width the asked-for scale needs.
  static func widthAdvice(
    scale: GanttScale, from: CivilDate, to: CivilDate, columns: Int, total: Int
  ) -> String {
    let units = GanttChart.unitCount(from: from, to: to, scale: scale)
    let needed = GanttRendering.width(forAxis: units)
    let coarser = GanttScale.allCases.drop { $0 != scale }.dropFirst().first {
      GanttChart.unitCount(from: from, to: to, scale: $0) <= columns
    }
    return
      "\(from.iso)..\(to.iso) is \(units) \(scale.rawValue)s; \(total) columns leave \(columns) "
      + "for the chart. Use "
      + (coarser.map { "--scale \($0.rawValue), " } ?? "")
      + "--width \(needed) or more, or a shorter period with --from and --to."
  }
}

extension GanttScale: ExpressibleByArgument {}
