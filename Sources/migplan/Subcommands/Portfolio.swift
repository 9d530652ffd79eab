import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Portfolio: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Schedule several plans together against shared vendor capacity.",
      discussion: """
        Each PATH is a plan directory (plan.xml) or a portfolio directory \
        (portfolio.xml, as `migplan generate national` writes). Each plan keeps its \
        own staff capacity, windows and deadlines; vendors are shared. Text: totals \
        first, then what binds, per prefecture, per vendor, and each vendor's load \
        over time. CSV: the per-area status rows of `export csv` with a municipality \
        column. Plans with costs.xml add their running costs per fiscal year (text, \
        JSON). See docs/reference/portfolio.md.
        """)

    @Argument(help: "Plan or portfolio directories.", completion: .file(extensions: ["xml"]))
    var paths: [String]

    @OptionGroup var catalogOption: CatalogOption

    @OptionGroup var day: AsOfOption

    @Option(help: "Output format: text, json or csv.")
    var format: TableFormat = .text

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    @OptionGroup var exchange: ExchangeRateOption

    @OptionGroup var whatIf: VendorCapacityOption

    func run() throws {
      let request = WorkloadRequest.paths(paths, catalogOption)
      let (loaded, result) = try Output.scheduled(
        request, asOf: day.date, includeTasks: false, changes: whatIf.changes,
        words: language.words)
      let report = PortfolioReport(plans: loaded.plans, result: result, catalog: loaded.catalog)
      // A vendor's capacity is said by its official name.
      var words = language.words
      words.vendorNames = report.vendorNames
      var document = report.document(words: words)
      if !whatIf.changes.isEmpty {
        // The same plans without the what-if, for the difference.
        let (_, baseResult) = try Output.scheduled(
          request, asOf: day.date, includeTasks: false, summarise: false, words: language.words)
        let base = PortfolioReport(plans: loaded.plans, result: baseResult, catalog: loaded.catalog)
        document.blocks.insert(
          contentsOf: report.whatIf(base: base, changes: whatIf.changes, words: words),
          at: min(2, document.blocks.count))
      }
      if let costs = try Output.portfolioCosts(loaded, result: result, rate: exchange.rate) {
        document.blocks += costs.portfolioBlocks(words: words)
      }
      Output.standardOutput(
        ReportRenderer.render(
          document, as: format.reportFormat, headers: language.csvHeaders, width: width.columns,
          foldsLines: width.folds,
          words: words))
    }
  }
}
