import ArgumentParser
import MigrationPlanning

extension Migplan {
  struct RCPSP: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rcpsp",
      abstract: "Solve a PSPLIB single-mode instance (.sm) with migplan's scheduling engine.",
      discussion: """
        Prints the makespan and each job's start. JSON: {"makespan": N, "jobs": \
        [{"job": PSPLIB job number, "start": T}]}. Deterministic for a given --seed.
        """)

    @Argument(help: "A PSPLIB .sm file.", completion: .file(extensions: ["sm"]))
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
      parsing: .unconditional, help: "Schedules to generate (each serial SGS pass counts one).")
    var budget: Int = RCPSPSolver.defaultBudget

    @Option(
      parsing: .unconditional, help: "Seed of the search's random choices.",
      transform: SeedArgument.parse)
    var seed: UInt64 = 1

    func validate() throws {
      guard budget >= 1 else { throw ValidationError("--budget must be at least 1.") }
    }

    @OptionGroup var language: LanguageOption

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let instance = try Exit.loaded(diagnostics) { () throws(InputFailure) in
        try PSPLIBReader.read(path: file, diagnostics: diagnostics)
      }
      guard
        let solution = RCPSPSolver.solve(
          instance, settings: SearchSettings(scheduleBudget: budget, seed: seed), path: file,
          diagnostics: diagnostics)
      else { throw Exit.dataError(diagnostics) }
      let jobs = solution.starts.enumerated().map { [ReportValue.integer($0 + 1), .integer($1)] }
      let document = ReportDocument(
        [
          .line(
            language.words.makespan(solution.makespan)),
          .line(language.words.jobStartHeader),
          .value("makespan", .integer(solution.makespan)),
          .table(
            ReportTable(
              key: "jobs", columns: [.init("job", "job"), .init("start", "start")], rows: jobs,
              formats: [.json])),
        ] + jobs.map { .line($0.map { ReportRenderer.text($0) }.joined(separator: " ")) })
      Output.standardOutput(ReportRenderer.render(document, as: format == .json ? .json : .text))
    }
  }
}
