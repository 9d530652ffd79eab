/// Why each task starts when it does, in the plan's terms: the binding
/// cause of a start, and the chain from a go-live back to its root.
extension ProblemModel {
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
