import ArgumentParser
import MigrationPlanning

@main
struct Migplan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Plan a municipality's move to standard-conforming systems on the Government Cloud.",
    discussion: """
      Every command reads the plan in --plan, else the current directory when it \
      holds plan.xml, else plans/shinagawa; and the catalog in --catalog, else \
      $MIGPLAN_CATALOG, else ./catalog, else the copy installed beside the binary \
      (PREFIX/share/migplan/catalog), else the copy built into the binary. \
      See docs/README.md.
      """,
    subcommands: [
      Check.self, Import.self, Record.self, BaselineCommand.self, Schedule.self, Gantt.self,
      Forecast.self, Proposals.self, Export.self, Report.self, KPI.self, Specs.self, Portfolio.self,
      Generate.self,
      RCPSP.self,
    ]
  )
}
