import ArgumentParser
import MigrationPlanning

@main
struct Migplan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Plan a municipality's move to standard-conforming systems on the Government Cloud.",
    discussion: """
      Run from the repository root, every command reads catalog/ and the default \
      plan plans/shinagawa unless --catalog and --plan say otherwise.
      """,
    subcommands: [
      Check.self, Import.self, Record.self, BaselineCommand.self, Schedule.self, Gantt.self,
      Proposals.self, Export.self, KPI.self, Specs.self, Portfolio.self, Generate.self,
      RCPSP.self,
    ]
  )
}

/// Where the catalog and the plan are.
struct InputOptions: ParsableArguments {
  @Option(help: "The plan directory (holding plan.xml), or plan.xml itself.")
  var plan: String = "plans/shinagawa"

  @Option(help: "The catalog directory (areas.xml, steps.xml, calendar.xml).")
  var catalog: String = "catalog"
}

/// `--as-of DATE`: re-plan from that day. Every step not recorded done by
/// then is planned from it; it may not be before the plan's own as-of date.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Re-plan from this day (YYYY-MM-DD): steps not recorded done are planned from it.",
      discussion: "Default: the plan's as-of date. It may not be earlier."))
  var asOf: String?

  func validate() throws {
    if let asOf { _ = try DateArgument.parse(asOf, option: "--as-of") }
  }

  var date: CivilDate? { asOf.flatMap(CivilDate.init(iso:)) }
}

/// `--baseline NAME`: compare with a saved baseline (`migplan baseline save`).
struct BaselineOption: ParsableArguments {
  @Option(help: "Compare with this saved baseline (migplan baseline list).")
  var baseline: String?

  func validate() throws {
    if let baseline, !MigrationPlanning.Baseline.isValidName(baseline) {
      throw ValidationError(
        "--baseline must be a baseline name (letters, digits, - _ .), not '\(baseline)'.")
    }
  }
}

/// Dates on the command line: YYYY-MM-DD, and a day of the calendar.
enum DateArgument {
  static func parse(_ text: String, option: String) throws -> CivilDate {
    if let date = CivilDate(iso: text) { return date }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    {
      throw ValidationError("\(option): \(text) is not a day of the calendar.")
    }
    throw ValidationError("\(option) must be a date as YYYY-MM-DD, not '\(text)'.")
  }
}
