/// What a command plans: one plan (`--plan`) or several planned together
/// (plan and portfolio directories given as PATHs). The scheduler treats a
/// plan as a portfolio of one; a workload does the same for the inputs, so
/// a command that takes either (`portfolio`, `forecast`, `report`,
/// `export tjp`) loads, re-plans and schedules one type, and the core, not
/// the command, chooses the search that fits its size.
public struct Workload: Sendable {
  /// Where the plans came from.
  public enum Source: Sendable, Equatable {
    /// One plan directory (`--plan`): planned alone, with the search a plan
    /// gets.
    case plan(directory: String)
    /// Plan or portfolio directories (PATHs): planned together, with the
    /// search a portfolio of their size gets.
    case paths([String])
  }

  /// Where the plans came from.
  public var source: Source
  /// The validated catalog.
  public var catalog: Catalog
  /// The validated plans, in the order given.
  public var plans: [Plan]
  /// Each plan's directory (where its costs.xml is), nil for a plan of a
  /// portfolio file.
  public var directories: [String?]
  /// Vendor capacities shared across the plans, by official name (none
  /// for one plan).
  public var sharedCapacities: [String: Int]
  /// The vendors' spec sheets (`catalog/vendors/`).
  public var vendors: VendorDirectory

  /// One plan's validated inputs as a workload of one.
  public init(_ inputs: ValidatedInputs) {
    source = .plan(directory: inputs.planDirectory)
    catalog = inputs.catalog
    plans = [inputs.plan]
    directories = [inputs.planDirectory]
    sharedCapacities = [:]
    vendors = inputs.vendors
  }

  /// The plans of `paths`, validated together, as a workload.
  public init(_ portfolio: ValidatedPortfolio, paths: [String]) {
    source = .paths(paths)
    catalog = portfolio.catalog
    plans = portfolio.plans
    directories = portfolio.directories
    sharedCapacities = portfolio.sharedCapacities
    vendors = portfolio.vendors
  }

  /// The search this workload gets: a plan's full search (tens of
  /// milliseconds on Shinagawa), a short one for a few plans together, one
  /// pass of each priority rule for thousands.
  public var searchSettings: SearchSettings {
    switch source {
    case .plan: MigrationScheduler.defaultSettings
    case .paths: SearchSettings.forPortfolio(plans: plans.count)
    }
  }

  /// The workload moved to `day` (`Replanning.replan`). A plan says how
  /// stale it is by then (one schedule of it as it is); a portfolio of
  /// many is not scheduled once more for it unless `staleness` asks
  /// (`check` PATHs does).
  public func replanned(
    to day: CivilDate?, staleness: Bool? = nil, diagnostics: DiagnosticCollector
  ) throws(Replanning.Refusal) -> Workload {
    var moved = self
    moved.plans = try Replanning.replan(
      plans, to: day, catalog: catalog, vendors: vendors,
      staleness: staleness ?? (planDirectory != nil),
      diagnostics: diagnostics)
    return moved
  }

  /// The plan directory of a one-plan workload (for its baselines); nil
  /// for PATHs.
  public var planDirectory: String? {
    if case .plan(let directory) = source { return directory }
    return nil
  }

  /// A one-plan workload's inputs, as the commands on one plan read them;
  /// nil for PATHs.
  public var planInputs: ValidatedInputs? {
    guard let planDirectory else { return nil }
    return ValidatedInputs(
      catalog: catalog, plan: plans[0], planDirectory: planDirectory, vendors: vendors)
  }

  /// The scheduler of this workload: every plan together, with the search
  /// it gets (`searchSettings`), the capacity what-ifs, and every task
  /// when `includeTasks` (a national portfolio needs only the outcomes);
  /// it repairs the committed schedules unless `method` says otherwise.
  public func scheduler(
    includeTasks: Bool = true, capacityChanges: [CapacityChange] = [],
    method: SchedulingMethod = .repair
  ) -> PortfolioScheduler {
    var scheduler = PortfolioScheduler(
      catalog: catalog, plans: plans, vendors: vendors, sharedCapacities: sharedCapacities,
      settings: searchSettings, includeTasks: includeTasks)
    scheduler.capacityChanges = capacityChanges
    scheduler.method = method
    return scheduler
  }

  /// What optimising one plan with a committed schedule would save,
  /// against `current` (its repair): the comparison when the search finds
  /// fewer days late, else nil. A plan's search takes tens of
  /// milliseconds, so `schedule` and `report` run it each time for plans
  /// of up to 300 systems; a plan without a committed schedule was searched
  /// already, and larger plans and several plans are left to `migplan
  /// optimize`.
  public func optimization(against current: PortfolioResult) -> OptimizeComparison? {
    guard planDirectory != nil, plans.count == 1, plans[0].committed != nil,
      plans[0].systems.count <= PlanCommitter.searchOnWriteLimit,
      let optimized = scheduler(method: .optimize).run(diagnostics: DiagnosticCollector())
    else { return nil }
    let comparison = OptimizeComparison(
      current: current.schedules, optimized: optimized.schedules, plans: plans)
    return comparison.saves > 0 ? comparison : nil
  }

  /// The Monte Carlo forecast of this workload, around the schedule its
  /// own search finds.
  public func forecast(capacityChanges: [CapacityChange] = [], threads: Int)
    -> MonteCarloForecast
  {
    MonteCarloForecast(
      catalog: catalog, plans: plans, vendors: vendors, sharedCapacities: sharedCapacities,
      settings: searchSettings, capacityChanges: capacityChanges, threads: threads)
  }
}

extension InputStage {
  /// The workload of `source`: one plan (`load`) or the plans of PATHs
  /// (`loadPortfolio`), validated as every command validates them.
  /// - Returns: nil when any input has errors (all reported).
  public static func loadWorkload(
    catalog: CatalogSource, source: Workload.Source, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> Workload? {
    switch source {
    case .plan(let directory):
      try load(catalog: catalog, planDirectory: directory, diagnostics: diagnostics)
        .map(Workload.init)
    case .paths(let paths):
      try loadPortfolio(catalog: catalog, paths: paths, diagnostics: diagnostics)
        .map { Workload($0, paths: paths) }
    }
  }
}
