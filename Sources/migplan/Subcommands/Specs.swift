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

    @Argument(help: "Spec sheet files (default: every sheet in the catalog's vendors/).")
    var files: [String] = []

    @Option(help: "The catalog directory.")
    var catalog: String = "catalog"

    @Option(help: "Output format: text, json or csv.")
    var format: TableFormat = .text

    @Option(help: "The deadline mandatory functions are measured against.")
    var deadline: String = "2026-03-31"

    func validate() throws {
      guard CivilDate(iso: deadline) != nil else {
        throw ValidationError("--deadline must be a date as YYYY-MM-DD.")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      var sheets: [SpecSheet] = []
      var exitCode: Int32 = 0
      do {
        guard let catalogData = try CatalogLoader.load(directory: catalog, diagnostics: diagnostics)
        else {
          Output.report(diagnostics)
          throw ExitCode(Output.dataError)
        }
        let date =
          CivilDate(iso: deadline)
          ?? catalogData.calendar.workingDay(onOrAfter: CivilDate(dayNumber: 0))
        if files.isEmpty {
          sheets = try SpecSheetLoader.load(
            directory: catalog + "/vendors", catalog: catalogData, deadline: date,
            diagnostics: diagnostics)
        } else {
          for file in files {
            do {
              sheets += try SpecSheetLoader.load(
                files: [file], catalog: catalogData, deadline: date, diagnostics: diagnostics)
            } catch {
              diagnostics.emit(error.diagnostic)
              if exitCode == 0 {
                exitCode = error.kind == .missing ? Output.noInput : Output.dataError
              }
            }
          }
        }
        let report = SpecsReport(sheets: sheets, catalog: catalogData)
        switch format {
        case .text:
          Output.standardOutput(
            TextTable(
              header: report.header, rows: report.rows(repeatProduct: false),
              rightAligned: [4, 7, 8, 9, 10]
            )
            .rendered())
        case .csv:
          Output.standardOutput(
            CSVWriter().render(header: report.header, rows: report.rows(repeatProduct: true)))
        case .json:
          Output.standardOutput(report.json.rendered())
        }
      } catch let failure as InputFailure {
        diagnostics.emit(failure.diagnostic)
        exitCode = failure.kind == .missing ? Output.noInput : Output.dataError
      }
      Output.report(diagnostics)
      if exitCode == 0 && diagnostics.hasErrors { exitCode = Output.dataError }
      if exitCode != 0 { throw ExitCode(exitCode) }
    }
  }
}

/// Formats of tabular outputs.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv
}
