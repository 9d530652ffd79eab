import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Schedule every remaining step of a plan and show each system's go-live.",
      discussion: """
        Text: one row per system with its planned go-live, deadline, slack, status \
        and what binds it. JSON: every task with its dates, links and resources, \
        documented in docs/reference/schedule.md. --as-of re-plans from a later day; \
        --baseline adds each system's baseline go-live and slip (遅れ).
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    func run() throws {
      let (workload, result) = try Output.scheduled(
        .plan(inputs), asOf: day.date, words: language.words)
      guard let loaded = workload.planInputs else { preconditionFailure("--plan gives one plan") }
      let schedule = result.schedules[0]
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      var document = ScheduleReport.document(
        schedule, plan: loaded.plan, catalog: loaded.catalog, baseline: baseline,
        words: language.words)
      if let optimization = workload.optimization(against: result) {
        document.blocks += OptimizeReport.hintBlocks(optimization, words: language.words)
      }
      Output.standardOutput(
        ReportRenderer.render(
          document, as: format == .json ? .json : .text, width: width.columns,
          foldsLines: width.folds,
          words: language.words))
    }
  }
}
