import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Portfolio: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Schedule several plans together against shared vendor capacity.",
      discussion: """
        Each PATH is a plan directory (plan.xml) or a portfolio directory \
        (portfolio.xml, as `migplan generate national` writes). Each plan keeps its \
        own staff capacity, windows and deadlines; vendors are shared. Text: totals \
        first, then what binds, per prefecture, per vendor, and each vendor's load \
        over time. CSV: the per-area status rows of `export csv` with a municipality \
        column. See docs/reference/portfolio.md.
        """)

    @Argument(help: "Plan or portfolio directories.", completion: .file(extensions: ["xml"]))
    var paths: [String]

    @OptionGroup var catalogOption: CatalogOption

    @OptionGroup var day: AsOfOption

    @Option(help: "Output format: text, json or csv.")
    var format: TableFormat = .text

    @OptionGroup var width: WidthOption

    @OptionGroup var language: LanguageOption

    @OptionGroup var whatIf: VendorCapacityOption

    func run() throws {
      let (loaded, result) = try Self.schedule(
        paths: paths, catalog: catalogOption, asOf: day, changes: whatIf.changes,
        words: language.words)
      let report = PortfolioReport(plans: loaded.plans, result: result, catalog: loaded.catalog)
      // A vendor's capacity is said by its official name.
      var words = language.words
      words.vendorNames = report.vendorNames
      var document = report.document(words: words)
      if !whatIf.changes.isEmpty {
        // The same plans without the what-if, for the difference.
        let (_, baseResult) = try Self.schedule(
          paths: paths, catalog: catalogOption, asOf: day, summarise: false,
          words: language.words)
        let base = PortfolioReport(plans: loaded.plans, result: baseResult, catalog: loaded.catalog)
        document.blocks.insert(
          contentsOf: report.whatIf(base: base, changes: whatIf.changes, words: words),
          at: min(2, document.blocks.count))
      }
      Output.standardOutput(
        ReportRenderer.render(
          document, as: format.reportFormat, headers: language.csvHeaders, width: width.columns,
          words: words))
    }
  }

  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Generate data sets.", subcommands: [National.self])
  }
}

extension Migplan.Portfolio {
  /// Loads the plans of `paths`, re-plans them from `--as-of`, schedules
  /// them together and reports; or ends the command.
  static func scheduled(
    paths: [String], catalog: CatalogOption, asOf day: AsOfOption, words: ReportWords
  ) throws -> (ValidatedPortfolio, PortfolioReport) {
    let (loaded, result) = try schedule(paths: paths, catalog: catalog, asOf: day, words: words)
    return (loaded, PortfolioReport(plans: loaded.plans, result: result, catalog: loaded.catalog))
  }

  /// Loads the plans of `paths` and re-plans them from `--as-of`, or ends
  /// the command.
  static func load(
    paths: [String], catalog: CatalogOption, asOf day: AsOfOption,
    diagnostics: DiagnosticCollector
  ) throws -> ValidatedPortfolio {
    var loaded = try Exit.loaded(diagnostics) { () throws(InputFailure) in
      try InputStage.loadPortfolio(
        catalogDirectory: catalog.catalog, paths: paths, diagnostics: diagnostics)
    }
    // Plan by plan, check --as-of says which are stale; a portfolio of
    // many is not scheduled once more for it.
    do {
      loaded.plans = try Replanning.replan(
        loaded.plans, to: day.date, catalog: loaded.catalog, vendors: loaded.vendors,
        staleness: false, diagnostics: diagnostics)
    } catch {
      throw Exit.refused(error, diagnostics: diagnostics)
    }
    return loaded
  }

  /// Loads the plans of `paths`, re-plans them from `--as-of` and
  /// schedules them together (with every task when `includeTasks`; with
  /// the capacity what-ifs), or ends the command.
  static func schedule(
    paths: [String], catalog: CatalogOption, asOf day: AsOfOption, includeTasks: Bool = false,
    changes: [CapacityChange] = [], summarise: Bool = true, words: ReportWords = ReportWords(.ja)
  ) throws -> (ValidatedPortfolio, PortfolioResult) {
    let diagnostics = DiagnosticCollector()
    // On a terminal, a run over a second says what it is doing.
    let progress = ProgressLine(words.pick("読み込み中", "reading"), words: words)
    defer { progress.finish() }
    let loaded: ValidatedPortfolio
    do {
      loaded = try load(paths: paths, catalog: catalog, asOf: day, diagnostics: diagnostics)
    } catch {
      progress.finish()
      throw error
    }
    progress.begin(words.pick("計画中", "planning"))
    var scheduler = PortfolioScheduler(
      catalog: loaded.catalog, plans: loaded.plans, vendors: loaded.vendors,
      sharedCapacities: loaded.sharedCapacities,
      settings: SearchSettings.forPortfolio(plans: loaded.plans.count), includeTasks: includeTasks)
    scheduler.capacityChanges = changes
    scheduler.progress = { generated, budget in progress.advance(generated, of: budget) }
    guard let result = scheduler.run(diagnostics: diagnostics) else {
      throw Exit.dataError(diagnostics)
    }
    // Warnings of every plan: check gives them plan by plan.
    if summarise {
      Output.summarise(
        diagnostics, check: Output.checkPaths(paths, catalog: catalog.given, asOf: day.date),
        words: words)
    }
    return (loaded, result)
  }
}

