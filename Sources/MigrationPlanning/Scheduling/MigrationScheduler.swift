/// Schedules every remaining step of every system of a plan on working days,
/// against staff capacity, vendor capacity, go-live blackouts, budgets and
/// deadlines, with the engine behind `migplan rcpsp`.
///
/// The plan becomes a `SchedulingProblem` whose time unit is a working day
/// counted from the earliest recorded date:
/// - one task per system and template step, its duration by procurement
///   method; done steps and steps in progress are fixed at their recorded
///   dates (a step in progress lasts at least to the first working day
///   after the as-of date); everything else is released on that day;
/// - the template's links within a system (FS/SS with lags), and go-live
///   links across systems: the catalog's `goLiveAfter` areas and the plan's
///   `<goLiveAfter>`, as start-to-start links between go-live steps;
/// - staff-side steps hold one unit of `staff`, vendor-side steps one unit
///   of `vendor:ID` (the contracted vendor, or the first RFI respondent
///   until a proposal is decided); the steps of one system share their
///   unit, so capacities count projects and migrations at once, not steps;
/// - the go-live step may not overlap a blackout of any area it serves;
/// - the contract step starts no earlier than its budget: the plan's
///   `<budget>`, or else 1 April of the fiscal year after the budget
///   request step ends.
///
/// The search minimises, in order: total calendar days late, systems at
/// risk or late, the sum of go-live days, the makespan. Ties in priority
/// go to the lower task index (plan order of systems, then template order).
public struct MigrationScheduler {
  /// The validated catalog.
  public let catalog: Catalog
  /// The validated plan.
  public let plan: Plan
  /// The vendors' spec sheets (capacities, earliest starts).
  public let vendors: VendorDirectory
  /// The search's budget and seed.
  public var settings: SearchSettings
  /// Repair the committed schedule (the default), search, or optimise.
  public var method: SchedulingMethod = .repair

  /// Schedules generated for a plan by default: enough for the search to
  /// settle on plans of Shinagawa's size, small enough for a chart in well
  /// under 100 ms.
  public static let defaultSettings = SearchSettings(
    scheduleBudget: 60, populationSize: 12, mutationRate: 0.1, seed: 1)

  /// A scheduler of one validated plan.
  public init(
    catalog: Catalog, plan: Plan, vendors: VendorDirectory = .empty,
    settings: SearchSettings = Self.defaultSettings
  ) {
    self.catalog = catalog
    self.plan = plan
    self.vendors = vendors
    self.settings = settings
  }

  /// Nil (with a `schedule-horizon` error) when no schedule fits in 50
  /// years. The plan must be validated (`PlanGraphCheck`).
  public func schedule(diagnostics: DiagnosticCollector) -> MigrationSchedule? {
    var scheduler = PortfolioScheduler(
      catalog: catalog, plans: [plan], vendors: vendors, settings: settings)
    scheduler.method = method
    return scheduler.schedule(diagnostics: diagnostics)?.first
  }
}

/// Schedules several plans together: each keeps its own staff capacity,
/// windows and deadlines; vendors are shared across all of them (a spec
/// sheet's product, or a vendor the portfolio gives a capacity, is one
/// resource for every plan using it). A plan is a portfolio of one.
public struct PortfolioScheduler {
  /// The validated catalog.
  public let catalog: Catalog
  /// The validated plans, in order.
  public let plans: [Plan]
  /// The vendors' spec sheets.
  public let vendors: VendorDirectory
  /// Capacities of vendors shared across the plans, by official name.
  public let sharedCapacities: [String: Int]
  /// The search's budget and seed.
  public var settings: SearchSettings
  /// Whether each schedule lists every task (a portfolio of thousands of
  /// plans needs only the outcomes).
  public var includeTasks: Bool
  /// What-ifs on vendors' capacities (`--vendor-capacity`).
  public var capacityChanges: [CapacityChange] = []
  /// Repair the committed schedules (the default), search from scratch,
  /// or search seeded with them (`optimize`).
  public var method: SchedulingMethod = .repair
  /// Called as the search generates schedules: how many of the budget (a
  /// progress line); never changes the result.
  public var progress: (@Sendable (_ generated: Int, _ budget: Int) -> Void)?

  /// A scheduler of validated plans; `sharedCapacities` are by official
  /// vendor name (normalised here).
  public init(
    catalog: Catalog, plans: [Plan], vendors: VendorDirectory = .empty,
    sharedCapacities: [String: Int] = [:], settings: SearchSettings, includeTasks: Bool = true
  ) {
    self.catalog = catalog
    self.plans = plans
    self.vendors = vendors
    var normalized: [String: Int] = [:]
    for (name, capacity) in sharedCapacities { normalized[NameKey.normalize(name)] = capacity }
    self.sharedCapacities = normalized
    self.settings = settings
    self.includeTasks = includeTasks
  }

