/// A precedence constraint on a task: it starts `lag` time units after its
/// predecessor finishes (finish-to-start) or starts (start-to-start).
public struct Precedence: Hashable, Sendable {
  public var task: Int
  public var type: LinkType
  public var lag: Int

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
  public var resource: Int
  public var units: Int
  /// Tasks with the same owner share one unit (units must then be 1).
  public var owner: Int?

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
  public var task: Int
  public var after: Int
  public var earliestStart: [Int]

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
  public var durations: [Int]
  public var predecessors: [[Precedence]]
  public var demands: [[ResourceDemand]]
  public var capacities: [Int]
  /// Earliest start per task.
  public var release: [Int]
  /// Tasks whose start is a fact; they keep it and occupy their resources
  /// even beyond capacity.
  public var fixedStart: [Int?]
  /// Intervals a task must not overlap, sorted by lower bound.
  public var forbidden: [[Range<Int>]]
  public var gates: [FinishGate]

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
  }

  public var taskCount: Int { durations.count }

  /// Whether the problem is a classic RCPSP: finish-to-start links without
  /// lags, no releases, no fixed tasks, no windows, no gates. Only then can
  /// a schedule be justified by reversing time.
  public var isClassic: Bool {
    gates.isEmpty && release.allSatisfy { $0 == 0 } && fixedStart.allSatisfy { $0 == nil }
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
    let successors = orderingSuccessors
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
