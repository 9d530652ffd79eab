import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Specs: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Summarise vendor spec sheets: coverage, clouds, capacity, requirement counts.",
      discussion: """
        With no files, every sheet in CATALOG/vendors/. Per product: vendor, areas \
        with their specification version (old: older than the catalog's), clouds, \
        capacity, and counts of functions and forms by class and status. Problems go \
        to standard error as file:line:column diagnostics; a sheet with errors is \
        left out and the exit status is 65. JSON: docs/reference/specs.md.
        """)

    @Argument(
      help: "Spec sheet files (default: every sheet in the catalog's vendors/).",
      completion: .file(extensions: ["xml"]))
    var files: [String] = []

    @OptionGroup var catalogOption: CatalogOption

    @Option(help: "Output format: text, json or csv.")
    var format: TableFormat = .text

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    @Option(
      help: "The deadline mandatory functions are measured against. (default: 2026-03-31)",
      transform: DateArgument.parse)
    var deadline = FiscalYear.standardizationDeadline

    func run() throws {
      let diagnostics = DiagnosticCollector()
      var exitCode: Int32 = 0
      let catalog = try Exit.loaded(diagnostics) { () throws(InputFailure) in
        try CatalogLoader.load(source: catalogOption.catalog, diagnostics: diagnostics)
      }
      let files =
        self.files.isEmpty
        ? catalogOption.catalog.sheets : self.files.map(CatalogSource.Sheet.init(path:))
      let (sheets, failure) = InputStage.loadSheets(
        files, catalog: catalog, deadline: deadline, diagnostics: diagnostics)
      if let failure { exitCode = Exit.code(for: failure) }
      let report = SpecsReport(sheets: sheets, catalog: catalog)
      Output.standardOutput(
        ReportRenderer.render(
          report.document(words: language.words), as: format.reportFormat,
          headers: language.csvHeaders,
          width: width.columns, foldsLines: width.folds, words: language.words))
      Output.report(diagnostics)
      if exitCode == 0 && diagnostics.hasErrors { exitCode = Exit.dataError }
      if exitCode != 0 { throw ExitCode(exitCode) }
    }
  }
}
