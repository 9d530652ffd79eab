import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct KPI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "kpi",
      abstract:
        "The DX initiatives' table as the ward reports it, standardization computed from the schedule.",
      discussion: """
        Columns: No, 取り組み, 目標, 進捗, 評価, 今後の方針. Each indicator is evaluated \
        ○ (on plan), △ (behind) or × (far behind) by the rule the plan gives it; the \
        reason of each evaluation is in --format json. --pmo shows the per-area PMO \
        view: the 40 steps by group, the official rate and the effort-weighted rate.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @Option(help: "Output format: text, csv or json.")
    var format: TableFormat = .text

    @Flag(help: "The per-area PMO view instead of the KPI table.")
    var pmo = false

    @OptionGroup var width: WidthOption

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day)
      let report = KPIReport(
        plan: loaded.plan, catalog: loaded.catalog, schedule: schedule,
        asOf: day.date)
      let document = pmo ? report.pmoDocument : report.document
      let note = pmo || format != .text ? "" : ScheduleReport.assumptionNote(schedule)
      // The CSV has the Japanese headers of the report's table.
      Output.standardOutput(
        ReportRenderer.render(
          document, as: format.reportFormat, headers: .japanese, width: width.columns) + note)
    }
  }
}
