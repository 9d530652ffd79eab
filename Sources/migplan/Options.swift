import ArgumentParser
import MigrationPlanning

/// `--catalog DIR`, declared once for every command that reads the catalog.
struct CatalogOption: ParsableArguments {
  @Option(help: "The catalog directory (areas.xml, steps.xml, calendar.xml, vendors/).")
  var catalog: String = "catalog"
}

/// Where the catalog and the plan are.
struct InputOptions: ParsableArguments {
  @Option(help: "The plan directory (holding plan.xml), or plan.xml itself.")
  var plan: String = "plans/shinagawa"

  @OptionGroup var catalogOption: CatalogOption

  var catalog: String { catalogOption.catalog }

  /// The plan directory, whether `--plan` names it or its plan.xml.
  var planDirectory: String { PlanLoader.directory(of: plan) }
}

/// `--as-of DATE`: re-plan from that day. Every step not recorded done by
/// then is planned from it; it may not be before the plan's own as-of date.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Re-plan from this day (YYYY-MM-DD): steps not recorded done are planned from it.",
      discussion: "Default: the plan's as-of date. It may not be earlier.",
      valueName: "date"),
    transform: DateArgument.parse)
  var date: CivilDate?
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

/// Dates on the command line are `CivilDate` options, parsed once by this
/// `transform:`, with a message that says what is wrong: not a date at all,
/// or not a day of the calendar (2024-02-30). (An `ExpressibleByArgument`
/// conformance could only fail with ArgumentParser's generic "invalid
/// value".)
enum DateArgument {
  static func parse(_ text: String) throws -> CivilDate {
    if let date = CivilDate(iso: text) { return date }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    {
      throw ValidationError("\(text) is not a day of the calendar.")
    }
    throw ValidationError("a date is written YYYY-MM-DD.")
  }
}

/// Formats of tabular outputs.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv

  var reportFormat: ReportFormat {
    switch self {
    case .text: .text
    case .json: .json
    case .csv: .csv
    }
  }
}

/// The text-or-JSON choice shared by several commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
