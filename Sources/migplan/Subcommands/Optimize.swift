import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Search for a schedule with fewer days late than the committed one; --accept commits it.",
      discussion: """
        Every other command repairs the committed schedule: tasks keep their order and \
        move only when facts force them. optimize searches as a fresh plan is searched, \
        seeded with the committed order, and shows the trade-off: days and systems late \
        now and optimised, and each system that would move, earlier or later. Without \
        --accept it changes nothing; with it, the optimised schedule is committed into \
        each plan directory (under its lock). Given several plans (PATHs), they are \
        optimised together and each plan directory keeps its part. \
        See docs/reference/optimize.md.
        """)

    @Argument(
      help: "Plan directories to optimise together (default: --plan's plan).",
      completion: .directory)
    var paths: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @Flag(help: "Commit the optimised schedule.")
    var accept = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    @OptionGroup var wait: WaitOption

    func run() throws {
      let request = WorkloadRequest(paths: paths, inputs: inputs)
      // Accepting writes each plan directory: read and commit under its lock.
      var locks: [PlanLock?] = []
      if accept {
        for directory in planDirectories().sorted() {
          locks.append(try Output.lock(planDirectory: directory, wait: wait.seconds))
        }
      }
      defer { withExtendedLifetime(locks) {} }
      let words = language.words
      // Every task only when they are committed (a national portfolio's
      // comparison needs the outcomes).
      let tasks = accept || paths.isEmpty
      let (loaded, current) = try Output.scheduled(
        request, asOf: day.date, includeTasks: tasks, words: words)
      // Plans without a committed schedule were searched already: that
      // search is the optimisation (a national portfolio is not run twice).
      let optimized =
        loaded.plans.contains { $0.committed != nil }
        ? try Output.scheduled(
          request, asOf: day.date, includeTasks: tasks, summarise: false, words: words,
          method: .optimize
        ).1
        : current
      let comparison = OptimizeComparison(
        current: current.schedules, optimized: optimized.schedules, plans: loaded.plans)
      if accept {
        try commit(optimized.schedules, plans: loaded.plans)
      }
      Output.standardOutput(
        ReportRenderer.render(
          OptimizeReport.document(
            comparison, accepted: accept, municipalities: loaded.plans.count > 1, words: words),
          as: format == .json ? .json : .text, width: width.columns, foldsLines: width.folds,
          words: words))
    }

    /// The plan directories of the request (a portfolio.xml keeps none).
    func planDirectories() -> [String] {
      guard !paths.isEmpty else { return [inputs.planDirectory] }
      // Each directory once, however it is spelled (one lock each).
      var seen: Set<String> = []
      return paths.map { PlanLoader.directory(of: $0) }.filter { directory in
        FileCheck.exists(directory + "/" + PlanLoader.fileName)
          && seen.insert(URL(fileURLWithPath: directory).resolvingSymlinksInPath().path).inserted
      }
    }

    /// Commits each plan's part into its directory; a plan read from a
    /// portfolio.xml has no directory of its own and is skipped, said.
    func commit(_ schedules: [MigrationSchedule], plans: [Plan]) throws {
      for (plan, schedule) in zip(plans, schedules) {
        let file = plan.location.file
        guard file.hasSuffix("/" + PlanLoader.fileName) || file == PlanLoader.fileName else {
          Output.standardError(
            "\(file): a portfolio file keeps no committed schedule; its plans were optimised "
              + "but not committed\n")
          continue
        }
        try Exit.written { () throws(OutputFailure) in
          try PlanCommitter.commit(schedule, planDirectory: PlanLoader.directory(of: file))
        }
      }
    }
  }
}
