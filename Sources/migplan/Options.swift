import ArgumentParser
import Foundation
import MigrationPlanning

/// `--catalog DIR`, declared once for every command that reads the catalog.
/// Without it, the catalog is found without the repository: see
/// `CatalogLocation`.
struct CatalogOption: ParsableArguments {
  @Option(
    name: .customLong("catalog"),
    help: ArgumentHelp(
      "The catalog directory (areas.xml, steps.xml, calendar.xml, vendors/).",
      discussion:
        "Default: $MIGPLAN_CATALOG, else ./catalog, else the copy installed beside the binary (PREFIX/share/migplan/catalog), else the copy built into the binary.",
      valueName: "catalog"),
    completion: .directory)
  var given: String?

  /// The catalog in use.
  var location: CatalogLocation { CatalogLocation.resolve(given) }

  /// The catalog in use: its directory, or the built-in files.
  var catalog: CatalogSource { location.catalogSource }
}

/// Where the catalog and the plan are.
struct InputOptions: ParsableArguments {
  @Option(
    name: .customLong("plan"),
    help: ArgumentHelp(
      "The plan directory (holding plan.xml), or plan.xml itself.",
      discussion:
        "Default: the current directory when it holds plan.xml, else plans/shinagawa.",
      valueName: "plan"),
    completion: .file(extensions: ["xml"]))
  var givenPlan: String?

  @OptionGroup var catalogOption: CatalogOption

  var catalog: CatalogSource { catalogOption.catalog }

  /// The plan as given, or the default.
  var plan: String {
    if let givenPlan { return givenPlan }
    return FileCheck.exists(PlanLoader.fileName) ? "." : "plans/shinagawa"
  }

  /// The plan directory, whether `--plan` names it or its plan.xml.
  var planDirectory: String { PlanLoader.directory(of: plan) }

  /// A missing plan the user did not name says where migplan looked.
  func explained(_ failure: InputFailure) -> InputFailure {
    guard givenPlan == nil, failure.diagnostic.kind == .planMissing else { return failure }
    var diagnostic = failure.diagnostic
    diagnostic.message =
      "no plan here: no plan.xml in the current directory (\(FileManager.default.currentDirectoryPath)) "
      + "and no \(plan), the default; give --plan DIR (a directory holding plan.xml), or start "
      + "a plan with migplan import TABLE --name NAME"
    return InputFailure(failure.kind, diagnostic)
  }
}

/// `--usd-jpy RATE`: the rate for the cloud fees of running costs
/// (costs.xml), instead of the file's own; every output that shows costs
/// takes it.
struct ExchangeRateOption: ParsableArguments {
  @Option(
    name: .customLong("usd-jpy"),
    help: ArgumentHelp(
      "Yen per dollar for the cloud fees of running costs (at most 4 decimals), instead of "
        + "costs.xml's rate.", valueName: "rate"),
    transform: { text in
      guard let rate = ExchangeRate(text: text) else {
        throw ValidationError(
          "--usd-jpy must be yen per dollar from 1 to 1000 with at most 4 decimals (160, 139.5), "
            + "not '\(text)'.")
      }
      return rate
    })
  var rate: ExchangeRate?
}

/// `--as-of DATE`: re-plan from that day. Every step not recorded done by
/// then is planned from it; it may not be before the plan's own as-of date.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Re-plan from this day (YYYY-MM-DD, or today): steps not recorded done are planned from it.",
      discussion: "Default: the plan's as-of date. It may not be earlier.",
      valueName: "date"),
    transform: DateArgument.parse)
  var date: CivilDate?
}

/// `--width N`: the width of text output, in display columns (a Japanese
/// character counts two). Default: the terminal's, when standard output is
/// one; else `$COLUMNS`; else 120.
struct WidthOption: ParsableArguments {
  @Option(
    name: .customLong("width"), parsing: .unconditional,
    help: "Width of text output in columns (default: the terminal's, else $COLUMNS, else 120).")
  var given: Int?

  func validate() throws {
    if let given, given < 40 { throw ValidationError("--width must be at least 40, not \(given).") }
  }

  /// Whether lines fold: at a terminal, or with `--width`; never in a
  /// pipe without it (tables still fit `columns`).
  var folds: Bool { foldColumns != nil }

  /// The width a one-line summary folds at: `--width`, else the
  /// terminal's when standard output is one; nil in a pipe or a file,
  /// where a script greps the line whole.
  var foldColumns: Int? {
    if given != nil || isatty(STDOUT_FILENO) == 1 { return columns }
    return nil
  }

  /// The width in use.
  var columns: Int {
    if let given { return given }
    if isatty(STDOUT_FILENO) == 1 {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
        return Int(size.ws_col)
      }
    }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value >= 20
    {
      return value
    }
    return 120
  }
}

/// `--lang ja|en`: the language of every word of text output (default
/// ja). CSV is for programs unless `--lang ja` is given: then its headers
/// and words are Japanese, its percentages `82.5%`. JSON never changes.
struct LanguageOption: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: ArgumentHelp(
      "Language of the words in text output: ja or en (default: ja).",
      discussion: "CSV: ja gives Japanese headers and words; without it, CSV is for programs.",
      valueName: "lang"))
  var given: ReportWords.Language?

  /// The words of text output.
  var words: ReportWords { ReportWords(given ?? .ja) }

  /// CSV's language: Japanese only when asked for.
  var csvHeaders: ReportRenderer.Headers { given == .ja ? .japanese : .keys }
}

extension ReportWords.Language: ExpressibleByArgument {}

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

/// A seed: a whole number from 0 to 2^64 − 1; anything else says so.
enum SeedArgument {
  static func parse(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text) else {
      throw ValidationError(
        "a seed is a whole number from 0 to \(UInt64.max), not '\(text)'.")
    }
    return seed
  }
}

/// Dates on the command line are `CivilDate` options, parsed once by this
/// `transform:`, with a message that says what is wrong: not a date at all,
/// or not a day of the calendar (2024-02-30). (An `ExpressibleByArgument`
/// conformance could only fail with ArgumentParser's generic "invalid
/// value".)
enum DateArgument {
  static func parse(_ text: String) throws -> CivilDate {
    if text == "today" { return try Today.inJapan() }
    if let date = CivilDate(iso: text) {
      guard date.isSupported else {
        throw ValidationError("\(text) is out of range: \(CivilDate.supportedText).")
      }
      return date
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    {
      throw ValidationError("\(text) is not a day of the calendar.")
    }
    throw ValidationError("a date is written YYYY-MM-DD (or today).")
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

/// `--wait SECONDS`: how long a command that writes a plan waits for
/// another writer of the same plan before it gives up (exit 75).
struct WaitOption: ParsableArguments {
  @Option(
    name: .customLong("wait"), parsing: .unconditional,
    help: ArgumentHelp(
      "Seconds to wait for another migplan writing the same plan (default: 30).",
      valueName: "seconds"))
  var given: Double?

  func validate() throws {
    if let given, !(0...86_400).contains(given) {
      throw ValidationError("--wait takes 0 to 86400 seconds, not \(given).")
    }
  }

  var seconds: Double { given ?? 30 }
}
