import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "How sure each go-live is: a Monte Carlo forecast of the schedule.",
      discussion: """
        Schedules the plan (or the plans of PATHs, together) once, then draws \
        --samples samples: each step not yet done gets a duration from its step \
        group's spread (catalog/steps.xml), each vendor one delay factor shared by \
        all its steps in every plan, and the base schedule's order is decoded again \
        (no re-planning). Per system: P50, P80 and P90 go-live, the probability of \
        meeting the deadline, the main cause when late; per area and in all: the \
        number late, expected and P10–P90. --vendor-capacity asks what if a vendor \
        had more (or fewer) teams, and shows the difference. The same seed gives the \
        same bytes. See docs/reference/forecast.md.
        """)

    @Argument(
      help: "Plan or portfolio directories (default: --plan's).",
      completion: .file(extensions: ["xml"]))
    var paths: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var day: AsOfOption

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "Samples to draw (default: 1000, fewer for large inputs; the output says how many).",
        discussion: "Without --samples, 1000 for a plan the size of Shinagawa's, down to 100 "
          + "for the national portfolio, so that a run takes well under a minute."))
    var samples: Int?

    @Option(parsing: .unconditional, help: "Seed of the samples.", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @OptionGroup var whatIf: VendorCapacityOption

    @Option(help: "Output format: text, json or csv.")
    var format: TableFormat = .text

    @Option(
      parsing: .unconditional,
      help: "Threads decoding samples (default: every core; the output does not change).")
    var threads: Int?

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
      if let threads, !(1...64).contains(threads) {
        throw ValidationError("--threads must be from 1 to 64, not \(threads).")
      }
      guard let samples else { return }
      guard (1...100_000).contains(samples) else {
        throw ValidationError("--samples must be from 1 to 100000, not \(samples).")
      }
      if samples > 1000 && !paths.isEmpty {
        throw ValidationError(
          "--samples must be at most 1000 for a portfolio (each sample keeps every system's go-live), not \(samples)."
        )
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let request = WorkloadRequest(paths: paths, inputs: inputs)
      let workload = try Output.workload(request, asOf: day.date, diagnostics: diagnostics)
      let progress = ProgressLine(language.words.phase(.planning), words: language.words)
      func forecast(_ changes: [CapacityChange]) throws -> ForecastResult {
        var engine = workload.forecast(
          capacityChanges: changes,
          threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let label = language.words.phase(.sampling)
        engine.progress = { drawn, total in
          progress.enter(label)
          progress.advance(drawn, of: total)
        }
        guard
          let result = engine.run(
            samples: samples ?? engine.defaultSamples, seed: seed, diagnostics: diagnostics)
        else {
          progress.finish()
          throw Exit.dataError(diagnostics)
        }
        // A second forecast (without the what-if) plans and samples anew.
        progress.begin(language.words.phase(.planning))
        return result
      }
      let result = try forecast(whatIf.changes)
      let base = whatIf.changes.isEmpty ? nil : try forecast([])
      progress.finish()
      Output.summarise(
        diagnostics,
        check: request.checkCommand(asOf: day.date),
        words: language.words)
      // A vendor's capacity is said by its official name.
      var words = language.words
      words.vendorNames = result.vendorNames
      let document = ForecastReport.document(
        result, base: base, changes: whatIf.changes, words: words)
      Output.standardOutput(
        ReportRenderer.render(
          document, as: format.reportFormat, headers: language.csvHeaders, width: width.columns,
          foldsLines: width.folds,
          words: words))
    }
  }
}

/// `--vendor-capacity VENDOR=N` or `VENDOR=+N` (repeatable): what if a
/// vendor had another capacity (`forecast`, `portfolio`).
struct VendorCapacityOption: ParsableArguments {
  @Option(
    name: .customLong("vendor-capacity"),
    help: ArgumentHelp(
      "What if VENDOR (id or official name) had capacity N, or N more with +N (repeatable).",
      valueName: "VENDOR=N"),
    transform: VendorCapacityArgument.parse)
  var changes: [CapacityChange] = []
}

/// `--vendor-capacity VENDOR=N` or `VENDOR=+N`.
enum VendorCapacityArgument {
  static func parse(_ text: String) throws -> CapacityChange {
    guard let change = CapacityChange(argument: text) else {
      throw ValidationError(
        "'\(text)' is not VENDOR=N or VENDOR=+N (a vendor id or official name, a whole number).")
    }
    return change
  }
}
