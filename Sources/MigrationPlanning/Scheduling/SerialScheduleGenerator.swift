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
  /// Per task: its start.
  public var starts: [Int]
  /// Per task: its finish (start + duration).
  public var finishes: [Int]
  /// Per task: what set its start.
  public var causes: [StartCause]

  /// The latest finish.
  public var makespan: Int { finishes.max() ?? 0 }
}

/// The days an owner already holds one resource: disjoint, sorted ranges.
/// Sparse, so that tens of thousands of owners cost little memory.
struct HeldDays {
  private(set) var ranges: [Range<Int>] = []

  /// The held range containing `day`, if any.
  func range(containing day: Int) -> Range<Int>? {
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].upperBound <= day { low = mid + 1 } else { high = mid }
    }
    return low < ranges.count && ranges[low].contains(day) ? ranges[low] : nil
  }

  /// Adds `range`, merging; returns the parts that were not held before.
  mutating func add(_ range: Range<Int>) -> [Range<Int>] {
    var fresh: [Range<Int>] = []
    var cursor = range.lowerBound
    var merged = range
    var kept: [Range<Int>] = []
    kept.reserveCapacity(ranges.count + 1)
    for existing in ranges {
      if existing.upperBound < range.lowerBound || existing.lowerBound > range.upperBound {
        kept.append(existing)
        continue
      }
      // Overlapping or adjacent: what lies between cursor and it is fresh.
      if existing.lowerBound > cursor {
        fresh.append(cursor..<min(existing.lowerBound, range.upperBound))
      }
      cursor = max(cursor, existing.upperBound)
      merged =
        min(merged.lowerBound, existing.lowerBound)..<max(merged.upperBound, existing.upperBound)
    }
    if cursor < range.upperBound { fresh.append(cursor..<range.upperBound) }
    kept.append(merged)
    kept.sort { $0.lowerBound < $1.lowerBound }
    ranges = kept
    return fresh
  }
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
  /// The durations decoded with (the problem's, or a forecast sample's).
  private var durations: [Int]
  private var base: [[Int32]]
  private var usage: [[Int32]]
  private var starts: [Int]
  private var finishes: [Int]
  private var causes: [StartCause]
  private let gatesByTask: [[FinishGate]]
  /// For owner-shared demands: the (owner, resource) slot of each demand,
  /// and the days each slot already holds its resource.
  private let slots: [Int32]
  /// Where a task's slots begin in `slots` (one per demand, in order).
  private let firstSlot: [Int32]
  private var heldBase: [HeldDays]
  private var held: [HeldDays]

  init(_ problem: SchedulingProblem) {
    self.problem = problem
    durations = problem.durations
    let count = problem.taskCount
    starts = Array(repeating: 0, count: count)
    finishes = Array(repeating: 0, count: count)
    causes = Array(repeating: .release, count: count)
    var gates = Array(repeating: [FinishGate](), count: count)
    for gate in problem.gates { gates[gate.task].append(gate) }
    gatesByTask = gates
    var horizon = 1
    for task in 0..<count {
      if let start = problem.fixedStart[task] {
        horizon = max(horizon, start + problem.durations[task] + problem.holdAfter[task] + 1)
      }
    }
    // One flat array of slots, not an array per task: a national
    // portfolio has 1.4 million tasks, and each generator builds this.
    var slotIndex: [Int64: Int32] = [:]
    var flat: [Int32] = []
    var first: [Int32] = []
    flat.reserveCapacity(count * 2)
    first.reserveCapacity(count + 1)
    for demands in problem.demands {
      first.append(Int32(flat.count))
      for demand in demands {
        guard let owner = demand.owner else {
          flat.append(-1)
          continue
        }
        let key = Int64(owner) << 32 | Int64(demand.resource)
        if let slot = slotIndex[key] {
          flat.append(slot)
        } else {
          let slot = Int32(slotIndex.count)
          slotIndex[key] = slot
          flat.append(slot)
        }
      }
    }
    first.append(Int32(flat.count))
    slots = flat
    firstSlot = first
    base = Array(repeating: Array(repeating: 0, count: horizon), count: problem.capacities.count)
    heldBase = Array(repeating: HeldDays(), count: slotIndex.count)
    for task in 0..<count {
      guard let start = problem.fixedStart[task] else { continue }
      let end = start + problem.durations[task]
      guard end > start else { continue }
      for (position, demand) in problem.demands[task].enumerated() {
        let slot = Int(slots[Int(firstSlot[task]) + position])
        if slot < 0 {
          for time in start..<end { base[demand.resource][time] += Int32(demand.units) }
        } else {
          for fresh in heldBase[slot].add(start..<(end + problem.holdAfter[task])) {
            for time in fresh { base[demand.resource][time] += 1 }
          }
        }
      }
    }
    usage = base
    held = heldBase
  }

  /// Decodes an activity list (a precedence-feasible order of all tasks).
  func decode(_ order: [Int]) -> TaskTimes {
    Self.reset(&usage, from: base)
    held = heldBase
    for task in order { place(task) }
    return TaskTimes(starts: starts, finishes: finishes, causes: causes)
  }

  /// Decodes an activity list with other durations for the tasks that are
  /// not fixed (a forecast sample); fixed tasks keep theirs.
  func decode(_ order: [Int], durations: [Int]) -> TaskTimes {
    self.durations = durations
    defer { self.durations = problem.durations }
    return decode(order)
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

  // Long: the serial schedule generator's inner loop, run for every task of every schedule the search decodes.
  private func place(_ task: Int) {
    let duration = durations[task]
    if let fixed = problem.fixedStart[task] {
      starts[task] = fixed
      finishes[task] = fixed + duration
      causes[task] = .fixed
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
    let hold = problem.holdAfter[task]
    search: while duration > 0 {
      for interval in forbidden
      where interval.lowerBound < time + duration && time < interval.upperBound {
        time = interval.upperBound
        cause = .window
        continue search
      }
      ensureHorizon(time + duration + hold)
      for (position, demand) in demands.enumerated() {
        let slot = Int(slots[Int(firstSlot[task]) + position])
        let capacity = Int32(problem.capacities[demand.resource])
        let units = Int32(demand.units)
        var blocked = -1
        usage[demand.resource].withUnsafeBufferPointer { profile in
          var moment = time + duration - 1 + (slot >= 0 ? hold : 0)
          while moment >= time {
            if slot >= 0, let range = held[slot].range(containing: moment) {
              // The owner already holds the resource there: no new unit.
              moment = range.lowerBound - 1
              continue
            }
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
      break
    }
    if duration > 0 {
      for (position, demand) in demands.enumerated() {
        let slot = Int(slots[Int(firstSlot[task]) + position])
        if slot < 0 {
          usage[demand.resource].withUnsafeMutableBufferPointer { profile in
            for moment in time..<(time + duration) { profile[moment] += Int32(demand.units) }
          }
        } else {
          for fresh in held[slot].add(time..<(time + duration + hold)) {
            usage[demand.resource].withUnsafeMutableBufferPointer { profile in
              for moment in fresh { profile[moment] += 1 }
            }
          }
        }
      }
    }
    starts[task] = time
    finishes[task] = time + duration
    causes[task] = cause
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
