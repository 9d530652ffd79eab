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
  public let catalog: Catalog
  public let plan: Plan
  public let vendors: VendorDirectory
  public var settings: SearchSettings

  /// Schedules generated for a plan by default: enough for the search to
  /// settle on plans of Shinagawa's size, small enough for a chart in well
  /// under 100 ms.
  public static let defaultSettings = SearchSettings(
    scheduleBudget: 60, populationSize: 12, mutationRate: 0.1, seed: 1)

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
    PortfolioScheduler(catalog: catalog, plans: [plan], vendors: vendors, settings: settings)
      .schedule(diagnostics: diagnostics)?.first
  }
}

/// Schedules several plans together: each keeps its own staff capacity,
/// windows and deadlines; vendors are shared across all of them (a spec
/// sheet's product, or a vendor the portfolio gives a capacity, is one
/// resource for every plan using it). A plan is a portfolio of one.
public struct PortfolioScheduler {
  public let catalog: Catalog
  public let plans: [Plan]
  public let vendors: VendorDirectory
  /// Capacities of vendors shared across the plans, by official name.
  public let sharedCapacities: [String: Int]
  public var settings: SearchSettings
  /// Whether each schedule lists every task (a portfolio of thousands of
  /// plans needs only the outcomes).
  public var includeTasks: Bool

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
  public func run(diagnostics: DiagnosticCollector) -> PortfolioResult? {
    var horizon = 4000
    for _ in 0..<6 {
      let model = ProblemModel(
        catalog: catalog, plans: plans, vendors: vendors, shared: sharedCapacities, horizon: horizon
      )
      // PlanGraphCheck refuses every plan whose links form a cycle.
      var cycle: [Int] = []
      guard let order = model.problem.topologicalOrder(cycle: &cycle),
        let search = ScheduleSearch(
          problem: model.problem,
          latestStarts: ScheduleSearch.latestStarts(
            problem: model.problem, latestFinish: model.latestFinish, horizon: model.index.count,
            order: order),
          settings: settings, cycle: &cycle, order: order)
      else { preconditionFailure("go-live links form a cycle in a plan that was not validated") }
      let result = search.run { model.cost($0) }
      if result.times.makespan + 1 >= model.index.count {
        horizon *= 2
        continue
      }
      return PortfolioResult(
        schedules: model.schedules(result, includeTasks: includeTasks, diagnostics: diagnostics),
        vendorLoads: model.vendorLoads(result.times))
    }
    diagnostics.error(
      "schedule-horizon", "the plans cannot be scheduled within 50 years",
      at: plans.first?.location ?? SourceLocation(file: "portfolio"))
    return nil
  }
}

/// What a portfolio run gives.
public struct PortfolioResult: Sendable {
  public var schedules: [MigrationSchedule]
  /// Every vendor resource, in order of first use.
  public var vendorLoads: [VendorLoad]
}

/// How many systems a vendor resource serves at once, per fiscal quarter:
/// the average, over the quarter's working days, of the systems whose
/// vendor-side steps run.
public struct VendorLoad: Sendable {
  public var resource: String
  public var capacity: Int
  /// Systems that use the resource.
  public var systems: Int
  public var quarters: [(start: CivilDate, average: Double)]
}

/// The plans translated into the engine's terms, and back.
private struct ProblemModel {
  struct TaskInfo {
    /// Index into `systemRefs`.
    var system: Int
    var step: Int
    var status: StepStatus
  }

  struct SystemRef {
    var plan: Int
    var index: Int
    var id: String
  }

  let catalog: Catalog
  let plans: [Plan]
  let index: WorkingDayIndex
  let origin: CivilDate
  /// Per plan: the first working day after its as-of date.
  var releases: [Int] = []
  var tasks: [TaskInfo] = []
  var systemRefs: [SystemRef] = []
  var problem: SchedulingProblem
  var latestFinish: [Int?]
  var resources: [ScheduleResource] = []
  /// Per plan: the resources it uses (its staff first).
  var planResources: [[Int]] = []
  var goLiveTask: [Int] = []
  var budgetRelease: [Int: CivilDate] = [:]
  /// Per system: the vendor resource its vendor-side steps hold.
  var systemVendor: [Int?] = []
  let steps: [StepDefinition]
  let stepIndex: [String: Int]
  /// The go-live step's position in the template.
  let goLiveOffset: Int

