import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export the migration status and the schedule for other tools.",
      subcommands: [CSV.self, XLSX.self, MSPDI.self, TJP.self])
  }
}

extension Migplan.Export {
  struct CSV: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The migration status as CSV (RFC 4180), one row per area or per system.",
      discussion: """
        Columns: area_id, area_name, systems, vendors, procurement_method, \
        procurement_status, pmo_done, pmo_total, pmo_rate, planned_go_live, deadline, \
        slack_days, days_late, status, tokutei (with --by system: system_id, system_name, \
        areas first; with --baseline: baseline_go_live, slip_days last). Cells that a spreadsheet would run as a formula are prefixed with an \
        apostrophe. See docs/reference/export-csv.md.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @Option(help: "One row per area (the ministry's unit) or per system.")
    var by: MigrationStatusReport.Unit = .area

    @OptionGroup var language: LanguageOption

    @Flag(help: "For Excel on Windows: a byte-order mark and CRLF line ends.")
    var excel = false

    @Option(help: "Output format: csv or json (the same data for scripts).")
    var format: ExportFormat = .csv

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.",
      completion: .file())
    var output: String?

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      let report = MigrationStatusReport(
        plan: loaded.plan, catalog: loaded.catalog, schedule: schedule, unit: by,
        baseline: baseline)
      let text: String
      switch format {
      case .csv:
        text = ReportRenderer.render(
          report.document, as: .csv, headers: language.csvHeaders,
          csv: CSVWriter(excel: excel))
      case .json:
        text = ReportRenderer.render(report.document, as: .json)
      }
      try Output.emit(text, to: output)
    }
  }
}

extension MigrationStatusReport.Unit: ExpressibleByArgument {}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json
}

extension Migplan.Export {
  struct XLSX: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "xlsx",
      abstract: "The migration status and the schedule as an Excel workbook (.xlsx).",
      discussion: """
        Five sheets: 事務別 (per area) and システム別 (per system), export csv's \
        columns; 工程, every scheduled step; 調達, the pending proposals' milestones; \
        KPI. A sixth, 運用経費, when the plan has running costs (costs.xml). Dates are date cells, rates percentages, counts numbers, names text \
        (never a formula). The header row is frozen and filtered; statuses are \
        coloured. The same inputs give the same bytes. See \
        docs/reference/export-xlsx.md.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @OptionGroup var language: LanguageOption

    @OptionGroup var exchange: ExchangeRateOption

    @Option(
      name: .shortAndLong, help: "The workbook to write (atomically).",
      completion: .file(extensions: ["xlsx"]))
    var output: String

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      let words = language.words
      let costs = try Output.costs(
        plan: loaded.plan, planDirectory: loaded.planDirectory, schedule: schedule,
        rate: exchange.rate)
      let sheets = WorkbookReport.sheets(
        plan: loaded.plan, catalog: loaded.catalog, schedule: schedule, baseline: baseline,
        costs: costs, words: words)
      let bytes: [UInt8]
      let cut = DiagnosticCollector()
      do {
        bytes = try XLSXWriter.workbook(
          sheets, words: words, title: loaded.plan.municipality, created: schedule.asOf,
          diagnostics: cut, path: output)
      } catch {
        throw Exit.failure(
          OutputFailure(
            .internal,
            Diagnostic(
              .error, .internal,
              "the workbook could not be packed (\(error)); nothing was written",
              at: SourceLocation(file: output))))
      }
      try Exit.written { () throws(OutputFailure) in try AtomicFile.write(bytes, to: output) }
      Output.report(cut)
    }
  }
}

extension Migplan.Export {
  struct MSPDI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mspdi",
      abstract: "The schedule as Microsoft Project XML (MSPDI).",
      discussion: """
        A summary task per system and per step group, a task per step with its \
        dates on a working-day calendar with the catalog's holidays and the New Year \
        closure, links (FS, SS) with lags, the staff and each vendor as resources \
        with their capacity, and their assignments. Done steps are 100 % complete \
        with actual dates; with --baseline, the baseline's dates are baseline 0. \
        See docs/reference/export-mspdi.md.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @OptionGroup var comparison: BaselineOption

    @Option(
      name: .shortAndLong, help: "The project file to write (atomically).", completion: .file())
    var output: String

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day)
      let baseline = try Output.baseline(comparison, planDirectory: loaded.planDirectory)
      let bytes = MSPDIWriter.project(
        schedule, plan: loaded.plan, catalog: loaded.catalog, baseline: baseline)
      try Exit.written { () throws(OutputFailure) in try AtomicFile.write(bytes, to: output) }
    }
  }
}

extension Migplan.Export {
  struct TJP: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tjp",
      abstract: "The schedule as a TaskJuggler 3 project, for tj3 to schedule.",
      discussion: """
        Tasks per municipality, system and step; links with their gaps; the staff \
        and each vendor as resource groups as large as their capacity; the holiday \
        calendar; recorded facts as fixed dates. Give plan or portfolio directories \
        for a portfolio. tj3 writes a CSV report of every task (tasks.csv). What \
        TaskJuggler cannot say, and the nearest equivalent exported: \
        docs/reference/export-tjp.md.
        """)

    @Argument(
      help: "Plan or portfolio directories (default: --plan's).",
      completion: .file(extensions: ["xml"]))
    var paths: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @Option(
      name: .shortAndLong, help: "The project file to write (atomically).", completion: .file())
    var output: String

    func run() throws {
      let (loaded, result) = try Output.scheduled(
        WorkloadRequest(paths: paths, inputs: inputs), asOf: day.date)
      let members = zip(loaded.plans, result.schedules).map {
        TaskJugglerWriter.Member(plan: $0, schedule: $1)
      }
      let catalog = loaded.catalog
      if let date = TaskJugglerWriter.outOfRange(members) {
        let range = TaskJugglerWriter.acceptedDays
        throw Exit.failure(
          OutputFailure(
            .cannotCreate,
            Diagnostic(
              .error, .tj3Range,
              "the schedule reaches \(date.iso), outside the days tj3 accepts "
                + "(\(range.lowerBound.iso) to \(range.upperBound.iso)); nothing was written",
              at: SourceLocation(file: output))))
      }
      let text = TaskJugglerWriter.project(members, catalog: catalog)
      try Exit.written { () throws(OutputFailure) in try AtomicFile.write(text, to: output) }
    }
  }
}
