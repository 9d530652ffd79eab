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

    @Flag(help: "Plain ASCII characters only.")
    var ascii = false

    func validate() throws {
      if let given = width.given, given < 70 {
        throw ValidationError("--width must be at least 70 for a chart, not \(given).")
      }
    }

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day)
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      let period = GanttChart.defaultPeriod(schedule, plan: loaded.plan)
      let start = from ?? period.0
      let end = to ?? period.1
      guard start < end else { throw ValidationError("--from must be before --to.") }
      let total = max(width.columns, 70)
      let columns = GanttRendering.axisColumns(width: total)
      let scales = scale.map { [$0] } ?? [.month, .quarter]
      guard
        let chart = scales.lazy.compactMap({
          GanttChart.build(
            schedule: schedule, plan: loaded.plan, catalog: loaded.catalog, scale: $0,
            from: start, to: end, columns: columns, detail: detail, baseline: baseline)
        }).first
      else {
        throw ValidationError(
          "\(columns) columns cannot show that period by \((scale ?? .quarter).rawValue): use a coarser "
            + "--scale, a shorter period or a larger --width.")
      }
      let environment = ProcessInfo.processInfo.environment
      let color =
        !ascii && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        && isatty(STDOUT_FILENO) == 1
      Output.standardOutput(
        GanttRendering(ascii: ascii, color: color).render(
          chart, plan: loaded.plan, ascii: ascii, width: total)
          + ScheduleReport.assumptionNote(schedule))
    }
  }
}

extension GanttScale: ExpressibleByArgument {}
