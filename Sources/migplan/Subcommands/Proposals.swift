import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Proposals: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the competitive proposals (プロポーザル) not yet contracted, most urgent first.",
      discussion: """
        For each: the system and its areas, the RFI respondents (possible bidders), \
        the milestones 公告 … 契約 (recorded in the plan, or planned on the schedule), \
        the next one with the working days left, and whether the contract still lets \
        the schedule meet the deadline. --format ics writes an iCalendar file with one \
        all-day event per milestone and stable UIDs. See docs/guides/procurement.md.
        """)

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Add negotiated contracts (随意契約) and open tenders not yet signed.")
    var all = false

    @OptionGroup var day: AsOfOption

    @Option(help: "Output format: text, csv, json or ics.")
    var format: ProposalFormat = .text

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.",
      completion: .file())
    var output: String?

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    func run() throws {
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      let report = ProposalReport(
        plan: loaded.plan, catalog: loaded.catalog, schedule: schedule, includeNegotiated: all,
        asOf: day.date)
      let document = report.document(plan: loaded.plan, words: language.words)
      let note =
        format == .text ? ScheduleReport.assumptionNote(schedule, words: language.words) : ""
      // A file gets the whole text; the terminal, its width.
      let text =
        ReportRenderer.render(
          document, as: format.reportFormat, headers: language.csvHeaders,
          width: output == nil ? width.columns : width.given, foldsLines: width.folds,
          words: language.words)
        + note
      try Output.emit(text, to: output)
    }
  }
}

enum ProposalFormat: String, ExpressibleByArgument, CaseIterable {
  case text, csv, json, ics

  var reportFormat: ReportFormat {
    switch self {
    case .text: .text
    case .csv: .csv
    case .json: .json
    case .ics: .ics
    }
  }
}
