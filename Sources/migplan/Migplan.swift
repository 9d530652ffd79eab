import ArgumentParser
import Foundation
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
      Optimize.self, Forecast.self, Proposals.self, Export.self, Report.self, KPI.self, Costs.self,
      Specs.self,
      Portfolio.self,
      Generate.self,
      RCPSP.self,
    ]
  )

  /// Runs the command. A command line that does not parse or validate says
  /// so as every other error does, `error: message [usage]`, then how the
  /// command is used, and ends with 64; help, versions and completion
  /// scripts go out as the parser writes them.
  static func main() {
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      let text = fullMessage(for: error)
      guard exitCode(for: error) == .validationFailure, text.hasPrefix("Error: ") else {
        exit(withError: error)
      }
      var lines = text.dropFirst("Error: ".count).split(
        separator: "\n", omittingEmptySubsequences: false)
      lines[0] = "error: " + lines[0] + " [usage]"
      Output.standardError(lines.joined(separator: "\n") + "\n")
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    do {
      try command.run()
    } catch {
      // A command's own refusal of its options (a period that does not
      // fit): with that command's usage, not the root's.
      guard exitCode(for: error) == .validationFailure, !(error is ExitCode) else {
        exit(withError: error)
      }
      Output.standardError(
        "error: \(message(for: error)) [usage]\n"
          + "Usage: \(usageString(for: type(of: command)))\n")
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
  }
}
