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

  /// Nil (with an error diagnostic) when the links form a cycle.
  public func schedule(diagnostics: DiagnosticCollector) -> MigrationSchedule? {
    var horizon = 4000
    for _ in 0..<6 {
      let model = ProblemModel(catalog: catalog, plan: plan, vendors: vendors, horizon: horizon)
      var cycle: [Int] = []
      let latest = ScheduleSearch.latestStarts(
        problem: model.problem, latestFinish: model.latestFinish, horizon: model.index.count)
      guard
        let search = ScheduleSearch(
          problem: model.problem, latestStarts: latest, settings: settings, cycle: &cycle)
      else {
        let systems = Set(cycle.map { model.tasks[$0].system })
        diagnostics.error(
          "schedule-cycle",
          "go-live links form a cycle among systems "
            + plan.systems.map(\.id).filter(
              systems.contains
            ).joined(separator: ", "), at: plan.location)
        return nil
      }
      let result = search.run { model.cost($0) }
      if result.times.makespan + 1 >= model.index.count {
        horizon *= 2
        continue
      }
      return model.schedule(result, diagnostics: diagnostics)
    }
    diagnostics.error(
      "schedule-horizon", "the plan cannot be scheduled within 50 years", at: plan.location)
    return nil
  }
}

/// The plan translated into the engine's terms, and back.
private struct ProblemModel {
  struct TaskInfo {
    var system: String
    var systemIndex: Int
    var step: StepDefinition
    var status: StepStatus
    var record: StepRecord?
  }

  let catalog: Catalog
  let plan: Plan
  let index: WorkingDayIndex
  let origin: CivilDate
  let release: Int
  var tasks: [TaskInfo] = []
  var problem: SchedulingProblem
  var latestFinish: [Int?]
  var resources: [ScheduleResource] = []
  var goLiveTask: [Int] = []
  var contractTask: [Int] = []
  var budgetRelease: [Int: CivilDate] = [:]

