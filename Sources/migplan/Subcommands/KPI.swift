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

    @Option(
      name: .customLong("as-of"),
      help: "Evaluate on this day (YYYY-MM-DD); default: the plan's as-of date.")
    var asOf: String?

    @Option(help: "Output format: text, csv or json.")
    var format: TableFormat = .text

    @Flag(help: "The per-area PMO view instead of the KPI table.")
    var pmo = false

    func validate() throws {
      if let asOf, CivilDate(iso: asOf) == nil {
        throw ValidationError("--as-of must be a date as YYYY-MM-DD, not '\(asOf)'.")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let loaded = try Output.loadInputs(inputs, diagnostics: diagnostics)
      let schedule = try Output.schedule(loaded, diagnostics: diagnostics)
      let report = KPIReport(
        plan: loaded.plan, catalog: loaded.catalog, schedule: schedule,
        asOf: asOf.flatMap(CivilDate.init(iso:)))
      switch (pmo, format) {
      case (false, .text): Output.standardOutput(KPIRendering.text(report))
      case (false, .csv):
        Output.standardOutput(
          CSVWriter().render(header: KPIRendering.header, rows: KPIRendering.cells(report)))
      case (false, .json): Output.standardOutput(KPIRendering.json(report).rendered())
      case (true, .text):
        Output.standardOutput(
          KPIRendering.pmoText(
            report.standardization, municipality: report.municipality, asOf: report.asOf))
      case (true, .csv):
        Output.standardOutput(
          CSVWriter().render(
            header: KPIRendering.pmoHeader(report.standardization),
            rows: KPIRendering.pmoCells(report.standardization)))
      case (true, .json):
        Output.standardOutput(KPIRendering.standardizationJSON(report.standardization).rendered())
      }
    }
  }
}
