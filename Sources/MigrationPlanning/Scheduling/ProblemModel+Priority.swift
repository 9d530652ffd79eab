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
  /// first), so the search tries both.
  /// - Complexity: O(tasks + links).
  func systemsFirstPriority(order: [Int]) -> [Int] {
    let durations = problem.durations
    var early = problem.release
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
      early[task] = start
    }
    let systemKey = goLiveTask.map { goLive in
      let due = latestFinish[goLive] ?? index.count
      return due << 32 + early[goLive] + durations[goLive]
    }
    return tasks.map { systemKey[$0.system] }
  }
}