  init(catalog: Catalog, plan: Plan, vendors: VendorDirectory, horizon: Int) {
    self.catalog = catalog
    self.plan = plan
    self.problem = SchedulingProblem(durations: [], predecessors: [], demands: [], capacities: [])
    self.latestFinish = []
    let recorded = plan.systems.flatMap { $0.steps.compactMap(\.start) }
    origin = min(recorded.min() ?? plan.asOf, plan.asOf)
    let dayAfter = plan.asOf.adding(days: 1)
    let pastDays = origin.days(to: dayAfter)
    index = catalog.calendar.index(from: origin, count: pastDays + horizon)
    release = index.index(onOrAfter: dayAfter)

    // Resources: staff first, then vendors in order of first use. A vendor
    // with a capacity in the plan is one resource for this municipality;
    // otherwise each product of its spec sheet is one, with the sheet's
    // capacity (1 when neither says).
    resources.append(ScheduleResource(id: "staff", capacity: plan.staffCapacity))
    var resourceIndex: [String: Int] = [:]
    var systemVendor: [Int?] = []
    var vendorEarliest: [CivilDate?] = []
    for system in plan.systems {
      guard let vendorId = system.vendor ?? system.respondents.first,
        let vendor = plan.vendor(vendorId)
      else {
        systemVendor.append(nil)
        vendorEarliest.append(nil)
        continue
      }
      let product = vendors.product(for: system, plan: plan)
      let id: String
      let capacity: Int
      if let planned = vendor.capacity {
        id = "vendor:" + vendor.id
        capacity = planned
      } else if let product {
        id = "vendor:" + product.sheet.vendorId + "/" + product.product.id
        capacity = product.product.capacity ?? 1
      } else {
        id = "vendor:" + vendor.id
        capacity = 1
      }
      if resourceIndex[id] == nil {
        resourceIndex[id] = resources.count
        resources.append(ScheduleResource(id: id, capacity: capacity))
      }
      systemVendor.append(resourceIndex[id])
      vendorEarliest.append(product?.product.earliestStart)
    }

    let template = catalog.template
    let stepIndex = Dictionary(
      template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    let perSystem = template.steps.count
    var durations: [Int] = []
    var predecessors: [[Precedence]] = []
    var demands: [[ResourceDemand]] = []
    var fixedStart: [Int?] = []
    for (systemIndex, system) in plan.systems.enumerated() {
      let vendor = systemVendor[systemIndex]
      for step in template.steps {
        let record = system.record(step.id)
        let status = record?.status ?? .notStarted
        tasks.append(
          TaskInfo(
            system: system.id, systemIndex: systemIndex, step: step, status: status, record: record)
        )
        var taskDemands: [ResourceDemand] = []
        if step.performer.usesStaff {
          taskDemands.append(ResourceDemand(resource: 0, units: 1, owner: systemIndex))
        }
        if step.performer.usesVendor, let vendor {
          taskDemands.append(ResourceDemand(resource: vendor, units: 1, owner: systemIndex))
        }
        var links: [Precedence] = []
        switch status {
        case .done, .inProgress:
          let start = index.index(onOrAfter: record?.start ?? plan.asOf)
          var end =
            record?.end.map { index.index(onOrAfter: $0) }
            ?? (start + step.duration(for: system.procurement))
          if status == .inProgress { end = max(end, release + 1) }
          fixedStart.append(start)
          durations.append(max(end - start, 0))
        case .notApplicable, .notStarted:
          fixedStart.append(nil)
          durations.append(status == .notApplicable ? 0 : step.duration(for: system.procurement))
          let base = systemIndex * perSystem
          for link in step.predecessors {
            if let offset = stepIndex[link.step] {
              links.append(Precedence(task: base + offset, type: link.type, lag: link.lag))
            }
          }
        }
        demands.append(durations.last == 0 ? [] : taskDemands)
        predecessors.append(links)
      }
    }
    var problem = SchedulingProblem(
      durations: durations, predecessors: predecessors, demands: demands,
      capacities: resources.map(\.capacity))
    problem.fixedStart = fixedStart
    problem.release = Array(repeating: release, count: durations.count)
    // A product's earliest start holds back its vendor-side steps.
    for (task, info) in tasks.enumerated() where info.step.performer.usesVendor {
      if let earliest = vendorEarliest[info.systemIndex] {
        problem.release[task] = max(release, index.index(onOrAfter: earliest))
      }
    }

    // Go-live and contract tasks of each system.
    let goLive = template.steps(with: .goLive).first.flatMap { stepIndex[$0.id] } ?? 0
    let contract = template.steps(with: .contract).first.flatMap { stepIndex[$0.id] } ?? 0
    let budgetRequest = template.steps(with: .budgetRequest).first.flatMap { stepIndex[$0.id] } ?? 0
    goLiveTask = plan.systems.indices.map { $0 * perSystem + goLive }
    contractTask = plan.systems.indices.map { $0 * perSystem + contract }

    // Cross-system go-live links.
    for (systemIndex, system) in plan.systems.enumerated() {
      let task = goLiveTask[systemIndex]
      guard problem.fixedStart[task] == nil else { continue }
      var after: [Int] = []
      for area in system.areas {
        for required in catalog.area(area)?.goLiveAfter ?? [] where !system.areas.contains(required)
        {
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
        problem.predecessors[task].append(
          Precedence(task: goLiveTask[otherIndex], type: .startToStart, lag: 0))
      }
    }

    // Blackouts of go-live steps.
    let firstYear = origin.year
    let lastYear = index.date(index.count - 1).year
    for (systemIndex, system) in plan.systems.enumerated() {
      let task = goLiveTask[systemIndex]
      guard problem.fixedStart[task] == nil else { continue }
      var intervals: [Range<Int>] = []
      for area in system.areas {
        for blackout in catalog.area(area)?.blackouts ?? [] {
          for year in (firstYear - 1)...(lastYear + 1) {
            intervals += Self.intervals(of: blackout.range, year: year, index: index)
          }
        }
      }
      problem.forbidden[task] = Self.merged(intervals)
    }

    // Budgets: a fixed date from the plan, or a gate on the budget request.
    for (systemIndex, system) in plan.systems.enumerated() {
      let task = contractTask[systemIndex]
      guard problem.fixedStart[task] == nil else { continue }
      if let available = system.budget?.availableFrom {
        problem.release[task] = max(release, index.index(onOrAfter: available))
        budgetRelease[task] = available
      } else {
        let table = (0...index.count).map { finish -> Int in
          let lastDay = index.date(max(finish - 1, 0))
          return index.index(onOrAfter: lastDay.fiscalYear.next.firstDay)
        }
        problem.gates.append(
          FinishGate(
            task: task, after: systemIndex * perSystem + budgetRequest, earliestStart: table))
      }
    }

    // Deadlines as latest finishes of go-live steps.
    latestFinish = Array(repeating: nil, count: durations.count)
    for (systemIndex, system) in plan.systems.enumerated() {
      latestFinish[goLiveTask[systemIndex]] =
        index.index(onOrAfter: plan.deadline(for: system).adding(days: 1))
    }
    self.problem = problem
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

  /// Lateness, then systems at risk or late, then go-live days, then makespan.
  func cost(_ times: TaskTimes) -> ScheduleCost {
    var late = 0
    var risky = 0
    var goLiveSum = 0
    for (systemIndex, system) in plan.systems.enumerated() {
      let task = goLiveTask[systemIndex]
      if tasks[task].status == .done { continue }
      let goLive = index.date(times.starts[task])
      let slack = goLive.days(to: plan.deadline(for: system))
      if slack < 0 { late += -slack }
      if slack < plan.atRiskDays { risky += 1 }
      goLiveSum += times.starts[task]
    }
    return [late, risky, goLiveSum, times.makespan]
  }

  func taskId(_ task: Int) -> String { tasks[task].system + "/" + tasks[task].step.id }

  func schedule(_ result: SearchResult, diagnostics: DiagnosticCollector) -> MigrationSchedule {
    let times = result.times
    var scheduled: [ScheduledTask] = []
    scheduled.reserveCapacity(tasks.count)
    let perSystem = catalog.template.steps.count
    let stepIndex = Dictionary(
      catalog.template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    for (task, info) in tasks.enumerated() {
      let status: TaskStatus
      var start = index.date(times.starts[task])
      var end =
        times.finishes[task] > times.starts[task]
        ? index.date(times.finishes[task] - 1).adding(days: 1) : start
      switch info.status {
      case .done:
        status = .done
        start = info.record?.start ?? start
        end = info.record?.end ?? end
      case .inProgress:
        status = .inProgress
        start = info.record?.start ?? start
        if let recordedEnd = info.record?.end, recordedEnd > plan.asOf { end = recordedEnd }
      case .notApplicable: status = .notApplicable
      case .notStarted: status = .planned
      }
      // Every template link is listed, also for fixed steps (whose links the
      // facts may contradict: see the schedule reference).
      let base = info.systemIndex * perSystem
      var links = info.step.predecessors.compactMap { link -> TaskLink? in
        guard let offset = stepIndex[link.step] else { return nil }
        return TaskLink(task: taskId(base + offset), type: link.type, lagDays: link.lag)
      }
      if info.step.role == .goLive {
        let own = Set(links.map(\.task))
        for link in problem.predecessors[task] where !own.contains(taskId(link.task)) {
          links.append(TaskLink(task: taskId(link.task), type: link.type, lagDays: link.lag))
        }
      }
      let uses = problem.demands[task].map {
        ResourceUse(resource: resources[$0.resource].id, units: $0.units)
      }
      let blackouts =
        info.step.role == .goLive
        ? plan.systems[info.systemIndex].areas.flatMap { catalog.area($0)?.blackouts ?? [] } : []
      scheduled.append(
        ScheduledTask(
          id: taskId(task), system: info.system, step: info.step.id, start: start, end: end,
          status: status, predecessors: links, resources: uses, blackouts: blackouts,
          cause: bindingCause(task, times)))
    }

    var outcomes: [SystemOutcome] = []
    for (systemIndex, system) in plan.systems.enumerated() {
      let task = goLiveTask[systemIndex]
      let goLive = scheduled[task].start
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
          vendor: system.vendor ?? system.respondents.first, goLive: goLive, deadline: deadline,
          slackDays: slack, status: status, tokutei: system.tokuteiDeadline != nil,
          binding: status == .done ? [] : bindingChain(from: task, scheduled)))
    }

    if let covered = catalog.calendar.coveredYears.upperBound as Int?,
      let last = scheduled.map(\.end).max(), last.year > covered
    {
      diagnostics.warning(
        "calendar-coverage",
        "the schedule runs to \(last.iso), past the holiday data (to \(covered)): later holidays are not excluded",
        at: plan.location)
    }
    for system in plan.systems where system.vendor == nil && system.respondents.isEmpty {
      diagnostics.warning(
        "no-vendor",
        "system '\(system.id)' has neither a vendor nor an RFI respondent: its vendor-side steps hold no vendor capacity",
        at: system.location)
    }
    return MigrationSchedule(
      asOf: plan.asOf, resources: resources, tasks: scheduled, systems: outcomes,
      schedulesGenerated: result.schedulesGenerated)
  }

  func bindingCause(_ task: Int, _ times: TaskTimes) -> BindingCause {
    switch tasks[task].status {
    case .done, .inProgress: return .recorded
    default: break
    }
    switch times.causes[task] {
    case .release:
      if problem.release[task] > release {
        if let available = budgetRelease[task] { return .budget(availableFrom: available) }
        return .vendorStart(index.date(problem.release[task]))
      }
      return .asOf
    case .fixed: return .recorded
    case .predecessor(let other, let type): return .predecessor(taskId(other), type)
    case .gate:
      return .budget(availableFrom: index.date(times.starts[task]))
    case .resource(let resource): return .resource(resources[resource].id)
    case .window:
      let system = plan.systems[tasks[task].systemIndex]
      let reasons = system.areas.flatMap { area in
        (catalog.area(area)?.blackouts ?? []).map { "\(area) \($0.range.description) \($0.reason)" }
      }
      return .blackout(reasons.joined(separator: "; "))
    }
  }

  /// From a go-live back along what bound each start, to a fact, the as-of
  /// date, a budget, a resource or a blackout.
  func bindingChain(from task: Int, _ scheduled: [ScheduledTask]) -> [BindingLink] {
    var chain: [BindingLink] = []
    var current = task
    var budgetSeen = false
    while chain.count < 200 {
      let cause = scheduled[current].cause
      if case .budget(let date) = cause, let fixed = budgetRelease[current] {
        chain.append(BindingLink(task: scheduled[current].id, cause: .budget(availableFrom: fixed)))
        _ = date
        break
      }
      chain.append(BindingLink(task: scheduled[current].id, cause: cause))
      switch cause {
      case .predecessor(let id, _):
        guard let next = scheduled.firstIndex(where: { $0.id == id }) else { return chain }
        current = next
      case .budget:
        if budgetSeen { return chain }
        budgetSeen = true
        let after = problem.gates.first { $0.task == current }?.after
        guard let after else { return chain }
        current = after
      default:
        return chain
      }
    }
    return chain
  }
}
