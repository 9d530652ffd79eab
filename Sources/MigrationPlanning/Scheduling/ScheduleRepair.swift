/// How a scheduler finds its schedule.
public enum SchedulingMethod: Sendable, Equatable {
  /// Repair the committed schedule: every task keeps its place in the
  /// committed order and starts as early as the facts, links, capacities,
  /// budgets and blackouts allow. Plans without one are searched.
  case repair
  /// Search from scratch, ignoring any committed schedule (what every
  /// command did before schedules were committed; `rcpsp`, benchmarks).
  case search
  /// Search seeded with the committed order (`migplan optimize`): never
  /// worse than the repair, by the search's own measure.
  case optimize
}

/// Re-planning as a repair of the committed schedule.
///
/// The tasks are decoded by the serial schedule generator in the order of
/// their committed starts (ties in committed order), each at the earliest
/// time the problem allows. When the committed schedule is still feasible
/// (after good news: a step done by its committed end, a capacity or a
/// deadline relaxed), every task starts no later than committed: the tasks
/// placed before a task started no later than committed, so they can only
/// have left its committed interval, and its committed start is still
/// free. After bad news, a task moves later only when something placed
/// before it that moved later holds a link, a gate or a shared resource it
/// needs: what the news reaches, transitively (docs/reference/scheduling.md).
extension ProblemModel {
  /// Per task, the committed start (working-day index) and committed
  /// position of a planned task the plans' committed schedules hold; nil
  /// for facts and for tasks they do not hold.
  func committedKeys() -> [(start: Int, position: Int)?] {
    var keys = [(start: Int, position: Int)?](repeating: nil, count: tasks.count)
    var byPlan: [[String: (start: CivilDate, position: Int)]] = []
    var position = 0
    for plan in plans {
      var map: [String: (start: CivilDate, position: Int)] = [:]
      for task in plan.committed?.tasks ?? [] {
        map[task.id] = (task.start, position)
        position += 1
      }
      byPlan.append(map)
    }
    for (task, info) in tasks.enumerated() where problem.fixedStart[task] == nil {
      let ref = systemRefs[info.system]
      guard let kept = byPlan[ref.plan][ref.id + "/" + steps[info.step].id] else { continue }
      keys[task] = (index.index(onOrAfter: kept.start), kept.position)
    }
    return keys
  }

  /// Whether any plan has a committed schedule to repair.
  var hasCommitted: Bool { plans.contains { $0.committed != nil } }

  /// The committed order as a priority (smaller first) over every task:
  /// facts at their recorded starts, committed tasks at their committed
  /// starts, and tasks the committed schedules do not hold where `fallback`
  /// (a search's schedule) placed them, after the committed tasks of that
  /// day. A pure list of it (`ScheduleSearch.heapList`) keeps the links.
  /// `order` and `successors` are the problem's topological order and
  /// `orderingSuccessors`, already built.
  func committedPriority(fallback: SearchResult?, order: [Int], successors: [[Int]]) -> [Int] {
    let keys = committedKeys()
    var fallbackPosition = [Int](repeating: 0, count: tasks.count)
    if let fallback {
      for (position, task) in fallback.order.enumerated() { fallbackPosition[task] = position }
    }
    // A task the committed schedules do not hold goes where the search
    // put it, but never after a committed task it precedes: it must not
    // hold committed work back.
    var missingStart = (0..<tasks.count).map { fallback?.times.starts[$0] ?? problem.release[$0] }
    for task in order.reversed() where keys[task] == nil && problem.fixedStart[task] == nil {
      for next in successors[task] {
        let bound = keys[next]?.start ?? missingStart[next]
        missingStart[task] = min(missingStart[task], bound)
      }
    }
    let sortKeys: [(Int, Int, Int)] = (0..<tasks.count).map { task in
      if let fixed = problem.fixedStart[task] { return (fixed, 0, task) }
      if let key = keys[task] { return (key.start, 1, key.position) }
      return (missingStart[task], 2, fallback == nil ? task : fallbackPosition[task])
    }
    let ranked = (0..<tasks.count).sorted { sortKeys[$0] < sortKeys[$1] }
    var priority = [Int](repeating: 0, count: tasks.count)
    for (rank, task) in ranked.enumerated() { priority[task] = rank }
    return priority
  }

  /// Whether some planned task has no committed start (a search must
  /// place it first).
  func needsSearchToRepair() -> Bool {
    committedKeys().enumerated().contains { task, key in
      key == nil && problem.fixedStart[task] == nil
    }
  }

  /// The committed schedule repaired: one pass of the serial SGS over the
  /// committed order. `fallback` places the tasks it does not hold.
  func repaired(order: [Int], successors: [[Int]], fallback: SearchResult?) -> SearchResult {
    let list = ScheduleSearch.heapList(
      successors,
      priority: committedPriority(fallback: fallback, order: order, successors: successors))
    let times = SerialScheduleGenerator(problem).decode(list)
    return SearchResult(
      order: list, times: times, cost: cost(times),
      schedulesGenerated: 1 + (fallback?.schedulesGenerated ?? 0))
  }
}
