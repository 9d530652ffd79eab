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
      Check.self, Import.self, Schedule.self, Gantt.self, Proposals.self, Export.self, KPI.self,
      Specs.self, Portfolio.self, Generate.self,
      RCPSP.self,
    ]
  )
}

/// Where the catalog and the plan are.
struct InputOptions: ParsableArguments {
  @Option(help: "The plan directory (holding plan.xml).")
  var plan: String = "plans/shinagawa"

  @Option(help: "The catalog directory (areas.xml, steps.xml, calendar.xml).")
  var catalog: String = "catalog"
}

/// `--as-of DATE`: look from another day than the plan's as-of date.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: "The day to look from (YYYY-MM-DD); default: the plan's as-of date.")
  var asOf: String?

  func validate() throws {
    if let asOf, CivilDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date as YYYY-MM-DD, not '\(asOf)'.")
    }
  }

  var date: CivilDate? { asOf.flatMap(CivilDate.init(iso:)) }
}
