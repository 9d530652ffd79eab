/// The pipeline's first stages, read → validate → model, as one entry point
/// per input for the front end. Every command loads through here, `check`
/// included, so a plan that `check` passes is one every command accepts,
/// and every diagnostic met on the way is reported to the caller's
/// collector: none is dropped.
///
/// What is validated, in order:
/// 1. the catalog (`CatalogLoader`): areas, the step template, the calendar;
/// 2. the plan or plans (`PlanLoader`, `PortfolioLoader`), each with
///    `PlanGraphCheck`: after it the scheduler only asserts;
/// 3. the vendors' spec sheets in `CATALOG/vendors/` (`SpecSheetLoader`),
///    measured against the plan's deadline;
/// 4. how the sheets' products fit the plan's systems (`SpecFit`).
///
/// A stage with errors stops the load (nil); a missing or unreadable file
/// or directory throws `InputFailure`.
public enum InputStage {
  /// The catalog, then the plan in `planDirectory`, then the spec sheets.
  /// - Returns: nil when any of them has errors (all reported).
  public static func load(
    catalog source: CatalogSource, planDirectory: String, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> ValidatedInputs? {
    guard
      let catalog = try CatalogLoader.load(source: source, diagnostics: diagnostics)
    else { return nil }
    guard
      let plan = try PlanLoader.load(
        directory: planDirectory, catalog: catalog, diagnostics: diagnostics)
    else { return nil }
    guard
      let vendors = try loadVendors(
        source: source, catalog: catalog, deadline: plan.deadline,
        diagnostics: diagnostics)
    else { return nil }
    let errorsBefore = diagnostics.errorCount
    SpecFit.check(plan: plan, vendors: vendors, diagnostics: diagnostics)
    guard diagnostics.errorCount == errorsBefore else { return nil }
    return ValidatedInputs(
      catalog: catalog, plan: plan, planDirectory: planDirectory, vendors: vendors)
  }

  /// The catalog, then every plan or portfolio directory in `paths`, then
  /// the spec sheets (measured against the first plan's deadline), then how
  /// their products fit each plan read from a plan directory, against that
  /// plan's own deadlines, as `load` does. (A portfolio file describes
  /// migrations in the aggregate: no products, no RFI.)
  /// - Returns: nil when any of them has errors (all reported).
  public static func loadPortfolio(
    catalog source: CatalogSource, paths: [String], diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> ValidatedPortfolio? {
    guard
      let catalog = try CatalogLoader.load(source: source, diagnostics: diagnostics),
      let loaded = try PortfolioLoader.load(
        paths: paths, catalog: catalog, diagnostics: diagnostics)
    else { return nil }
    guard
      let vendors = try loadVendors(
        source: source, catalog: catalog,
        deadline: loaded.plans.first?.deadline ?? CivilDate(dayNumber: 0),
        diagnostics: diagnostics)
    else { return nil }
    let errorsBefore = diagnostics.errorCount
    for (plan, checked) in zip(loaded.plans, loaded.fromPlanDirectory) where checked {
      SpecFit.check(plan: plan, vendors: vendors, diagnostics: diagnostics)
    }
    guard diagnostics.errorCount == errorsBefore else { return nil }
    return ValidatedPortfolio(
      catalog: catalog, plans: loaded.plans, directories: loaded.directories,
      sharedCapacities: loaded.sharedCapacities, vendors: vendors)
  }

  /// The catalog and its spec sheets, for commands that read no plan
  /// (`import`, `generate`). - Returns: nil on errors.
  public static func loadCatalog(
    _ source: CatalogSource, deadline: CivilDate, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> (catalog: Catalog, vendors: VendorDirectory)? {
    guard let catalog = try CatalogLoader.load(source: source, diagnostics: diagnostics),
      let vendors = try loadVendors(
        source: source, catalog: catalog, deadline: deadline, diagnostics: diagnostics)
    else { return nil }
    return (catalog, vendors)
  }

  /// The sheets of `files`, each on its own (`specs`): one that cannot be
  /// read does not hide the others. Failures are emitted as diagnostics;
  /// `failure` is the first.
  public static func loadSheets(
    _ files: [CatalogSource.Sheet], catalog: Catalog, deadline: CivilDate,
    diagnostics: DiagnosticCollector
  ) -> (sheets: [SpecSheet], failure: InputFailure?) {
    var sheets: [SpecSheet] = []
    var failure: InputFailure?
    for file in files {
      do {
        sheets += try SpecSheetLoader.load(
          sheets: [file], catalog: catalog, deadline: deadline, diagnostics: diagnostics)
      } catch {
        diagnostics.emit(error.diagnostic)
        failure = failure ?? error
      }
    }
    return (sheets, failure)
  }

  /// Every sheet of the catalog. - Returns: nil when one has errors.
  static func loadVendors(
    source: CatalogSource, catalog: Catalog, deadline: CivilDate,
    diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> VendorDirectory? {
    let errorsBefore = diagnostics.errorCount
    let sheets = try SpecSheetLoader.load(
      source: source, catalog: catalog, deadline: deadline, diagnostics: diagnostics)
    guard diagnostics.errorCount == errorsBefore else { return nil }
    return VendorDirectory(sheets: sheets)
  }

  /// Where a catalog keeps its vendors' spec sheets.
  public static let vendorsFolder = "vendors"
}

/// The inputs of every command on one plan, read and validated.
public struct ValidatedInputs: Sendable {
  /// The validated catalog.
  public var catalog: Catalog
  /// The validated plan.
  public var plan: Plan
  /// The plan's directory (for its baselines).
  public var planDirectory: String
  /// The vendors' spec sheets (`catalog/vendors/`).
  public var vendors: VendorDirectory
}

/// The inputs of a portfolio run, read and validated.
public struct ValidatedPortfolio: Sendable {
  /// The validated catalog.
  public var catalog: Catalog
  /// The validated plans, in the order given.
  public var plans: [Plan]
  /// Each plan's directory, nil for a plan of a portfolio file.
  public var directories: [String?]
  /// Vendor capacities shared across the plans, by official name.
  public var sharedCapacities: [String: Int]
  /// The vendors' spec sheets.
  public var vendors: VendorDirectory
}
