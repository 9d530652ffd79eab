import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The reviewer's report: one self-contained HTML page with an SVG Gantt chart.",
      discussion: """
        For a plan (--plan): header, summary, the Gantt chart and its table, the status \
        per system and per area, pending proposals, the KPIs. For plan or portfolio \
        directories given as arguments: totals, each body's areas, the vendors' load \
        over time and what binds. Inline CSS and SVG; nothing fetched from anywhere; \
        prints on A4 landscape. See docs/reference/report.md.
        """)

    @Argument(
      help: "Plan or portfolio directories: a portfolio report (default: --plan's).",
      completion: .file(extensions: ["xml"]))
    var paths: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @OptionGroup var language: LanguageOption

    @OptionGroup var exchange: ExchangeRateOption

    @Option(
      name: .shortAndLong,
      help: "Write to this file (atomically) instead of standard output.",
      completion: .file(extensions: ["html"]))
    var output: String?

    func validate() throws {
      if !paths.isEmpty && comparison.baseline != nil {
        throw ValidationError("--baseline compares one plan: give --plan, not directories.")
      }
    }

    func run() throws {
      let words = language.words
      let request = WorkloadRequest(paths: paths, inputs: inputs)
      let (loaded, result) = try Output.scheduled(
        request, asOf: day.date, includeTasks: paths.isEmpty, words: words)
      // One plan gets the plan's page, with every task; PATHs the
      // portfolio's, with the outcomes only.
      guard let planDirectory = loaded.planDirectory else {
        let report = PortfolioReport(plans: loaded.plans, result: result, catalog: loaded.catalog)
        let costs = try Output.portfolioCosts(loaded, result: result, rate: exchange.rate)
        try Output.emit(HTMLReport.portfolio(report, costs: costs, words: words), to: output)
        return
      }
      let baseline = try Output.baseline(comparison, planDirectory: planDirectory)
      let costs = try Output.costs(
        plan: loaded.plans[0], planDirectory: planDirectory, schedule: result.schedules[0],
        baseline: baseline, rate: exchange.rate)
      try Output.emit(
        HTMLReport.plan(
          loaded.plans[0], catalog: loaded.catalog, schedule: result.schedules[0],
          baseline: baseline, hint: loaded.optimization(against: result).map(words.optimizeHint),
          costs: costs, words: words), to: output)
    }
  }
}
