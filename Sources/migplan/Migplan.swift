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
      Proposals.self, Export.self, Report.self, KPI.self, Specs.self, Portfolio.self, Generate.self,
      RCPSP.self,
    ]
  )
}
