/// Builds a `ProblemModel` one plan, and within it one system, at a time.
struct ProblemBuilder {
  let catalog: Catalog
  let plans: [Plan]
  let vendors: VendorDirectory
  let shared: [String: Int]
  let index: WorkingDayIndex
  let template: StepTemplate
  let stepIndex: [String: Int]
  /// Per template step: its links within the system, by template offset.
  let templateLinks: [[(offset: Int, type: LinkType, lag: Int)]]
  /// Template offsets of the steps with a role.
  let goLive: Int
  let contract: Int
  let budgetRequest: Int
  /// For a finish at index `i`, the index of 1 April after the fiscal
  /// year it falls in: one table for every budget gate.
  let budgetTable: [Int]
  /// Calendar years the blackouts are laid over.
  let years: ClosedRange<Int>
  /// Per plan: the first working day after its as-of date.
  let releases: [Int]

  // What is built.
  var tasks: [ProblemModel.TaskInfo] = []
  var systemRefs: [ProblemModel.SystemRef] = []
  var resources: [ScheduleResource] = []
  var planResources: [[Int]] = []
  var goLiveTask: [Int] = []
  var budgetRelease: [Int: CivilDate] = [:]
  /// Per task: how long it keeps its system's units after it finishes.
  var holdAfter: [Int] = []
  var systemVendor: [Int?] = []
  var durations: [Int] = []
  var predecessors: [[Precedence]] = []
  var demands: [[ResourceDemand]] = []
  var fixedStart: [Int?] = []
  var release: [Int] = []
  var forbidden: [[Range<Int>]] = []
  var gates: [FinishGate] = []
  var latest: [Int?] = []

  // Caches: names are normalised once per distinct name (NFKC is not
  // cheap), products looked up once per vendor name and areas, blackouts
  // laid once per set of areas.
  var resourceKey: [String: Int] = [:]
  var companies: [String: (name: String, form: String?)] = [:]
  var productCache: [String: (sheet: SpecSheet, product: SpecProduct)?] = [:]
  var blackoutCache: [String: [Range<Int>]] = [:]

