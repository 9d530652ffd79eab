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

    @Argument(help: "Plan or portfolio directories.")
    var paths: [String]

    @Option(help: "The catalog directory.")
    var catalog: String = "catalog"

    @OptionGroup var day: AsOfOption

    @Option(help: "Output format: text, json or csv.")
    var format: TableFormat = .text

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let loadedCatalog: Catalog
      var loaded: PortfolioLoader.Loaded
      let sheets: [SpecSheet]
      do {
        guard
          let catalogData = try CatalogLoader.load(directory: catalog, diagnostics: diagnostics),
          let portfolio = try PortfolioLoader.load(
            paths: paths, catalog: catalogData, diagnostics: diagnostics)
        else {
          Output.report(diagnostics)
          throw ExitCode(Output.dataError)
        }
        loadedCatalog = catalogData
        loaded = portfolio
        sheets = try SpecSheetLoader.load(
          directory: catalog + "/vendors", catalog: catalogData,
          deadline: portfolio.plans.first?.deadline ?? CivilDate(dayNumber: 0),
          diagnostics: DiagnosticCollector())
      } catch let failure as InputFailure {
        diagnostics.emit(failure.diagnostic)
        Output.report(diagnostics)
        throw ExitCode(failure.kind == .missing ? Output.noInput : Output.dataError)
      }
      if let date = day.date {
        if let first = loaded.plans.first(where: { $0.asOf > date }) {
          Output.report(diagnostics)
          Output.standardError(
            "error: --as-of \(date.iso) is before \(first.municipality)'s as-of date "
              + "\(first.asOf.iso): facts after it are already recorded; re-plan from "
              + "\(loaded.plans.map(\.asOf).max()?.iso ?? date.iso) or later\n")
          throw ExitCode(Output.usage)
        }
        loaded.plans = loaded.plans.map { $0.replanned(from: date) }
      }
      let scheduler = PortfolioScheduler(
        catalog: loadedCatalog, plans: loaded.plans, vendors: VendorDirectory(sheets: sheets),
        sharedCapacities: loaded.sharedCapacities,
        // Thousands of plans: one pass of the rule; a few: a short search.
        settings: loaded.plans.count > 20
          ? SearchSettings(scheduleBudget: 1, populationSize: 1, seed: 1)
          : SearchSettings(scheduleBudget: 12, populationSize: 4, mutationRate: 0.1, seed: 1),
        includeTasks: false)
      guard let result = scheduler.run(diagnostics: diagnostics) else {
        Output.report(diagnostics)
        throw ExitCode(Output.dataError)
      }
      Output.report(diagnostics)
      let report = PortfolioReport(plans: loaded.plans, result: result, catalog: loadedCatalog)
      switch format {
      case .text: Output.standardOutput(PortfolioRendering.text(report))
      case .json: Output.standardOutput(PortfolioRendering.json(report).rendered())
      case .csv: Output.standardOutput(PortfolioRendering.csv(report))
      }
    }
  }

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
        area, and vendors and capacities from a seeded model (the data has none). \
        Same data and seed, same bytes. See docs/reference/portfolio.md.
        """)

    @Option(help: "The directory of the national figures.")
    var data: String = "../shared/data/national"

    @Option(name: .shortAndLong, help: "The portfolio directory to write.")
    var output: String

    @Option(help: "Seed of the vendor model.")
    var seed: UInt64 = 1

    @Option(help: "Keep this share of the municipalities, evenly spread (for scaling runs).")
    var fraction: Double = 1

    @Option(help: "The catalog directory.")
    var catalog: String = "catalog"

    func validate() throws {
      guard fraction > 0, fraction <= 1 else {
        throw ValidationError("--fraction must be in (0, 1].")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      guard let catalogData = try? CatalogLoader.load(directory: catalog, diagnostics: diagnostics)
      else {
        Output.report(diagnostics)
        throw ExitCode(Output.dataError)
      }
      let generated: NationalPortfolio.Generated
      do {
        generated = try NationalPortfolio.generate(
          dataDirectory: data, catalog: catalogData, seed: seed, fraction: fraction)
      } catch {
        Output.standardError(
          "\(data): error: cannot read the national figures (\(error)) [data-unreadable]\n")
        throw ExitCode(Output.noInput)
      }
      try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
      try Output.writeAtomically(
        NationalPortfolio.xml(generated), to: output + "/" + PortfolioLoader.fileName)
      try Output.writeAtomically(Self.readme(generated), to: output + "/README.md")
      let migrations = generated.municipalities.map(\.migrations.count).reduce(0, +)
      Output.standardOutput(
        "wrote \(output)/portfolio.xml: \(generated.municipalities.count) municipalities, \(migrations) area migrations\n"
      )
    }

    static func readme(_ generated: NationalPortfolio.Generated) -> String {
      var text = """
        # National portfolio (generated)

        Written by `migplan generate national --seed \(generated.seed)` from
        `pmo-progress-2026-01.json` and `tokutei-2025-12.json`. As of \(generated.asOf.iso), deadline
        \(generated.deadline.iso); areas on the 特定移行支援 list get 2031-03-31.

        - Steps done: the PMO rate × 40, rounded, the first steps of the template.
        - Vendors (the data has none) by a seeded model: each municipality draws a main vendor by
          national share; each area keeps it with probability 0.7, else draws one by share.
        - A vendor's capacity (shared by every municipality): a quarter of its unfinished
          migrations, at least 2. A municipality's staff: 2 + one per two unfinished areas, at most 12.

        | vendor | share | capacity |
        |---|---|---|

        """
      for vendor in NationalPortfolio.vendorShares {
        text +=
          "| \(vendor.name) | \(Int(vendor.share * 100))% | \(generated.capacities[vendor.id] ?? 0) |\n"
      }
      return text
    }
  }
}
