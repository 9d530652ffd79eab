import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Costs: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Running costs (運用経費) per fiscal year, FY2018 to FY2030, tied to the schedule.",
      discussion: """
        Reads costs.xml beside plan.xml. Each system's old contract runs until the later \
        of its end and the go-live, the new one from its start (by default the go-live); \
        where both run, the old one's cost is 並行稼働. Each year is rated against FY2018: \
        ○ at least 30 % below, △ at most FY2018, × above. Amounts are whole yen; each item \
        of each year is rounded half-even once and totals are sums. --usd-jpy re-prices \
        the cloud fees only. --baseline NAME shows what each slip against a saved \
        schedule costs. With PATHs (plan directories), the plans are planned together \
        as `portfolio` plans them and their costs added up, with a line per body. See \
        docs/reference/costs.md.
        """)

    @Argument(help: "Plan directories to plan together and add up (instead of --plan).")
    var paths: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @OptionGroup var exchange: ExchangeRateOption

    @Option(help: "Output format: text, csv or json.")
    var format: TableFormat = .text

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
      if !paths.isEmpty && comparison.baseline != nil {
        throw ValidationError(
          "--baseline compares one plan: give --plan, not directories.")
      }
    }

    /// The plans of PATHs planned together, their costs added up.
    func runPaths() throws {
      let request = WorkloadRequest.paths(paths, inputs.catalogOption)
      let (loaded, result) = try Output.scheduled(
        request, asOf: day.date, includeTasks: false, words: language.words)
      guard
        let report = try Output.portfolioCosts(
          loaded, result: result, rate: exchange.rate)
      else {
        throw Exit.failure(
          InputFailure(
            .missing,
            Diagnostic(
              .error, .fileMissing, language.words.noCostsInPaths,
              at: SourceLocation(file: paths[0]))), DiagnosticCollector())
      }
      Output.standardOutput(
        ReportRenderer.render(
          report.document(words: language.words), as: format.reportFormat,
          headers: language.csvHeaders,
          width: width.columns, foldsLines: width.folds, words: language.words))
    }

    func run() throws {
      guard paths.isEmpty else { return try runPaths() }
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      let file = loaded.planDirectory + "/" + CostData.fileName
      guard FileCheck.exists(file) else {
        throw Exit.failure(
          InputFailure(
            .missing,
            Diagnostic(
              .error, .fileMissing, language.words.noCosts(loaded.planDirectory),
              at: SourceLocation(file: file))), DiagnosticCollector())
      }
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      guard
        let report = try Output.costs(
          plan: loaded.plan, planDirectory: loaded.planDirectory, schedule: schedule,
          baseline: baseline, rate: exchange.rate)
      else { return }
      Output.standardOutput(
        ReportRenderer.render(
          report.document(words: language.words), as: format.reportFormat,
          headers: language.csvHeaders,
          width: width.columns,
          foldsLines: width.folds, words: language.words))
    }
  }
}