  /// One schedule per plan, in order; nil (with a `schedule-horizon`
  /// error) when no schedule fits in 50 years. The plans must be validated
  /// (`PlanGraphCheck`).
  public func schedule(diagnostics: DiagnosticCollector) -> [MigrationSchedule]? {
    run(diagnostics: diagnostics)?.schedules
  }

  /// The schedules and the vendors' load over time.
  /// - Complexity: the model's build, O(tasks + links), then the search;
  ///   a national portfolio (1.4 million tasks) takes one pass of each
  ///   priority rule.
  public func run(diagnostics: DiagnosticCollector) -> PortfolioResult? {
    guard let (model, result) = searched(diagnostics: diagnostics) else { return nil }
    return PortfolioResult(
      schedules: model.schedules(result, includeTasks: includeTasks, diagnostics: diagnostics),
      vendorLoads: model.vendorLoads(result.times))
  }

  /// The model, with the capacity what-ifs applied, and its best schedule:
  /// from 4,000 working days, the horizon doubled while the schedule does
  /// not fit. Nil (with an error) when a what-if names no vendor or nothing
  /// fits in 50 years. `run` and `MonteCarloForecast` start here.
  func searched(diagnostics: DiagnosticCollector) -> (ProblemModel, SearchResult)? {
    var horizon = 4000
    for _ in 0..<6 {
      var changed = ProblemModel(
        catalog: catalog, plans: plans, vendors: vendors, shared: sharedCapacities, horizon: horizon
      )
      let unmatched = CapacityChange.apply(capacityChanges, to: &changed)
      for change in unmatched {
        diagnostics.error(
          .unknownVendor,
          "no vendor resource of '\(change.vendor)' in these plans",
          at: SourceLocation(file: "--vendor-capacity"))
      }
      if !unmatched.isEmpty { return nil }
      let model = changed
      // PlanGraphCheck refuses every plan whose links form a cycle.
      var cycle: [Int] = []
      let successors = model.problem.orderingSuccessors
      guard let order = model.problem.topologicalOrder(successors: successors, cycle: &cycle)
      else { preconditionFailure("go-live links form a cycle in a plan that was not validated") }
      let result = found(model, order: order, successors: successors)
      if result.times.makespan + 1 < model.index.count { return (model, result) }
      horizon *= 2
    }
    diagnostics.error(
      .scheduleHorizon, "the plans cannot be scheduled within 50 years",
      at: plans.first?.location ?? SourceLocation(file: "portfolio"))
    return nil
  }
}

extension PortfolioScheduler {
  /// The schedule of `model` by `method`: the committed schedule repaired
  /// (searched first only for tasks it does not hold), a search from
  /// scratch, or a search seeded with the committed order.
  func found(
    _ model: ProblemModel, order: [Int], successors: [[Int]], method: SchedulingMethod? = nil
  ) -> SearchResult {
    let method = method ?? self.method
    let committed = method != .search && model.hasCommitted
    if method == .repair && committed && !model.needsSearchToRepair() {
      return model.repaired(order: order, successors: successors, fallback: nil)
    }
    var rules = settings.scheduleBudget > 1 ? [model.systemsFirstPriority(order: order)] : []
    // Optimising starts from the repair: the search's result replaces it
    // only when strictly better, so it is never worse and moves nothing
    // for nothing.
    let repair =
      method == .optimize && committed
      ? model.repaired(
        order: order, successors: successors,
        fallback: model.needsSearchToRepair()
          ? found(model, order: order, successors: successors, method: .search) : nil)
      : nil
    if let repair {
      // The repair's own list, as a priority: the search's first schedule.
      var position = [Int](repeating: 0, count: repair.order.count)
      for (index, task) in repair.order.enumerated() { position[task] = index }
      rules.insert(position, at: 0)
    }
    var cycle: [Int] = []
    guard
      var search = ScheduleSearch(
        problem: model.problem,
        latestStarts: ScheduleSearch.latestStarts(
          problem: model.problem, latestFinish: model.latestFinish, horizon: model.index.count,
          order: order),
        settings: settings, cycle: &cycle, order: order, successors: successors,
        otherRules: rules)
    else { preconditionFailure("go-live links form a cycle in a plan that was not validated") }
    search.progress = progress
    let result = search.run { model.cost($0) }
    if method == .repair && committed {
      return model.repaired(order: order, successors: successors, fallback: result)
    }
    if let repair, !result.cost.lexicographicallyPrecedes(repair.cost) {
      return SearchResult(
        order: repair.order, times: repair.times, cost: repair.cost,
        schedulesGenerated: repair.schedulesGenerated + result.schedulesGenerated)
    }
    return result
  }
}

/// What a portfolio run gives.
public struct PortfolioResult: Sendable {
  /// One schedule per plan, in order.
  public var schedules: [MigrationSchedule]
  /// Every vendor resource, in order of first use.
  public var vendorLoads: [VendorLoad]
}
