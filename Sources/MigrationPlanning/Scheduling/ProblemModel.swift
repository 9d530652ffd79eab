/// The plans translated into the engine's terms, and back: task `i` of the
/// `SchedulingProblem` is step `tasks[i].step` of system
/// `systemRefs[tasks[i].system]`; each system's tasks are contiguous, in
/// template order. `ProblemBuilder` builds it; the extensions read a
/// schedule back (`+Decode`), explain it (`+Binding`) and measure the
/// vendors' load (`VendorLoad.swift`).
struct ProblemModel {
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
  let releases: [Int]
  let tasks: [TaskInfo]
  let systemRefs: [SystemRef]
  var problem: SchedulingProblem
  /// Per task: the working day it must finish by, if any (go-live steps).
  let latestFinish: [Int?]
  var resources: [ScheduleResource]
  /// Per plan: the resources it uses (its staff first).
  let planResources: [[Int]]
  /// Per system: its go-live task.
  let goLiveTask: [Int]
  /// Contract tasks whose budget the plan dates.
  let budgetRelease: [Int: CivilDate]
  /// Per system: the vendor resource its vendor-side steps hold.
  let systemVendor: [Int?]
  let steps: [StepDefinition]
  let stepIndex: [String: Int]
  /// The go-live step's position in the template.
  let goLiveOffset: Int

  /// The problem of `plans`, validated.
  ///
  /// - Parameters:
  ///   - catalog: the validated catalog.
  ///   - plans: the validated plans.
  ///   - vendors: the vendors' spec sheets.
  ///   - shared: vendor capacities shared across the plans, by normalised
  ///     official name.
  ///   - horizon: working days indexed after the latest as-of date.
  /// - Complexity: O(tasks + links), with one name normalisation per
  ///   distinct vendor name and one product lookup per vendor and areas.
  init(
    catalog: Catalog, plans: [Plan], vendors: VendorDirectory, shared: [String: Int], horizon: Int
  ) {
    var earliest = plans.map(\.asOf).min() ?? CivilDate(dayNumber: 0)
    for plan in plans {
      for system in plan.systems {
        for record in system.steps {
          if let start = record.start, start < earliest { earliest = start }
        }
      }
    }
    let latestAsOf = plans.map(\.asOf).max() ?? earliest
    let index = catalog.calendar.index(
      from: earliest, count: earliest.days(to: latestAsOf) + horizon)
    var builder = ProblemBuilder(
      catalog: catalog, plans: plans, vendors: vendors, shared: shared, index: index,
      origin: earliest)
    for planIndex in plans.indices { builder.add(plan: planIndex) }

    self.catalog = catalog
    self.plans = plans
    self.index = index
    origin = earliest
    releases = builder.releases
    tasks = builder.tasks
    systemRefs = builder.systemRefs
    problem = builder.problem()
    latestFinish = builder.latest
    resources = builder.resources
    planResources = builder.planResources
    goLiveTask = builder.goLiveTask
    budgetRelease = builder.budgetRelease
    systemVendor = builder.systemVendor
    steps = builder.template.steps
    stepIndex = builder.stepIndex
    goLiveOffset = builder.goLive
  }
}
