/// Why a task starts when it does: the constraint that bound it.
public enum StartCause: Hashable, Sendable {
  /// Its release (the as-of date, or an earliest start).
  case release
  /// A fact: its start is recorded.
  case fixed
  /// A predecessor's finish (FS) or start (SS), plus the lag.
  case predecessor(Int, LinkType)
  /// A finish gate (the budget): the gate's `after` task.
  case gate(Int)
  /// A resource at capacity pushed it later.
  case resource(Int)
  /// A forbidden interval (a go-live blackout) pushed it later.
  case window
}

/// Start times, one per task, with what bound each.
public struct TaskTimes: Sendable {
  public var starts: [Int]
  public var finishes: [Int]
  public var causes: [StartCause]

  public var makespan: Int { finishes.max() ?? 0 }
}

/// The serial schedule-generation scheme (SGS): takes the tasks one by one
/// in a precedence-feasible order and starts each at the earliest time its
/// predecessors, release, gate, resources and forbidden intervals allow.
///
/// Kolisch, R. (1996), "Serial and parallel resource-constrained project
/// scheduling methods revisited: Theory and computation", *European Journal
/// of Operational Research* 90(2), 320–333. The serial SGS generates active
/// schedules, among which an optimal one always is.
///
/// - Complexity: O(n · (links + d · r)) per decode for n tasks of duration
///   at most d on r resources, plus the jumps over busy periods.
final class SerialScheduleGenerator {
  let problem: SchedulingProblem
  private var base: [[Int32]]
  private var usage: [[Int32]]
  private var starts: [Int]
  private var finishes: [Int]
  private var causes: [StartCause]
  private var placed: [Bool]
  private let gatesByTask: [[FinishGate]]

  init(_ problem: SchedulingProblem) {
    self.problem = problem
    let count = problem.taskCount
    starts = Array(repeating: 0, count: count)
    finishes = Array(repeating: 0, count: count)
    causes = Array(repeating: .release, count: count)
    placed = Array(repeating: false, count: count)
    var gates = Array(repeating: [FinishGate](), count: count)
    for gate in problem.gates { gates[gate.task].append(gate) }
    gatesByTask = gates
    var horizon = 1
    for task in 0..<count {
      if let start = problem.fixedStart[task] {
        horizon = max(horizon, start + problem.durations[task] + 1)
      }
    }
    base = Array(repeating: Array(repeating: 0, count: horizon), count: problem.capacities.count)
    usage = base
    for task in 0..<count {
      if let start = problem.fixedStart[task] {
        for demand in problem.demands[task] {
          for time in start..<(start + problem.durations[task]) {
            base[demand.resource][time] += Int32(demand.units)
          }
        }
      }
    }
  }

  /// Decodes an activity list (a precedence-feasible order of all tasks).
  func decode(_ order: [Int]) -> TaskTimes {
    for resource in usage.indices {
      if usage[resource].count != base[resource].count {
        usage[resource] = base[resource]
      } else {
        usage[resource].withUnsafeMutableBufferPointer { target in
          base[resource].withUnsafeBufferPointer { source in
            target.baseAddress?.update(from: source.baseAddress!, count: source.count)
          }
        }
      }
    }
    for task in 0..<problem.taskCount { placed[task] = false }
    for task in order {
      place(task)
    }
    return TaskTimes(starts: starts, finishes: finishes, causes: causes)
  }

  private func place(_ task: Int) {
    let duration = problem.durations[task]
    if let fixed = problem.fixedStart[task] {
      starts[task] = fixed
      finishes[task] = fixed + duration
      causes[task] = .fixed
      placed[task] = true
      return
    }
    var earliest = problem.release[task]
    var cause = StartCause.release
    for link in problem.predecessors[task] {
      let reference = link.type == .finishToStart ? finishes[link.task] : starts[link.task]
      let bound = reference + link.lag
      if bound > earliest {
        earliest = bound
        cause = .predecessor(link.task, link.type)
      }
    }
    for gate in gatesByTask[task] {
      let bound = gate.release(afterFinish: finishes[gate.after])
      if bound > earliest {
        earliest = bound
        cause = .gate(gate.after)
      }
    }
    var time = max(earliest, 0)
    let demands = problem.demands[task]
    let forbidden = problem.forbidden[task]
    search: while true {
      if duration > 0 {
        for interval in forbidden where interval.lowerBound < time + duration && time < interval.upperBound {
          time = interval.upperBound
          cause = .window
          continue search
        }
        for demand in demands {
          ensureHorizon(time + duration)
          let capacity = Int32(problem.capacities[demand.resource])
          let units = Int32(demand.units)
          var blocked = -1
          usage[demand.resource].withUnsafeBufferPointer { profile in
            var moment = time + duration - 1
            while moment >= time {
              if profile[moment] + units > capacity {
                blocked = moment
                break
              }
              moment -= 1
            }
          }
          if blocked >= 0 {
            time = blocked + 1
            cause = .resource(demand.resource)
            continue search
          }
        }
      }
      break
    }
    for demand in demands where duration > 0 {
      usage[demand.resource].withUnsafeMutableBufferPointer { profile in
        for moment in time..<(time + duration) { profile[moment] += Int32(demand.units) }
      }
    }
    starts[task] = time
    finishes[task] = time + duration
    causes[task] = cause
    placed[task] = true
  }

  private func ensureHorizon(_ end: Int) {
    guard let first = usage.first, end > first.count else { return }
    let grown = max(end + 64, first.count * 2)
    for resource in usage.indices {
      usage[resource].append(contentsOf: repeatElement(0, count: grown - usage[resource].count))
      base[resource].append(contentsOf: repeatElement(0, count: grown - base[resource].count))
    }
  }
}
