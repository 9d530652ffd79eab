import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Generate data sets.", subcommands: [National.self])
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
      name: .customLong("tokutei-list"),
      help:
        "The Digital Agency's 特定移行支援 list as published (.xlsx or CSV), read in place of the data's JSON.",
      completion: .file(extensions: ["xlsx", "xlsm", "csv"]))
    var tokuteiList: String?

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
      if tokuteiList != nil && withoutTokutei {
        throw ValidationError("--tokutei-list and --without-tokutei contradict each other.")
      }
      if let bodyPace, !(0...20).contains(bodyPace) {
        throw ValidationError("--body-pace must be from 0 to 20.")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let (catalog, _) = try Exit.loaded(diagnostics) { () throws(InputFailure) in
        try InputStage.loadCatalog(
          catalogOption.catalog, deadline: FiscalYear.standardizationDeadline,
          diagnostics: diagnostics)
      }
      let generated = try Exit.loaded(diagnostics) {
        () throws(InputFailure) -> NationalPortfolio.Generated? in
        var chosen = model == .calibrated ? NationalPortfolio.Model.calibrated : .init()
        chosen.readsTokuteiList = !withoutTokutei
        chosen.mainVendorShare = mainVendorShare ?? chosen.mainVendorShare
        chosen.vendorCapacityRatio = vendorCapacityRatio ?? chosen.vendorCapacityRatio
        chosen.durationScale = durationScale ?? chosen.durationScale
        chosen.bodyPace = bodyPace ?? chosen.bodyPace
        if budgetNow { chosen.budgetFromAsOf = true }
        if staffUnbound { chosen.staffBinds = false }
        if withoutBlackouts { chosen.blackoutsHold = false }
        var official: TokuteiListSheet?
        if let tokuteiList {
          guard
            let records = try TableFile.read(
              path: tokuteiList, preferring: TokuteiListSheet.sheetName, diagnostics: diagnostics),
            let list = TokuteiListSheet.read(
              records, path: tokuteiList, catalog: catalog, diagnostics: diagnostics)
          else { return nil }
          official = list
        }
        return try NationalPortfolio.generate(
          dataDirectory: data, catalog: catalog, seed: seed, fraction: fraction, model: chosen,
          officialList: official)
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
        language.words.generated(output + "/portfolio.xml", bodies: bodies, migrations: migrations)
          + "\n")
    }
  }
}