extension Migplan.Generate {
  struct National: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a national portfolio from the published PMO figures (shared/data/national).",
      discussion: """
        Per municipality and area: the steps done that the January 2026 PMO rate \
        implies, the later deadline where the December 2025 特定移行支援 list names the \
        area, and vendors and capacities from a seeded model (the data has none), \
        calibrated on aggregate published figures (--model first: the first model). \
        Same data and seed, same bytes. See docs/reference/portfolio.md.
        """)

    @Option(help: "The directory of the national figures.", completion: .directory)
    var data: String = "../shared/data/national"

    @Option(
      name: .shortAndLong, help: "The portfolio directory to write.", completion: .directory)
    var output: String

    @Option(
      parsing: .unconditional, help: "Seed of the vendor model.", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(
      parsing: .unconditional,
      help: "Keep this share of the municipalities, evenly spread (for scaling runs).")
    var fraction: Double = 1

    @OptionGroup var catalogOption: CatalogOption

    @Flag(
      help:
        "Do not read the 特定移行支援 list: every area gets the common deadline (for back-testing)."
    )
    var withoutTokutei = false

    @Option(
      help: ArgumentHelp(
        "The model: calibrated (fitted to the published aggregates: budgets funded now, staff and blackouts never binding, pace 0.087, vendor capacity 0.26) or first (the template's pace, staff and budget cycles binding). Each option below changes one of its values.",
        valueName: "calibrated|first"))
    var model: ModelChoice = .calibrated

    @Option(
      parsing: .unconditional,
      help: "Model: the main vendor's share of a municipality's areas (calibrated 0.9, first 0.7).")
    var mainVendorShare: Double?

    @Option(
      parsing: .unconditional,
      help:
        "Model: a vendor's capacity as a share of its unfinished migrations (calibrated 0.26, first 0.25)."
    )
    var vendorCapacityRatio: Double?

    @Option(
      parsing: .unconditional,
      help:
        "Model: the remaining steps' pace against the template's durations (calibrated 0.087, first 1)."
    )
    var durationScale: Double?

    @Option(
      parsing: .unconditional,
      help: "Model: how much a municipality's pace follows its own progress (both 0).")
    var bodyPace: Double?

    @Flag(
      help:
        "Model: every migration's budget is available now, a national subsidy (calibrated: always)."
    )
    var budgetNow = false

    @Flag(
      help:
        "Model: the staff never binds, each municipality runs every area at once (calibrated: always)."
    )
    var staffUnbound = false

    @Flag(
      help:
        "Model: the go-live blackouts do not hold, the deadline overrode them (calibrated: always)."
    )
    var withoutBlackouts = false

    enum ModelChoice: String, ExpressibleByArgument, CaseIterable {
      case first, calibrated
    }

    @OptionGroup var language: LanguageOption

    func validate() throws {
      guard fraction > 0, fraction <= 1 else {
        throw ValidationError("--fraction must be in (0, 1].")
      }
      if let mainVendorShare, !(0...1).contains(mainVendorShare) {
        throw ValidationError("--main-vendor-share must be from 0 to 1.")
      }
      if let vendorCapacityRatio, !(vendorCapacityRatio > 0 && vendorCapacityRatio <= 10) {
        throw ValidationError("--vendor-capacity-ratio must be in (0, 10].")
      }
      if let durationScale, !(0.01...10).contains(durationScale) {
        throw ValidationError("--duration-scale must be from 0.01 to 10.")
      }
      if let bodyPace, !(0...20).contains(bodyPace) {
        throw ValidationError("--body-pace must be from 0 to 20.")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let (catalog, _) = try Exit.loaded(diagnostics) { () throws(InputFailure) in
        try InputStage.loadCatalog(
          directory: catalogOption.catalog, deadline: FiscalYear.standardizationDeadline,
          diagnostics: diagnostics)
      }
      let generated = try Exit.loaded(diagnostics) { () throws(InputFailure) in
        var chosen = model == .calibrated ? NationalPortfolio.Model.calibrated : .init()
        chosen.readsTokuteiList = !withoutTokutei
        chosen.mainVendorShare = mainVendorShare ?? chosen.mainVendorShare
        chosen.vendorCapacityRatio = vendorCapacityRatio ?? chosen.vendorCapacityRatio
        chosen.durationScale = durationScale ?? chosen.durationScale
        chosen.bodyPace = bodyPace ?? chosen.bodyPace
        if budgetNow { chosen.budgetFromAsOf = true }
        if staffUnbound { chosen.staffBinds = false }
        if withoutBlackouts { chosen.blackoutsHold = false }
        return try NationalPortfolio.generate(
          dataDirectory: data, catalog: catalog, seed: seed, fraction: fraction, model: chosen)
      }
      Output.report(diagnostics)
      try Exit.written { () throws(OutputFailure) in
        try AtomicFile.makeDirectory(output)
        try AtomicFile.write(
          NationalPortfolio.xml(generated), to: output + "/" + PortfolioLoader.fileName)
        try AtomicFile.write(GeneratedReadme.national(generated), to: output + "/README.md")
      }
      let migrations = generated.municipalities.map(\.migrations.count).reduce(0, +)
      let bodies = generated.municipalities.count
      Output.standardOutput(
        language.words.pick(
          "作成しました \(output)/portfolio.xml: \(NumberStyle.count(bodies))団体、事務の移行 \(NumberStyle.count(migrations))件",
          "wrote \(output)/portfolio.xml: \(NumberStyle.count(bodies)) municipalities, \(NumberStyle.count(migrations)) area migrations"
        )
          + "\n")
    }
  }
}
