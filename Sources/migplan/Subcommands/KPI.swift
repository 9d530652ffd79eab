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

    @OptionGroup var language: LanguageOption

    @OptionGroup var exchange: ExchangeRateOption

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      var report = KPIReport(
        plan: loaded.plan, catalog: loaded.catalog, schedule: schedule,
        asOf: day.date, words: language.words)
      // The running-cost initiative, when the plan has its costs.
      if let costs = try Output.costs(
        plan: loaded.plan, planDirectory: loaded.planDirectory, schedule: schedule,
        rate: exchange.rate)
      {
        report.addRunningCosts(costs, words: language.words)
      }
      let words = language.words
      let document = pmo ? report.pmoDocument(words: words) : report.document(words: words)
      let note =
        pmo || format != .text ? "" : ScheduleReport.assumptionNote(schedule, words: words)
      // The KPI table is the ward's own, in Japanese: its CSV has the
      // Japanese headers unless --lang en asks for the keys.
      Output.standardOutput(
        ReportRenderer.render(
          document, as: format.reportFormat,
          headers: language.given == .en ? .keys : .japanese, width: width.columns,
          foldsLines: width.folds,
          words: words) + note)
    }
  }
}
