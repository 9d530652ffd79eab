import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate the catalog and a plan.",
      discussion: """
        Validates catalog/ (areas, steps, calendar, the vendors' spec sheets in \
        catalog/vendors/) and the plan, and how the vendors' products fit the plan's \
        systems. Prints every problem as file:line:column: severity: message [id] on \
        standard error and a one-line summary on standard output. With --as-of, also \
        whether the plan is stale by that day (plan-stale). Exit status: 0 clean, 65 \
        errors in the data (with --strict, warnings too), 66 a missing file or \
        directory, 64 bad usage.
        """)

    @Argument(
      help: ArgumentHelp(
        "Plan or portfolio directories, as `migplan portfolio` takes them (instead of --plan).",
        valueName: "path"),
      completion: .file(extensions: ["xml"]))
    var paths: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(
      help: "Also print notes (such as functions deferred under the transitional measure).")
    var verbose = false

    @OptionGroup var language: LanguageOption

    @OptionGroup var width: WidthOption

    func run() throws {
      let diagnostics = DiagnosticCollector()
      var exitCode: Int32 = 0
      let today = try Today.inJapan()
      let request = WorkloadRequest(paths: paths, inputs: inputs)
      // The same load every command runs: nothing more, nothing less.
      do {
        if let workload = try InputStage.loadWorkload(
          catalog: request.catalog, source: request.source, diagnostics: diagnostics)
        {
          if !checkDates(workload, today: today, diagnostics: diagnostics) { exitCode = Exit.usage }
        }
      } catch {
        let explained = request.explained(error)
        diagnostics.emit(explained.diagnostic)
        exitCode = Exit.code(for: explained)
      }
      Output.report(diagnostics, notes: verbose)
      let errors = diagnostics.errorCount
      let warnings = diagnostics.warningCount
      if exitCode == 0 && (errors > 0 || (strict && warnings > 0)) { exitCode = Exit.dataError }
      let catalog = inputs.catalogOption.location
      // Diagnostics stay one per line (editors read them); the summary
      // folds in a terminal only (a script greps it whole).
      let summary = language.words.checkSummary(
        passed: exitCode == 0,
        plan: paths.isEmpty ? inputs.plan : paths.joined(separator: language.words.cellSeparator),
        catalog: catalog.description(language.words), errors: errors, warnings: warnings)
      Output.standardOutput(
        width.foldColumns.map { TextFolding.fold(summary, width: $0) } ?? summary + "\n")
      if exitCode != 0 { throw ExitCode(exitCode) }
    }

    func validate() throws {
      if !paths.isEmpty && inputs.givenPlan != nil {
        throw ValidationError("give plan directories as PATHs or as --plan, not both.")
      }
    }

    /// Each plan's as-of date against today and, with `--as-of`, whether
    /// the plan is stale by then, as `check --plan` and `portfolio` re-plan.
    /// - Returns: false when `--as-of` is before a plan's as-of date (the
    /// command line is refused: 64).
    func checkDates(_ workload: Workload, today: CivilDate, diagnostics: DiagnosticCollector)
      -> Bool
    {
      for plan in workload.plans {
        PlanRecording.checkAsOf(plan, today: today, diagnostics: diagnostics)
      }
      if day.date == nil {
        Replanning.checkBehind(
          workload.plans, today: today, many: workload.planDirectory == nil,
          diagnostics: diagnostics)
      }
      do {
        _ = try workload.replanned(to: day.date, staleness: true, diagnostics: diagnostics)
      } catch {
        diagnostics.emit(error.diagnostic)
        return false
      }
      return true
    }
  }
}