  init(
    catalog: Catalog, plans: [Plan], vendors: VendorDirectory, shared: [String: Int],
    index: WorkingDayIndex, origin: CivilDate
  ) {
    self.catalog = catalog
    self.plans = plans
    self.vendors = vendors
    self.shared = shared
    self.index = index
    template = catalog.template
    let stepIndex = Dictionary(
      template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    self.stepIndex = stepIndex
    templateLinks = template.steps.map { step in
      step.predecessors.compactMap { link in
        stepIndex[link.step].map { ($0, link.type, link.lag) }
      }
    }
    let template = self.template
    func offset(_ role: StepRole) -> Int {
      template.steps(with: role).first.flatMap { stepIndex[$0.id] } ?? 0
    }
    goLive = offset(.goLive)
    contract = offset(.contract)
    budgetRequest = offset(.budgetRequest)
    budgetTable = (0...index.count).map { finish -> Int in
      index.index(onOrAfter: index.date(max(finish - 1, 0)).fiscalYear.next.firstDay)
    }
    years = (origin.year - 1)...(index.date(index.count - 1).year + 1)
    releases = plans.map { index.index(onOrAfter: $0.asOf.adding(days: 1)) }
    // Every array grows to one entry per task: allocate once, not by doubling.
    let count = plans.reduce(0) { $0 + $1.systems.count } * template.steps.count
    tasks.reserveCapacity(count)
    durations.reserveCapacity(count)
    predecessors.reserveCapacity(count)
    demands.reserveCapacity(count)
    fixedStart.reserveCapacity(count)
    release.reserveCapacity(count)
    forbidden.reserveCapacity(count)
    latest.reserveCapacity(count)
  }

  /// The engine's problem, once every plan is added.
  func problem() -> SchedulingProblem {
    var built = SchedulingProblem(
      durations: durations, predecessors: predecessors, demands: demands,
      capacities: resources.map(\.capacity))
    built.fixedStart = fixedStart
    built.release = release
    built.forbidden = forbidden
    built.gates = gates
    built.holdAfter = holdAfter
    return built
  }

  /// The resource with `key`, created on first use.
  mutating func resource(_ key: String, id: String, capacity: Int, assumed: Bool = false) -> Int {
    if let existing = resourceKey[key] { return existing }
    resourceKey[key] = resources.count
    resources.append(ScheduleResource(id: id, capacity: capacity, assumed: assumed))
    return resources.count - 1
  }

  /// Adds every system of plan `planIndex`, then its go-live links.
  mutating func add(plan planIndex: Int) {
    let plan = plans[planIndex]
    let staffId = ResourceKey.staff(municipality: plans.count == 1 ? nil : plan.municipality).id
    let staff = resource(
      "plan\(planIndex):staff", id: staffId, capacity: plan.staffCapacity,
      assumed: plan.staffCapacityAssumed)
    var used = [staff]
    let firstSystem = systemRefs.count
    for systemIndex in plan.systems.indices {
      let vendor = add(system: systemIndex, of: planIndex, staff: staff)
      if let vendor, !used.contains(vendor) { used.append(vendor) }
    }
    addGoLiveLinks(plan: plan, firstSystem: firstSystem)
    planResources.append(used)
  }

  /// The vendor resource a system's vendor-side steps hold, and the
  /// earliest day its product can start, if known. A vendor's capacity
  /// comes from the plan, else the portfolio's shared capacities, else its
  /// spec sheet's product; with none of them it is 1, marked assumed.
  mutating func vendorResource(for system: LocalSystem, of planIndex: Int) -> (
    resource: Int?, earliestStart: CivilDate?
  ) {
    let plan = plans[planIndex]
    guard let vendorId = system.expectedVendor, let vendor = companyVendor(vendorId, in: plan)
    else { return (nil, nil) }
    let sharedKey = nameKey(vendor.name)
    let productKey =
      vendor.name + "|" + (system.product ?? "") + "|" + system.areas.joined(separator: ",")
    let product: (sheet: SpecSheet, product: SpecProduct)?
    if let cached = productCache[productKey] {
      product = cached.flatMap { $0 }
    } else {
      product = vendors.sheets.isEmpty ? nil : vendors.product(for: system, plan: plan)
      productCache.updateValue(product, forKey: productKey)
    }
    let resource: Int
    if let planned = vendor.capacity {
      resource = self.resource(
        "plan\(planIndex):v:" + vendor.id, id: ResourceKey.vendor(id: vendor.id, product: nil).id,
        capacity: planned,
        assumed: vendor.capacityAssumed)
    } else if let capacity = shared[sharedKey] {
      resource = self.resource(
        "shared:" + sharedKey, id: ResourceKey.vendor(id: vendor.id, product: nil).id,
        capacity: capacity)
    } else if let product {
      resource = self.resource(
        "sheet:" + product.sheet.vendorId + "/" + product.product.id,
        id: ResourceKey.vendor(id: product.sheet.vendorId, product: product.product.id).id,
        capacity: product.product.capacity ?? 1)
    } else {
      resource = self.resource(
        "plan\(planIndex):v:" + vendor.id, id: ResourceKey.vendor(id: vendor.id, product: nil).id,
        capacity: 1,
        assumed: true)
    }
    return (resource, product?.product.earliestStart)
  }

  /// `NameKey.company` of a name, computed once per distinct name.
  mutating func company(_ name: String) -> (name: String, form: String?) {
    if let known = companies[name] { return known }
    let company = NameKey.company(name)
    companies[name] = company
    return company
  }

  /// `NameKey.normalize` of a name, computed once per distinct name.
  mutating func nameKey(_ name: String) -> String {
    NameKey.key(company(name))
  }

  /// The first declaration of the company vendor `id` is: a plan that
  /// declares one company twice (`duplicate-vendor`) has one vendor, with
  /// the first's capacity. The names' keys are cached.
  mutating func companyVendor(_ id: String, in plan: Plan) -> PlanVendor? {
    guard let vendor = plan.vendor(id) else { return nil }
    let key = company(vendor.name)
    for candidate in plan.vendors where NameKey.sameCompany(company(candidate.name), key) {
      return candidate
    }
    return vendor
  }

  /// Adds one task per template step of a system; returns its vendor
  /// resource.
  mutating func add(system systemIndex: Int, of planIndex: Int, staff: Int) -> Int? {
    let plan = plans[planIndex]
    let system = plan.systems[systemIndex]
    let planRelease = releases[planIndex]
    let owner = systemRefs.count
    systemRefs.append(
      ProblemModel.SystemRef(plan: planIndex, index: systemIndex, id: system.id))
    let (vendorResource, earliestVendor) = vendorResource(for: system, of: planIndex)
    systemVendor.append(vendorResource)
    let base = durations.count
    let vendorRelease =
      earliestVendor.map { max(planRelease, index.index(onOrAfter: $0)) } ?? planRelease
    var recordByStep = [StepRecord?](repeating: nil, count: template.steps.count)
    for record in system.steps {
      if let offset = stepIndex[record.step] { recordByStep[offset] = record }
    }
    // The system's three demand lists, shared by its steps (one allocation
    // each, not one per step: a national portfolio has 1.4 million steps).
    let staffDemand = ResourceDemand(resource: staff, units: 1, owner: owner)
    let vendorDemand = vendorResource.map { ResourceDemand(resource: $0, units: 1, owner: owner) }
    let staffOnly = [staffDemand]
    let vendorOnly = vendorDemand.map { [$0] } ?? []
    let staffAndVendor = vendorDemand.map { [staffDemand, $0] } ?? staffOnly
    for (offset, step) in template.steps.enumerated() {
      let record = recordByStep[offset]
      let status = record?.status ?? .notStarted
      tasks.append(ProblemModel.TaskInfo(system: owner, step: offset, status: status))
      let taskDemands =
        step.performer.usesStaff
        ? (step.performer.usesVendor ? staffAndVendor : staffOnly)
        : (step.performer.usesVendor ? vendorOnly : [])
      switch status {
      case .done, .inProgress:
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
        let template = step.duration(for: system.procurement)
        let duration =
          status == .notApplicable
          ? 0
          : plan.durationScale == 1 || template == 0
            ? template : max(1, Int((Double(template) * plan.durationScale).rounded()))
        fixedStart.append(nil)
        durations.append(duration)
        demands.append(duration == 0 ? [] : taskDemands)
        predecessors.append(
          templateLinks[offset].map {
            Precedence(
              task: base + $0.offset, type: $0.type,
              // A lag is part of a step's work: it keeps the plan's pace.
              lag: plan.durationScale == 1 || $0.lag == 0
                ? $0.lag : max(1, Int((Double($0.lag) * plan.durationScale).rounded())))
          })
        release.append(step.performer.usesVendor ? vendorRelease : planRelease)
      }
      forbidden.append([])
      latest.append(nil)
    }
    holdAfter += repeatElement(0, count: template.steps.count)
    holdProposalBlock(of: system, base: base)
    addWindow(of: system, in: plan, base: base)
    return vendorResource
  }

  /// A proposal's (or open tender's) steps from its notice to its
  /// contract — the steps that carry its milestones — run back to back:
  /// the first of them not done keeps the system's units until the last
  /// ends, so that nothing else takes the staff between the notice and
  /// the questions. (A budget or a link from outside the block may still
  /// hold a step back.)
  mutating func holdProposalBlock(of system: LocalSystem, base: Int) {
    let block = proposalBlock(for: system.procurement)
    guard block.count > 1 else { return }
    guard
      let first = block.firstIndex(where: { offset in
        tasks[base + offset].status == .notStarted || tasks[base + offset].status == .inProgress
      })
    else { return }
    let following = block[(first + 1)...].filter { tasks[base + $0].status == .notStarted }
    holdAfter[base + block[first]] = following.reduce(0) { $0 + durations[base + $1] }
  }

  /// The template offsets of the steps carrying a method's milestones, in
  /// order (none for a negotiated contract, whose only milestone is 契約).
  func proposalBlock(for method: ProcurementMethod) -> [Int] {
    guard method != .negotiated else { return [] }
    let carrying = Set(
      template.milestones.filter { $0.methods.contains(method) }.compactMap { stepIndex[$0.step] })
    guard let low = carrying.min(), let high = carrying.max() else { return [] }
    return Array(low...high)
  }

  /// A system's go-live window (its deadline, the blackouts of its
  /// areas) and its budget (a fixed date from the plan, or a gate on the
  /// request), on its tasks from `base`.
  mutating func addWindow(of system: LocalSystem, in plan: Plan, base: Int) {
    let goLiveIndex = base + goLive
    goLiveTask.append(goLiveIndex)
    latest[goLiveIndex] = index.index(onOrAfter: plan.deadline(for: system).adding(days: 1))
    if fixedStart[goLiveIndex] == nil, plan.blackoutsHold {
      forbidden[goLiveIndex] = blackouts(of: system)
    }
    let contractIndex = base + contract
    if fixedStart[contractIndex] == nil {
      if let available = system.budget?.availableFrom {
        release[contractIndex] = max(release[contractIndex], index.index(onOrAfter: available))
        budgetRelease[contractIndex] = available
      } else {
        gates.append(
          FinishGate(task: contractIndex, after: base + budgetRequest, earliestStart: budgetTable))
      }
    }
  }

  /// The working days a system may not go live: the blackouts of every
  /// area it serves, in every year of the index, merged.
  mutating func blackouts(of system: LocalSystem) -> [Range<Int>] {
    let key = system.areas.joined(separator: ",")
    if let cached = blackoutCache[key] { return cached }
    var intervals: [Range<Int>] = []
    for area in system.areas {
      for blackout in catalog.area(area)?.blackouts ?? [] {
        for year in years {
          intervals += Self.intervals(of: blackout.range, year: year, index: index)
        }
      }
    }
    let merged = Self.merged(intervals)
    blackoutCache[key] = merged
    return merged
  }

  /// Start-to-start links between the go-live steps of a plan's systems,
  /// as `PlanGraphCheck.links` draws them (the one rule: the catalog's
  /// `goLiveAfter` areas and the plan's `<goLiveAfter>`; a recorded go-live
  /// waits for nothing).
  mutating func addGoLiveLinks(plan: Plan, firstSystem: Int) {
    var after: [Int: Set<Int>] = [:]
    for link in PlanGraphCheck.links(plan, catalog: catalog) {
      after[link.system, default: []].insert(link.after)
    }
    for (system, others) in after.sorted(by: { $0.key < $1.key }) {
      let task = goLiveTask[firstSystem + system]
      for other in others.sorted() {
        predecessors[task].append(
          Precedence(task: goLiveTask[firstSystem + other], type: .startToStart, lag: 0))
      }
    }
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
}
