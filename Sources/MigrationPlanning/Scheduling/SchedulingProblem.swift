/// A precedence constraint on a task: it starts `lag` time units after its
/// predecessor finishes (finish-to-start) or starts (start-to-start).
public struct Precedence: Hashable, Sendable {
  /// The predecessor task's index.
  public var task: Int
  /// Finish-to-start or start-to-start.
  public var type: LinkType
  /// Working days after the predecessor's finish (FS) or start (SS).
  public var lag: Int

  /// A link from `task`, finish-to-start with no lag by default.
  public init(task: Int, type: LinkType = .finishToStart, lag: Int = 0) {
    self.task = task
    self.type = type
    self.lag = lag
  }
}

/// Units of a renewable resource a task holds while it runs.
///
/// With an `owner`, the unit is shared by every task of that owner: on a
/// day when several tasks of one owner run, they hold one unit together.
/// That is how a vendor's capacity counts migrations (not steps) at once,
/// and the staff's capacity counts projects at once.
public struct ResourceDemand: Hashable, Sendable {
  /// The resource's index in `capacities`.
  public var resource: Int
  /// Units held while the task runs.
  public var units: Int
  /// Tasks with the same owner share one unit (units must then be 1).
  public var owner: Int?

  /// A demand of `units` of `resource`; demands with the same `owner` share
  /// their units (one system holds one unit however many of its steps run).
  public init(resource: Int, units: Int, owner: Int? = nil) {
    self.resource = resource
    self.units = owner == nil ? units : 1
    self.owner = owner
  }
}

/// A release that depends on when another task finishes: `task` may start
/// no earlier than `earliestStart[finish of after]` (a non-decreasing
/// table). The budget rule is one: a contract can start on 1 April of the
/// fiscal year after the one its budget request ends in.
public struct FinishGate: Hashable, Sendable {
  /// The gated task.
  public var task: Int
  /// The task whose finish opens the gate.
  public var after: Int
  /// For each finish time of `after`, the earliest start of `task`.
  public var earliestStart: [Int]

  /// A gate on `task` opened by the finish of `after`.
  public init(task: Int, after: Int, earliestStart: [Int]) {
    self.task = task
    self.after = after
    self.earliestStart = earliestStart
  }

  func release(afterFinish finish: Int) -> Int {
    if earliestStart.isEmpty { return finish }
    return earliestStart[min(max(finish, 0), earliestStart.count - 1)]
  }
}

/// A resource-constrained project scheduling problem (RCPSP) with the
/// extensions migration planning needs: start-to-start links and lags,
/// release times, fixed tasks (facts), forbidden intervals (go-live
/// blackouts) and finish gates (budgets). Time is in integer units
/// (working days); a task occupies `[start, start + duration)`.
public struct SchedulingProblem: Sendable {
  /// Per task: its duration in time units (0 for milestones).
  public var durations: [Int]
  /// Per task: the links to its predecessors.
  public var predecessors: [[Precedence]]
  /// Per task: the resources it holds while it runs.
  public var demands: [[ResourceDemand]]
  /// Per resource: the units available at any time.
  public var capacities: [Int]
  /// Earliest start per task.
  public var release: [Int]
  /// Tasks whose start is a fact; they keep it and occupy their resources
  /// even beyond capacity.
  public var fixedStart: [Int?]
  /// Intervals a task must not overlap, sorted by lower bound.
  public var forbidden: [[Range<Int>]]
  /// Starts that wait for a budget: see `FinishGate`.
  public var gates: [FinishGate]
  /// Per task: time units after its finish during which it keeps its
  /// owner-shared units (a proposal's first step holds the staff through
  /// the steps that follow it back to back, so that nothing else takes
  /// the staff between its notice and its contract). 0 by default.
  public var holdAfter: [Int]

  /// A problem of tasks with durations, links and demands on resources of
  /// the given capacities; no fixed starts, releases, windows or gates.
  public init(
    durations: [Int], predecessors: [[Precedence]], demands: [[ResourceDemand]],
    capacities: [Int]
  ) {
    let count = durations.count
    self.durations = durations
    self.predecessors = predecessors
    self.demands = demands
    self.capacities = capacities
    self.release = Array(repeating: 0, count: count)
    self.fixedStart = Array(repeating: nil, count: count)
    self.forbidden = Array(repeating: [], count: count)
    self.gates = []
    self.holdAfter = Array(repeating: 0, count: count)
  }

  /// The number of tasks.
  public var taskCount: Int { durations.count }

  /// Whether the problem is a classic RCPSP: finish-to-start links without
  /// lags, no releases, no fixed tasks, no windows, no gates. Only then can
  /// a schedule be justified by reversing time.
  public var isClassic: Bool {
    gates.isEmpty && holdAfter.allSatisfy { $0 == 0 } && release.allSatisfy { $0 == 0 }
      && fixedStart.allSatisfy { $0 == nil }
      && forbidden.allSatisfy(\.isEmpty) && demands.allSatisfy { $0.allSatisfy { $0.owner == nil } }
      && predecessors.allSatisfy { $0.allSatisfy { $0.type == .finishToStart && $0.lag == 0 } }
  }

  /// Successor lists, derived from the predecessor lists (gates count as
  /// finish-to-start links for ordering).
  public var orderingSuccessors: [[Int]] {
    var successors = Array(repeating: [Int](), count: taskCount)
    for task in 0..<taskCount {
      for link in predecessors[task] { successors[link.task].append(task) }
    }
    for gate in gates { successors[gate.after].append(gate.task) }
    return successors
  }

  /// A topological order of the tasks (Kahn's algorithm, ready tasks in
  /// first-in first-out order starting from the lowest index), or nil when
  /// the links form a cycle. The tasks on a cycle are returned through
  /// `cycle`. - Complexity: O(tasks + links).
  public func topologicalOrder(cycle: inout [Int]) -> [Int]? {
    topologicalOrder(successors: orderingSuccessors, cycle: &cycle)
  }

  /// `topologicalOrder(cycle:)` with the `orderingSuccessors` already
  /// built (a national portfolio's are 1.4 million lists: build them once).
  public func topologicalOrder(successors: [[Int]], cycle: inout [Int]) -> [Int]? {
    var indegree = Array(repeating: 0, count: taskCount)
    for list in successors { for next in list { indegree[next] += 1 } }
    var order: [Int] = []
    order.reserveCapacity(taskCount)
    for task in 0..<taskCount where indegree[task] == 0 { order.append(task) }
    var head = 0
    while head < order.count {
      let task = order[head]
      head += 1
      for next in successors[task] {
        indegree[next] -= 1
        if indegree[next] == 0 { order.append(next) }
      }
    }
    if order.count < taskCount {
      cycle = (0..<taskCount).filter { indegree[$0] > 0 }
      return nil
    }
    return order
  }
}
