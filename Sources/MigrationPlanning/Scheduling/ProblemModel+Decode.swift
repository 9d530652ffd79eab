/// Reading a schedule back from the engine: the cost the search
/// minimises, and each plan's tasks and outcomes.
extension ProblemModel {
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
    var placed = [[String]](repeating: [], count: plans.count)
    if includeTasks {
      for task in ScheduleSearch.orderByStart(result.order, times.starts) {
        placed[systemRefs[tasks[task].system].plan].append(taskId(task))
      }
    }
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
            slackDays: slack, status: status, tokutei: system.isTokutei,
            binding: status == .done ? [] : bindingChain(from: task, times)))
        owner += 1
      }
      if includeTasks, let last = scheduled.map(\.end).max(),
        last.year > catalog.calendar.coveredYears.upperBound
      {
        diagnostics.warning(
          .calendarCoverage,
          "the schedule runs to \(last.iso), past the holiday data (to \(catalog.calendar.coveredYears.upperBound)): later holidays are not excluded",
          at: plan.location)
      }
      var schedule = MigrationSchedule(
        asOf: plan.asOf, resources: planResources[planIndex].map { resources[$0] },
        tasks: scheduled,
        systems: outcomes, schedulesGenerated: result.schedulesGenerated)
      schedule.placementOrder = placed[planIndex]
      output.append(schedule)
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
      step.role == .goLive && plans[systemRefs[info.system].plan].blackoutsHold
      ? system.areas.flatMap { catalog.area($0)?.blackouts ?? [] } : []
    return ScheduledTask(
      id: taskId(task), system: system.id, step: step.id, start: start, end: end, status: status,
      predecessors: links, resources: uses, blackouts: blackouts, cause: bindingCause(task, times),
      datesAssumed: status == .done && record?.datesAssumed == true)
  }
}
