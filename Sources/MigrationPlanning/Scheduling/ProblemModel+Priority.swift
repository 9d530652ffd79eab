extension ProblemModel {
  /// The systems-first rule: whole systems in order of their deadline,
  /// then of their earliest go-live finish without resources (the
  /// shortest remaining work first); a system's tasks keep the links'
  /// order among themselves.
  ///
  /// Under a common deadline this is the shortest-processing-time rule,
  /// which minimises the number late and the total lateness on one shared
  /// resource (Moore 1968; Baker & Trietsch, *Principles of Sequencing and
  /// Scheduling*, ch. 2): when a vendor cannot serve everyone in time, it
  /// finishes the migrations it can rather than starting every one. The
  /// latest-start rule does the opposite there (the most remaining work
  /// first), so the search tries both. The earliest finish counts the
  /// links, releases, budgets and blackouts, not the resources.
  /// - Complexity: O(tasks + links + systems log systems).
  func systemsFirstPriority(order: [Int]) -> [Int] {
    let durations = problem.durations
    var early = problem.release
    var gatesOf = Array(repeating: [FinishGate](), count: problem.taskCount)
    for gate in problem.gates { gatesOf[gate.task].append(gate) }
    for task in order {
      if let fixed = problem.fixedStart[task] {
        early[task] = fixed
        continue
      }
      var start = early[task]
      for link in problem.predecessors[task] {
        switch link.type {
        case .finishToStart:
          start = max(start, early[link.task] + durations[link.task] + link.lag)
        case .startToStart: start = max(start, early[link.task] + link.lag)
        }
      }
      for gate in gatesOf[task] {
        start = max(start, gate.release(afterFinish: early[gate.after] + durations[gate.after]))
      }
      // The blackouts (sorted by their start) a task may not overlap.
      for interval in problem.forbidden[task]
      where durations[task] > 0 && interval.lowerBound < start + durations[task]
        && start < interval.upperBound
      {
        start = interval.upperBound
      }
      early[task] = start
    }
    // Systems ranked by (deadline, earliest finish), ties sharing a rank.
    let systemKey = goLiveTask.map { goLive in
      (latestFinish[goLive] ?? index.count, early[goLive] + durations[goLive])
    }
    let ranked = systemKey.indices.sorted { systemKey[$0] < systemKey[$1] }
    var systemRank = Array(repeating: 0, count: systemKey.count)
    for (position, system) in ranked.enumerated() where position > 0 {
      let previous = ranked[position - 1]
      systemRank[system] = systemRank[previous] + (systemKey[previous] < systemKey[system] ? 1 : 0)
    }
    // A task waits for its predecessors: it takes the latest of their
    // ranks (a go-live linked after another system's), so that every link
    // goes forward in priority (`ScheduleSearch.pureList` then sorts).
    var key = tasks.map { systemRank[$0.system] }
    for task in order {
      for link in problem.predecessors[task] { key[task] = max(key[task], key[link.task]) }
      for gate in gatesOf[task] { key[task] = max(key[task], key[gate.after]) }
    }
    return key
  }
}
