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
  /// For owner-shared demands: per (owner, resource) slot, how many of the
  /// owner's tasks hold the resource on each day.
  private var slotOf: [[Int]]
  private var slotBase: [[Int32]]
  private var slotUsage: [[Int32]]

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
    var slots: [Int64: Int] = [:]
    slotOf = problem.demands.map { demands in
      demands.map { demand in
        guard let owner = demand.owner else { return -1 }
        let key = Int64(owner) << 32 | Int64(demand.resource)
        if let slot = slots[key] { return slot }
        slots[key] = slots.count
        return slots.count - 1
      }
    }
    slotBase = Array(repeating: Array(repeating: 0, count: horizon), count: slots.count)
    for task in 0..<count {
      if let start = problem.fixedStart[task] {
        let end = start + problem.durations[task]
        for (position, demand) in problem.demands[task].enumerated() {
          let slot = slotOf[task][position]
          for time in start..<end {
            if slot < 0 {
              base[demand.resource][time] += Int32(demand.units)
            } else {
              if slotBase[slot][time] == 0 { base[demand.resource][time] += 1 }
              slotBase[slot][time] += 1
            }
          }
        }
      }
    }
    usage = base
    slotUsage = slotBase
  }

  /// Decodes an activity list (a precedence-feasible order of all tasks).
  func decode(_ order: [Int]) -> TaskTimes {
    Self.reset(&usage, from: base)
    Self.reset(&slotUsage, from: slotBase)
    for task in 0..<problem.taskCount { placed[task] = false }
    for task in order {
      place(task)
    }
    return TaskTimes(starts: starts, finishes: finishes, causes: causes)
  }

  private static func reset(_ target: inout [[Int32]], from source: [[Int32]]) {
    for row in target.indices {
      if target[row].count != source[row].count {
        target[row] = source[row]
        continue
      }
      target[row].withUnsafeMutableBufferPointer { destination in
        source[row].withUnsafeBufferPointer { origin in
          if let to = destination.baseAddress, let from = origin.baseAddress {
            to.update(from: from, count: origin.count)
          }
        }
      }
    }
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
        for interval in forbidden
        where interval.lowerBound < time + duration && time < interval.upperBound {
          time = interval.upperBound
          cause = .window
          continue search
        }
        for (position, demand) in demands.enumerated() {
          ensureHorizon(time + duration)
          let slot = slotOf[task][position]
          let capacity = Int32(problem.capacities[demand.resource])
          let units = Int32(demand.units)
          var blocked = -1
          if slot < 0 {
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
          } else {
            usage[demand.resource].withUnsafeBufferPointer { profile in
              slotUsage[slot].withUnsafeBufferPointer { own in
                var moment = time + duration - 1
                while moment >= time {
                  if profile[moment] + units > capacity && own[moment] == 0 {
                    blocked = moment
                    break
                  }
                  moment -= 1
                }
              }
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
    for (position, demand) in demands.enumerated() where duration > 0 {
      let slot = slotOf[task][position]
      if slot < 0 {
        usage[demand.resource].withUnsafeMutableBufferPointer { profile in
          for moment in time..<(time + duration) { profile[moment] += Int32(demand.units) }
        }
      } else {
        for moment in time..<(time + duration) {
          if slotUsage[slot][moment] == 0 { usage[demand.resource][moment] += 1 }
          slotUsage[slot][moment] += 1
        }
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
    for slot in slotUsage.indices {
      slotUsage[slot].append(contentsOf: repeatElement(0, count: grown - slotUsage[slot].count))
      slotBase[slot].append(contentsOf: repeatElement(0, count: grown - slotBase[slot].count))
    }
  }
}
