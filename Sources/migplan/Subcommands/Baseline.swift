import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "baseline",
      abstract: "Keep the current schedule to compare later months against (slip).",
      discussion: """
        A baseline is the schedule as planned on the day it is saved: every task's \
        start and end and every system's go-live, in the plan directory as \
        baselines/NAME.xml (docs/reference/baseline.md). schedule, gantt and export \
        csv compare with one through --baseline NAME.
        """,
      subcommands: [Save.self, List.self])
  }
}

extension Migplan.BaselineCommand {
  struct Save: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Save the current schedule as baseline NAME.")

    @Argument(help: "The baseline's name (letters, digits, - _ .), e.g. 2026-11.")
    var name: String

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @Flag(help: "Replace a baseline of the same name.")
    var force = false

    @OptionGroup var language: LanguageOption

    @OptionGroup var wait: WaitOption

    func validate() throws {
      guard MigrationPlanning.Baseline.isValidName(name) else {
        throw ValidationError(
          "the baseline's name must be 1–64 letters, digits, '-', '_' or '.', not starting with '.', not '\(name)'."
        )
      }
    }

    func run() throws {
      let lock = try Output.lock(planDirectory: inputs.planDirectory, wait: wait.seconds)
      defer { withExtendedLifetime(lock) {} }
      let (loaded, schedule) = try Output.scheduled(inputs, asOf: day, words: language.words)
      let path = BaselineLoader.path(planDirectory: loaded.planDirectory, name: name)
      if FileCheck.exists(path) && !force {
        throw Exit.exists(path, "baseline '\(name)' exists; use --force to replace it")
      }
      // A baseline is read back as every input is: its dates in range.
      if let last = schedule.tasks.map(\.end).max(), !last.isSupported {
        let diagnostics = DiagnosticCollector()
        diagnostics.error(
          .dateOutOfRange,
          "the schedule runs to \(last.iso), past \(CivilDate.supported.upperBound.iso), the last "
            + "day a baseline can hold; nothing was saved: check the plan's capacities",
          at: SourceLocation(file: path))
        throw Exit.dataError(diagnostics)
      }
      let folder = loaded.planDirectory + "/" + MigrationPlanning.Baseline.folder
      let baseline = MigrationPlanning.Baseline(name: name, schedule: schedule, plan: loaded.plan)
      try Exit.written { () throws(OutputFailure) in
        try AtomicFile.makeDirectory(folder)
        try AtomicFile.write(Array(BaselineWriter.xml(baseline).utf8), to: path, exclusive: true)
        // What is saved is what is committed: the next month repairs it.
        try PlanCommitter.commit(schedule, planDirectory: loaded.planDirectory)
      }
      Output.standardOutput(
        language.words.baselineSaved(path, systems: baseline.systems.count, asOf: baseline.asOf)
          + "\n")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List a plan's baselines: name, as-of date, systems.")

    @OptionGroup var inputs: InputOptions

    @OptionGroup var language: LanguageOption

    @OptionGroup var width: WidthOption

    func run() throws {
      let directory = inputs.planDirectory
      var rows: [[ReportValue]] = []
      for name in BaselineLoader.names(planDirectory: directory) {
        let diagnostics = DiagnosticCollector()
        var baseline: MigrationPlanning.Baseline?
        do {
          baseline = try BaselineLoader.load(
            name: name, planDirectory: directory, diagnostics: diagnostics)
        } catch {
          diagnostics.emit(error.diagnostic)
        }
        if let baseline {
          rows.append([.text(name), .date(baseline.asOf), .integer(baseline.systems.count)])
        } else {
          Output.report(diagnostics)
          rows.append([.text(name), .text(language.words.unreadable), .null])
        }
      }
      if rows.isEmpty {
        Output.standardOutput(language.words.noBaselines(directory) + "\n")
        return
      }
      let table = ReportTable(
        key: "baselines",
        columns: [
          .init("name", "基準計画", en: "Baseline"), .init("asOf", "基準日", en: "As of"),
          .init("systems", "システム数", en: "Systems", numeric: true),
        ], rows: rows)
      Output.standardOutput(
        ReportRenderer.render(
          ReportDocument([.table(table)]), as: .text, width: width.columns, foldsLines: width.folds,
          words: language.words))
    }
  }
}
