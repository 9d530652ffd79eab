/// The inputs of every command, read and validated: the catalog and a plan.
public struct PlanInputs: Sendable {
  public var catalog: Catalog
  public var plan: Plan
  public var planDirectory: String
  /// The vendors' spec sheets (`catalog/vendors/`).
  public var vendors: VendorDirectory
}

/// The pipeline's first stages, read → validate → model, as one entry point
/// for the front end.
public enum InputStage {
  /// Reads the catalog, then the plan. Returns nil when either has errors;
  /// every problem found is in `diagnostics`.
  public static func load(
    catalogDirectory: String, planDirectory: String, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> PlanInputs? {
    guard
      let catalog = try CatalogLoader.load(directory: catalogDirectory, diagnostics: diagnostics)
    else { return nil }
    guard
      let plan = try PlanLoader.load(
        directory: planDirectory, catalog: catalog, diagnostics: diagnostics)
    else { return nil }
    let errorsBefore = diagnostics.errorCount
    let sheets = try SpecSheetLoader.load(
      directory: catalogDirectory + "/vendors", catalog: catalog, deadline: plan.deadline,
      diagnostics: diagnostics)
    let vendors = VendorDirectory(sheets: sheets)
    guard diagnostics.errorCount == errorsBefore else { return nil }
    return PlanInputs(catalog: catalog, plan: plan, planDirectory: planDirectory, vendors: vendors)
  }
}