  init(
    catalog: Catalog, plans: [Plan], vendors: VendorDirectory, shared: [String: Int], horizon: Int
  ) {
    self.catalog = catalog
    self.plans = plans
    self.problem = SchedulingProblem(durations: [], predecessors: [], demands: [], capacities: [])
    self.latestFinish = []
    let template = catalog.template
    goLiveOffset = template.steps.firstIndex { $0.role == .goLive } ?? 0
    steps = template.steps
    stepIndex = Dictionary(
      template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    var earliest = plans.map(\.asOf).min() ?? CivilDate(dayNumber: 0)
    for plan in plans {
      for system in plan.systems {
        for record in system.steps {
          if let start = record.start, start < earliest { earliest = start }
        }
      }
    }
    origin = earliest
    let latestAsOf = plans.map(\.asOf).max() ?? earliest
    index = catalog.calendar.index(from: origin, count: origin.days(to: latestAsOf) + horizon)
    releases = plans.map { index.index(onOrAfter: $0.asOf.adding(days: 1)) }

    // Template-level facts, computed once.
    let perSystem = template.steps.count
    let templateLinks: [[(offset: Int, type: LinkType, lag: Int)]] = template.steps.map { step in
      step.predecessors.compactMap { link in
        stepIndex[link.step].map { ($0, link.type, link.lag) }
      }
    }
    let goLive = template.steps(with: .goLive).first.flatMap { stepIndex[$0.id] } ?? 0
    let contract = template.steps(with: .contract).first.flatMap { stepIndex[$0.id] } ?? 0
    let budgetRequest = template.steps(with: .budgetRequest).first.flatMap { stepIndex[$0.id] } ?? 0
    // One budget table for every gate: the index of 1 April after the
    // fiscal year a finish falls in.
    let budgetTable = (0...index.count).map { finish -> Int in
      index.index(onOrAfter: index.date(max(finish - 1, 0)).fiscalYear.next.firstDay)
    }

    // Resources.
    var resourceKey: [String: Int] = [:]
    func resource(_ key: String, id: String, capacity: Int, assumed: Bool = false) -> Int {
      if let existing = resourceKey[key] { return existing }
      resourceKey[key] = resources.count
      resources.append(ScheduleResource(id: id, capacity: capacity, assumed: assumed))
      return resources.count - 1
    }

    var durations: [Int] = []
    var predecessors: [[Precedence]] = []
    var demands: [[ResourceDemand]] = []
    var fixedStart: [Int?] = []
    var release: [Int] = []
    var forbidden: [[Range<Int>]] = []
    var gates: [FinishGate] = []
    var latest: [Int?] = []
    var blackoutCache: [String: [Range<Int>]] = [:]
    var nameKeys: [String: String] = [:]
    var productCache: [String: (sheet: SpecSheet, product: SpecProduct)?] = [:]
    let firstYear = origin.year
    let lastYear = index.date(index.count - 1).year

    for (planIndex, plan) in plans.enumerated() {
      let staffId = plans.count == 1 ? "staff" : "staff:" + plan.municipality
      let staff = resource(
        "plan\(planIndex):staff", id: staffId, capacity: plan.staffCapacity,
        assumed: plan.staffCapacityAssumed)
      var used = [staff]
      let planRelease = releases[planIndex]
      let firstSystem = systemRefs.count
      for (systemIndex, system) in plan.systems.enumerated() {
        let owner = systemRefs.count
        systemRefs.append(SystemRef(plan: planIndex, index: systemIndex, id: system.id))
        // The vendor resource of the system.
        var vendorResource: Int?
        var earliestVendor: CivilDate?
        if let vendorId = system.expectedVendor,
          let vendor = plan.companyVendor(vendorId)
        {
          // Names are normalised once per distinct name (NFKC is not cheap),
          // and products looked up once per vendor name and areas.
          let sharedKey = nameKeys[vendor.name] ?? NameKey.normalize(vendor.name)
          nameKeys[vendor.name] = sharedKey
          let productKey =
            vendor.name + "|" + (system.product ?? "") + "|" + system.areas.joined(separator: ",")
          let product: (sheet: SpecSheet, product: SpecProduct)?
          if let cached = productCache[productKey] {
            product = cached.flatMap { $0 }
          } else {
            product = vendors.sheets.isEmpty ? nil : vendors.product(for: system, plan: plan)
            productCache.updateValue(product, forKey: productKey)
          }
          if let planned = vendor.capacity {
            vendorResource = resource(
              "plan\(planIndex):vendor:" + vendor.id, id: "vendor:" + vendor.id, capacity: planned,
              assumed: vendor.capacityAssumed)
          } else if let capacity = shared[sharedKey] {
            vendorResource = resource(
              "shared:" + sharedKey, id: "vendor:" + vendor.id, capacity: capacity)
          } else if let product {
            vendorResource = resource(
              "sheet:" + product.sheet.vendorId + "/" + product.product.id,
              id: "vendor:" + product.sheet.vendorId + "/" + product.product.id,
              capacity: product.product.capacity ?? 1)
          } else {
            // No capacity anywhere: 1, and said to be an assumption.
            vendorResource = resource(
              "plan\(planIndex):vendor:" + vendor.id, id: "vendor:" + vendor.id, capacity: 1,
              assumed: true)
          }
          earliestVendor = product?.product.earliestStart
        }
        if let vendorResource, !used.contains(vendorResource) { used.append(vendorResource) }
        systemVendor.append(vendorResource)
        let base = durations.count
        let vendorRelease =
          earliestVendor.map { max(planRelease, index.index(onOrAfter: $0)) } ?? planRelease
        var statusByStep = Array(repeating: StepStatus.notStarted, count: perSystem)
        var recordByStep = [StepRecord?](repeating: nil, count: perSystem)
        for record in system.steps {
          if let offset = stepIndex[record.step] {
            statusByStep[offset] = record.status
            recordByStep[offset] = record
          }
        }
        for (offset, step) in template.steps.enumerated() {
          let status = statusByStep[offset]
          tasks.append(TaskInfo(system: owner, step: offset, status: status))
          var taskDemands: [ResourceDemand] = []
          if step.performer.usesStaff {
            taskDemands.append(ResourceDemand(resource: staff, units: 1, owner: owner))
          }
          if step.performer.usesVendor, let vendorResource {
            taskDemands.append(ResourceDemand(resource: vendorResource, units: 1, owner: owner))
          }
          switch status {
          case .done, .inProgress:
            let record = recordByStep[offset]
            let start = index.index(onOrAfter: record?.start ?? plan.asOf)
            var end =
              record?.end.map { index.index(onOrAfter: $0) }
              ?? (start + step.duration(for: system.procurement))
            if status == .inProgress { end = max(end, planRelease + 1) }
            fixedStart.append(start)
            durations.append(max(end - start, 0))
            // Done steps lie before the release: they hold nothing that matters.
            demands.append(status == .inProgress && end > start ? taskDemands : [])
            predecessors.append([])
            release.append(planRelease)
          case .notApplicable, .notStarted:
            let duration = status == .notApplicable ? 0 : step.duration(for: system.procurement)
            fixedStart.append(nil)
            durations.append(duration)
            demands.append(duration == 0 ? [] : taskDemands)
            predecessors.append(
              templateLinks[offset].map {
                Precedence(task: base + $0.offset, type: $0.type, lag: $0.lag)
              })
            release.append(step.performer.usesVendor ? vendorRelease : planRelease)
          }
          forbidden.append([])
          latest.append(nil)
        }
        let goLiveIndex = base + goLive
        goLiveTask.append(goLiveIndex)
        latest[goLiveIndex] = index.index(onOrAfter: plan.deadline(for: system).adding(days: 1))
        // Blackouts of the go-live step (shared among systems with the same areas).
        if fixedStart[goLiveIndex] == nil {
          let key = system.areas.joined(separator: ",")
          if let cached = blackoutCache[key] {
            forbidden[goLiveIndex] = cached
          } else {
            var intervals: [Range<Int>] = []
            for area in system.areas {
              for blackout in catalog.area(area)?.blackouts ?? [] {
                for year in (firstYear - 1)...(lastYear + 1) {
                  intervals += Self.intervals(of: blackout.range, year: year, index: index)
                }
              }
            }
            let merged = Self.merged(intervals)
            blackoutCache[key] = merged
            forbidden[goLiveIndex] = merged
          }
        }
        // The budget: a fixed date from the plan, or a gate on the request.
        let contractIndex = base + contract
        if fixedStart[contractIndex] == nil {
          if let available = system.budget?.availableFrom {
            release[contractIndex] = max(release[contractIndex], index.index(onOrAfter: available))
            budgetRelease[contractIndex] = available
          } else {
            gates.append(
              FinishGate(
                task: contractIndex, after: base + budgetRequest, earliestStart: budgetTable))
          }
        }
      }
      // Cross-system go-live links within the plan.
      for (systemIndex, system) in plan.systems.enumerated() {
        let task = goLiveTask[firstSystem + systemIndex]
        guard fixedStart[task] == nil else { continue }
        var after: [Int] = []
        for area in system.areas {
          for required in catalog.area(area)?.goLiveAfter ?? []
          where !system.areas.contains(required) {
            for (otherIndex, other) in plan.systems.enumerated()
            where other.areas.contains(required) && otherIndex != systemIndex {
              after.append(otherIndex)
            }
          }
        }
        for link in plan.goLiveLinks where link.system == system.id {
          if let otherIndex = plan.systems.firstIndex(where: { $0.id == link.after }) {
            after.append(otherIndex)
          }
        }
        for otherIndex in Set(after).sorted() {
          predecessors[task].append(
            Precedence(task: goLiveTask[firstSystem + otherIndex], type: .startToStart, lag: 0))
        }
      }
      planResources.append(used)
    }
    var built = SchedulingProblem(
      durations: durations, predecessors: predecessors, demands: demands,
      capacities: resources.map(\.capacity))
    built.fixedStart = fixedStart
    built.release = release
    built.forbidden = forbidden
    built.gates = gates
    problem = built
    latestFinish = latest
  }

  /// The working-day interval of a month-day range in a year (a range over
  /// the year's end runs into the next year).
  static func intervals(of range: MonthDayRange, year: Int, index: WorkingDayIndex) -> [Range<Int>]
  {
    guard let from = CivilDate(year: year, month: range.fromMonth, day: range.fromDay) else {
      return []
    }
    let toYear =
      range.fromMonth * 100 + range.fromDay <= range.toMonth * 100 + range.toDay ? year : year + 1
    guard let to = CivilDate(year: toYear, month: range.toMonth, day: range.toDay) else {
      return []
    }
    let lower = index.index(onOrAfter: from)
    let upper = index.index(onOrAfter: to.adding(days: 1))
    return lower < upper ? [lower..<upper] : []
  }

  static func merged(_ intervals: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last, interval.lowerBound <= last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, interval.upperBound)
      } else {
        result.append(interval)
      }
    }
    return result
  }

  func vendorLoads(_ times: TaskTimes) -> [VendorLoad] {
    let staff = Set(planResources.compactMap(\.first))
    var perResource: [Int: [Int: [Range<Int>]]] = [:]
    for task in 0..<tasks.count where times.finishes[task] > times.starts[task] {
      for demand in problem.demands[task] where !staff.contains(demand.resource) {
        perResource[demand.resource, default: [:]][tasks[task].system, default: []].append(
          times.starts[task]..<times.finishes[task])
      }
    }
    var loads: [VendorLoad] = []
    let end = max(times.makespan, 1)
    for resource in resources.indices where !staff.contains(resource) {
      let owners = perResource[resource] ?? [:]
      var difference = Array(repeating: 0, count: end + 1)
      for ranges in owners.values {
        var held = HeldDays()
        for range in ranges { _ = held.add(range) }
        for range in held.ranges {
          difference[range.lowerBound] += 1
          difference[min(range.upperBound, end)] -= 1
        }
      }
      var quarters: [(start: CivilDate, average: Double)] = []
      var running = 0
      var sum = 0
      var days = 0
      var currentQuarter: CivilDate?
      let firstRelease = releases.min() ?? 0
      for day in 0..<end {
        running += difference[day]
        guard day >= firstRelease else { continue }
        let date = index.date(day)
        let quarter = FiscalQuarter(containing: date).firstDay
        if quarter != currentQuarter {
          if let currentQuarter, days > 0 {
            quarters.append((currentQuarter, Double(sum) / Double(days)))
          }
          currentQuarter = quarter
          sum = 0
          days = 0
        }
        sum += running
        days += 1
      }
      if let currentQuarter, days > 0 {
        quarters.append((currentQuarter, Double(sum) / Double(days)))
      }
      loads.append(
        VendorLoad(
          resource: resources[resource].id, capacity: resources[resource].capacity,
          systems: owners.count, quarters: quarters))
    }
    return loads
  }

  func system(_ owner: Int) -> LocalSystem {
    let ref = systemRefs[owner]
    return plans[ref.plan].systems[ref.index]
  }

  /// Lateness, then systems at risk or late, then go-live days, then makespan.
  func cost(_ times: TaskTimes) -> ScheduleCost {
    var late = 0
    var risky = 0
    var goLiveSum = 0
    for (owner, task) in goLiveTask.enumerated() {
      if tasks[task].status == .done { continue }
      let ref = systemRefs[owner]
      let plan = plans[ref.plan]
      let goLive = index.date(times.starts[task])
      let slack = goLive.days(to: plan.deadline(for: plan.systems[ref.index]))
      if slack < 0 { late += -slack }
      if slack < plan.atRiskDays { risky += 1 }
      goLiveSum += times.starts[task]
    }
    return [late, risky, goLiveSum, times.makespan]
  }

  func taskId(_ task: Int) -> String {
    systemRefs[tasks[task].system].id + "/" + steps[tasks[task].step].id
  }

  func schedules(_ result: SearchResult, includeTasks: Bool, diagnostics: DiagnosticCollector)
    -> [MigrationSchedule]
  {
    let times = result.times
    let perSystem = steps.count
    var output: [MigrationSchedule] = []
    var owner = 0
    for (planIndex, plan) in plans.enumerated() {
      var scheduled: [ScheduledTask] = []
      var outcomes: [SystemOutcome] = []
      for system in plan.systems {
        let base = goLiveTask[owner] - goLiveOffset
        if includeTasks {
          for offset in 0..<perSystem {
            scheduled.append(scheduledTask(base + offset, times, plan: plan))
          }
        }
        let task = goLiveTask[owner]
        let goLive =
          tasks[task].status == .done || tasks[task].status == .inProgress
          ? (system.record(steps[tasks[task].step].id)?.start ?? index.date(times.starts[task]))
          : index.date(times.starts[task])
        let deadline = plan.deadline(for: system)
        let slack = goLive.days(to: deadline)
        let status: MigrationStatus
        if tasks[task].status == .done {
          status = .done
        } else if slack < 0 {
          status = .late
        } else if slack < plan.atRiskDays {
          status = .atRisk
        } else {
          status = .onTrack
        }
        outcomes.append(
          SystemOutcome(
            id: system.id, name: system.name, areas: system.areas,
            vendor: system.expectedVendor, goLive: goLive, deadline: deadline,
            slackDays: slack, status: status, tokutei: system.tokuteiDeadline != nil,
            binding: status == .done ? [] : bindingChain(from: task, times)))
        owner += 1
      }
      if includeTasks, let last = scheduled.map(\.end).max(),
        last.year > catalog.calendar.coveredYears.upperBound
      {
        diagnostics.warning(
          "calendar-coverage",
          "the schedule runs to \(last.iso), past the holiday data (to \(catalog.calendar.coveredYears.upperBound)): later holidays are not excluded",
          at: plan.location)
      }
      output.append(
        MigrationSchedule(
          asOf: plan.asOf, resources: planResources[planIndex].map { resources[$0] },
          tasks: scheduled,
          systems: outcomes, schedulesGenerated: result.schedulesGenerated))
    }
    return output
  }

  func scheduledTask(_ task: Int, _ times: TaskTimes, plan: Plan) -> ScheduledTask {
    let info = tasks[task]
    let step = steps[info.step]
    let system = self.system(info.system)
    let record = system.record(step.id)
    var start = index.date(times.starts[task])
    var end =
      times.finishes[task] > times.starts[task]
      ? index.date(times.finishes[task] - 1).adding(days: 1) : start
    let status: TaskStatus
    switch info.status {
    case .done:
      status = .done
      start = record?.start ?? start
      end = record?.end ?? end
    case .inProgress:
      status = .inProgress
      start = record?.start ?? start
      if let recordedEnd = record?.end, recordedEnd > plan.asOf { end = recordedEnd }
    case .notApplicable: status = .notApplicable
    case .notStarted: status = .planned
    }
    let base = task - info.step
    var links = step.predecessors.compactMap { link -> TaskLink? in
      guard let offset = stepIndex[link.step] else { return nil }
      return TaskLink(task: taskId(base + offset), type: link.type, lagDays: link.lag)
    }
    if step.role == .goLive {
      let own = Set(links.map(\.task))
      for link in problem.predecessors[task] where !own.contains(taskId(link.task)) {
        links.append(TaskLink(task: taskId(link.task), type: link.type, lagDays: link.lag))
      }
    }
    // What the step holds while it runs, by the template (also for facts).
    var uses: [ResourceUse] = []
    let used = planResources[systemRefs[info.system].plan]
    if step.performer.usesStaff, let staff = used.first {
      uses.append(ResourceUse(resource: resources[staff].id, units: 1))
    }
    if step.performer.usesVendor, let vendor = systemVendor[info.system] {
      uses.append(ResourceUse(resource: resources[vendor].id, units: 1))
    }
    if times.finishes[task] == times.starts[task] && info.status != .done
      && info.status != .inProgress
    {
      uses = []
    }
    let blackouts =
      step.role == .goLive ? system.areas.flatMap { catalog.area($0)?.blackouts ?? [] } : []
    return ScheduledTask(
      id: taskId(task), system: system.id, step: step.id, start: start, end: end, status: status,
      predecessors: links, resources: uses, blackouts: blackouts, cause: bindingCause(task, times))
  }

  func bindingCause(_ task: Int, _ times: TaskTimes) -> BindingCause {
    switch tasks[task].status {
    case .done, .inProgress: return .recorded
    default: break
    }
    switch times.causes[task] {
    case .release:
      let planRelease = releases[systemRefs[tasks[task].system].plan]
      if problem.release[task] > planRelease {
        if let available = budgetRelease[task] { return .budget(availableFrom: available) }
        return .vendorStart(index.date(problem.release[task]))
      }
      return .asOf
    case .fixed: return .recorded
    case .predecessor(let other, let type): return .predecessor(taskId(other), type)
    case .gate: return .budget(availableFrom: index.date(times.starts[task]))
    case .resource(let resource): return .resource(resources[resource].id)
    case .window:
      let system = self.system(tasks[task].system)
      let reasons = system.areas.flatMap { area in
        (catalog.area(area)?.blackouts ?? []).map { "\(area) \($0.range.description) \($0.reason)" }
      }
      return .blackout(reasons.joined(separator: "; "))
    }
  }

  /// From a go-live back along what bound each start, to a fact, the as-of
  /// date, a budget, a resource or a blackout.
  func bindingChain(from task: Int, _ times: TaskTimes) -> [BindingLink] {
    var chain: [BindingLink] = []
    var current = task
    var budgetSeen = false
    while chain.count < 200 {
      let cause = bindingCause(current, times)
      chain.append(BindingLink(task: taskId(current), cause: cause))
      switch (cause, times.causes[current]) {
      case (.predecessor, .predecessor(let other, _)):
        current = other
      case (.budget, .gate(let after)):
        if budgetSeen { return chain }
        budgetSeen = true
        current = after
      default:
        return chain
      }
    }
    return chain
  }
}
