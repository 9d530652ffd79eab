import Dispatch

/// A small deterministic random number generator (SplitMix64), so that a
/// seed fixes every schedule the search produces, on any machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator started from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound`.
  mutating func below(_ bound: Int) -> Int {
    bound <= 1 ? 0 : Int(next() % UInt64(bound))
  }

  /// A uniform number in [0, 1).
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }
}

/// What the search minimises: compared lexicographically.
public typealias ScheduleCost = [Int]

/// The settings of a search.
public struct SearchSettings: Sendable {
  /// Schedules generated in all (each serial SGS pass counts one).
  public var scheduleBudget: Int
  /// Activity lists kept from one generation to the next.
  public var populationSize: Int
  /// The chance that a child's activity list swaps a pair of neighbours.
  public var mutationRate: Double
  /// The seed of every random choice: the same seed, the same schedule.
  public var seed: UInt64

  /// Settings; the defaults are those measured on PSPLIB (docs/benchmarks.md).
  public init(
    scheduleBudget: Int = 5000, populationSize: Int = 100, mutationRate: Double = 0.15,
    seed: UInt64 = 1
  ) {
    self.scheduleBudget = scheduleBudget
    self.populationSize = populationSize
    self.mutationRate = mutationRate
    self.seed = seed
  }

  /// The search a portfolio of `plans` plans gets: a short search for a
  /// few, one pass of each priority rule for thousands (a national
  /// portfolio must schedule in seconds).
  public static func forPortfolio(plans: Int) -> SearchSettings {
    plans > 20
      ? SearchSettings(scheduleBudget: 2, populationSize: 2, seed: 1)
      : SearchSettings(scheduleBudget: 12, populationSize: 4, mutationRate: 0.1, seed: 1)
  }
}

/// The outcome of a search.
public struct SearchResult: Sendable {
  /// The best activity list found.
  public var order: [Int]
  /// Its schedule: starts, finishes and what bound each start.
  public var times: TaskTimes
  /// Its cost (see `ScheduleCost`).
  public var cost: ScheduleCost
  /// Schedules generated (serial SGS passes, justifications included).
  public var schedulesGenerated: Int
}

/// Resource-constrained scheduling by a genetic algorithm over activity
/// lists, decoded by the serial SGS, with double justification.
///
/// - The representation, the two-point crossover and the adjacent-swap
///   mutation are Hartmann's: S. Hartmann (1998), "A competitive genetic
///   algorithm for resource-constrained project scheduling", *Naval Research
///   Logistics* 45(7), 733–750.
/// - The initial population is the latest-start-time priority list, the
///   lists of any other rules given (`otherRules`), then regret-based
///   biased random sampling on the latest starts (Drexl 1991; Kolisch
///   1996).
/// - Every classic schedule is improved by double justification, a
///   backward then a forward pass (the forward–backward improvement of
///   Tormos & Lova 2001, as "double justification" in V. Valls, F. Ballestín,
///   S. Quintanilla (2005), "Justification and RCPSP: A technique that pays",
///   *EJOR* 165(2), 375–386), and the activity list is replaced by the
///   justified order (Lamarckian inheritance).
///
/// Deterministic: every random choice comes from the seeded generator; ties
/// in selection keep the earlier individual.
///
/// - Complexity: O(budget · SGS) where one SGS pass is
///   O(n · (links + d · r)).
public struct ScheduleSearch {
  /// The problem searched.
  public let problem: SchedulingProblem
  /// The budget, population and seed.
  public let settings: SearchSettings
  /// Called with the schedules generated so far and the budget (a
  /// progress line); never changes the result.
  public var progress: (@Sendable (_ generated: Int, _ budget: Int) -> Void)?
  private let order: [Int]
  private let successors: [[Int]]
  private let latestStarts: [Int]
  private let otherRules: [[Int]]

  /// Prepares a search; nil when the links form a cycle (`cycle` names the
  /// tasks involved). `otherRules` are priorities (smaller first, like the
  /// latest starts) whose pure lists join the first population after the
  /// latest-start rule's, while the budget lasts. `order` and `successors`,
  /// when given, are the problem's topological order and
  /// `orderingSuccessors`, already built.
  public init?(
    problem: SchedulingProblem, latestStarts: [Int], settings: SearchSettings, cycle: inout [Int],
    order known: [Int]? = nil, successors knownSuccessors: [[Int]]? = nil,
    otherRules: [[Int]] = []
  ) {
    guard let order = known ?? problem.topologicalOrder(cycle: &cycle) else { return nil }
    self.problem = problem
    self.settings = settings
    self.order = order
    self.successors = knownSuccessors ?? problem.orderingSuccessors
    self.latestStarts = latestStarts
    precondition(otherRules.allSatisfy { $0.count == problem.taskCount }, "a rule per task")
    self.otherRules = otherRules
  }

  /// The size from which the first population's pure rules are decoded
  /// side by side (a test lowers it).
  var parallelRulesFrom = 10_000

  /// Pairs (predecessor, successor) linked directly, for the mutation.
  private func directLinks() -> Set<Int64> {
    var links = Set<Int64>()
    for (task, list) in successors.enumerated() {
      for next in list { links.insert(Int64(task) << 32 | Int64(next)) }
    }
    return links
  }

  /// Latest start times by a backward pass over the links, from the given
  /// latest finishes (nil: `horizon`). The priority of the LST rule.
  public static func latestStarts(
    problem: SchedulingProblem, latestFinish: [Int?], horizon: Int, order known: [Int]? = nil
  ) -> [Int] {
    var cycle: [Int] = []
    let order = known ?? problem.topologicalOrder(cycle: &cycle) ?? Array(0..<problem.taskCount)
    var latest = (0..<problem.taskCount).map {
      (latestFinish[$0] ?? horizon) - problem.durations[$0]
    }
    var gatesOf = Array(repeating: [Int](), count: problem.taskCount)
    for gate in problem.gates { gatesOf[gate.task].append(gate.after) }
    // In reverse topological order a task's latest start is final when it
    // is reached: push it back to its predecessors.
    for task in order.reversed() {
      for link in problem.predecessors[task] {
        let bound: Int
        switch link.type {
        case .finishToStart: bound = latest[task] - link.lag - problem.durations[link.task]
        case .startToStart: bound = latest[task] - link.lag
        }
        latest[link.task] = min(latest[link.task], bound)
      }
      for after in gatesOf[task] {
        latest[after] = min(latest[after], latest[task] - problem.durations[after])
      }
    }
    return latest
  }

  /// Runs the search; `cost` scores a decoded schedule (lower is better).
  /// - Complexity: O(budget × SGS pass); one serial SGS pass is
  ///   O(tasks × (links + demands × duration)) on the free-capacity profiles.
  public func run(cost: (TaskTimes) -> ScheduleCost) -> SearchResult {
    var random = SplitMix64(seed: settings.seed)
    // Built when first needed: a large problem's first passes bring their own.
    lazy var generator = SerialScheduleGenerator(problem)
    let justifier = problem.isClassic ? Justifier(problem: problem) : nil
    var generated = 0

    func evaluate(_ list: [Int]) -> (order: [Int], times: TaskTimes, cost: ScheduleCost) {
      var times = generator.decode(list)
      generated += 1
      progress?(generated, settings.scheduleBudget)
      var improvedOrder = list
      if let justifier {
        let justified = justifier.justify(times, generator: generator)
        generated += 2
        if justified.makespan <= times.makespan {
          times = justified
        }
        improvedOrder = Self.orderByStart(list, times.starts)
      }
      return (improvedOrder, times, cost(times))
    }

    var population: [(order: [Int], times: TaskTimes, cost: ScheduleCost)] = []
    let rules = [latestStarts] + otherRules.prefix(max(settings.scheduleBudget - 1, 0))
    if justifier == nil, rules.count > 1, problem.taskCount >= parallelRulesFrom {
      // A large problem: each rule's list and pass on its own core and
      // generator. The results do not depend on the threads.
      let decoded = SharedSlots<(order: [Int], times: TaskTimes)?>(count: rules.count, value: nil)
      let problem = problem
      let successors = successors
      DispatchQueue.concurrentPerform(iterations: rules.count) { index in
        let list = Self.pureList(successors, priority: rules[index])
        decoded[index] = (list, SerialScheduleGenerator(problem).decode(list))
      }
      for case let (order, times)? in decoded.values {
        generated += 1
        population.append((order, times, cost(times)))
      }
      progress?(generated, settings.scheduleBudget)
    } else {
      for rule in rules { population.append(evaluate(Self.pureList(successors, priority: rule))) }
    }
    let size = max(2, settings.populationSize)
    while population.count < size && generated < settings.scheduleBudget {
      population.append(evaluate(sampledList(&random)))
    }
    population = Self.select(population, keep: size)
    let links = generated < settings.scheduleBudget ? directLinks() : []
    while generated < settings.scheduleBudget {
      var children: [(order: [Int], times: TaskTimes, cost: ScheduleCost)] = []
      var parents = Array(population.indices)
      for index in stride(from: parents.count - 1, to: 0, by: -1) {
        parents.swapAt(index, random.below(index + 1))
      }
      var pair = 0
      while pair + 1 < parents.count && generated < settings.scheduleBudget {
        let mother = population[parents[pair]].order
        let father = population[parents[pair + 1]].order
        let n = mother.count
        var first = random.below(n + 1)
        var second = random.below(n + 1)
        if first > second { swap(&first, &second) }
        for (a, b) in [(mother, father), (father, mother)] {
          var child = Self.crossover(a, b, first, second)
          mutate(&child, links: links, random: &random)
          children.append(evaluate(child))
        }
        pair += 2
      }
      population = Self.select(population + children, keep: size)
    }
    let best = population[0]
    return SearchResult(
      order: best.order, times: best.times, cost: best.cost, schedulesGenerated: generated)
  }

  /// The best individuals, stable on ties.
  private static func select(
    _ individuals: [(order: [Int], times: TaskTimes, cost: ScheduleCost)], keep: Int
  ) -> [(order: [Int], times: TaskTimes, cost: ScheduleCost)] {
    let ranked = individuals.enumerated().sorted { a, b in
      if a.element.cost != b.element.cost {
        return a.element.cost.lexicographicallyPrecedes(b.element.cost)
      }
      return a.offset < b.offset
    }
    // Keep distinct activity lists only: duplicates crowd the population
    // and make the search converge early.
    var kept: [(order: [Int], times: TaskTimes, cost: ScheduleCost)] = []
    var seen = Set<[Int]>()
    for candidate in ranked where kept.count < keep {
      if seen.insert(candidate.element.order).inserted { kept.append(candidate.element) }
    }
    for candidate in ranked where kept.count < keep { kept.append(candidate.element) }
    return kept
  }

  /// A precedence-feasible list by regret-based biased random sampling on
  /// the latest starts (Drexl 1991; Kolisch 1996).
  func sampledList(_ random: inout SplitMix64) -> [Int] {
    var indegree = Array(repeating: 0, count: problem.taskCount)
    for list in successors { for next in list { indegree[next] += 1 } }
    var eligible = (0..<problem.taskCount).filter { indegree[$0] == 0 }
    var list: [Int] = []
    list.reserveCapacity(problem.taskCount)
    while !eligible.isEmpty {
      var chosen = 0
      if eligible.count > 1 {
        // Regret: how much worse the worst eligible task's priority is.
        let worst = eligible.map { latestStarts[$0] }.max() ?? 0
        let weights = eligible.map { Double(worst - latestStarts[$0] + 1) }
        let total = weights.reduce(0, +)
        var draw = random.unit() * total
        for (index, weight) in weights.enumerated() {
          draw -= weight
          if draw < 0 {
            chosen = index
            break
          }
        }
      }
      let task = eligible.remove(at: chosen)
      list.append(task)
      for next in successors[task] {
        indegree[next] -= 1
        if indegree[next] == 0 { eligible.append(next) }
      }
    }
    return list
  }

  /// The pure rule: the tasks in order of (priority, index), each after
  /// its predecessors — Kahn's algorithm with a min-heap of the ready
  /// tasks (`heapList`). O(n log n).
  ///
  /// When every link goes forward in (priority, index) — to a larger
  /// priority, or to the same priority and a larger index
  /// (`goesForward`) — the smallest remaining task is always ready, so
  /// the heap pops in sorted order: the list is then one sort of packed
  /// keys, the same list without the heap. The latest starts go forward
  /// on a template in order unless zero durations and lags tie a link
  /// back to a lower index; the systems-first rule is built to.
  static func pureList(_ successors: [[Int]], priority: [Int]) -> [Int] {
    let count = successors.count
    guard count > 0, let low = priority.min(), let high = priority.max() else { return [] }
    let indexBits = Int.bitWidth - count.leadingZeroBitCount
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, indexBits < 62, span < 1 << (62 - indexBits),
      goesForward(successors, priority: priority)
    else { return heapList(successors, priority: priority) }
    var packed = (0..<count).map { UInt64(priority[$0] - low) << UInt64(indexBits) | UInt64($0) }
    packed.sort()
    let mask = UInt64(1) << UInt64(indexBits) - 1
    return packed.map { Int($0 & mask) }
  }

  /// Whether every link goes forward in (priority, index).
  static func goesForward(_ successors: [[Int]], priority: [Int]) -> Bool {
    for (task, list) in successors.enumerated() {
      let key = priority[task]
      for next in list where priority[next] < key || (priority[next] == key && next < task) {
        return false
      }
    }
    return true
  }

  /// The pure rule by Kahn's algorithm with a min-heap of the ready tasks.
  static func heapList(_ successors: [[Int]], priority: [Int]) -> [Int] {
    let count = successors.count
    var indegree = Array(repeating: 0, count: count)
    for list in successors { for next in list { indegree[next] += 1 } }
    var ready = BinaryHeap<PriorityKey>()
    for task in successors.indices where indegree[task] == 0 {
      ready.insert(PriorityKey(priority: priority[task], task: task))
    }
    var list: [Int] = []
    list.reserveCapacity(count)
    while let key = ready.popMin() {
      list.append(key.task)
      for next in successors[key.task] {
        indegree[next] -= 1
        if indegree[next] == 0 {
          ready.insert(PriorityKey(priority: priority[next], task: next))
        }
      }
    }
    return list
  }

  /// Hartmann's two-point crossover: the mother's first `first` tasks, then
  /// the father's tasks up to position `second` not yet taken, then the
  /// mother's remaining tasks. Keeps precedence feasibility.
  static func crossover(_ mother: [Int], _ father: [Int], _ first: Int, _ second: Int) -> [Int] {
    var taken = Array(repeating: false, count: mother.count)
    var child: [Int] = []
    child.reserveCapacity(mother.count)
    for task in mother[0..<first] {
      child.append(task)
      taken[task] = true
    }
    for task in father where child.count < second && !taken[task] {
      child.append(task)
      taken[task] = true
    }
    for task in mother where !taken[task] {
      child.append(task)
      taken[task] = true
    }
    return child
  }

  /// Swaps neighbours with probability `mutationRate` unless one directly
  /// precedes the other.
  private func mutate(_ list: inout [Int], links directLinks: Set<Int64>, random: inout SplitMix64)
  {
    guard list.count > 1 else { return }
    for index in 0..<(list.count - 1) where random.unit() < settings.mutationRate {
      let a = list[index]
      let b = list[index + 1]
      if !directLinks.contains(Int64(a) << 32 | Int64(b)) {
        list.swapAt(index, index + 1)
      }
    }
  }

  /// The list reordered by start time; ties keep the list's order.
  static func orderByStart(_ list: [Int], _ starts: [Int]) -> [Int] {
    var position = Array(repeating: 0, count: list.count)
    for (index, task) in list.enumerated() { position[task] = index }
    return list.sorted { a, b in
      starts[a] != starts[b] ? starts[a] < starts[b] : position[a] < position[b]
    }
  }
}

/// Orders ready tasks: the smaller priority first, then the smaller index.
struct PriorityKey: Comparable {
  var priority: Int
  var task: Int

  static func < (a: PriorityKey, b: PriorityKey) -> Bool {
    a.priority != b.priority ? a.priority < b.priority : a.task < b.task
  }
}

/// Double justification for classic problems: right-justify every task in
/// order of decreasing finish (a serial SGS on the time-reversed problem),
/// then left-justify in order of increasing start. Never lengthens the
/// schedule.
struct Justifier {
  let reversed: SerialScheduleGenerator

  init(problem: SchedulingProblem) {
    var predecessors = Array(repeating: [Precedence](), count: problem.taskCount)
    for task in 0..<problem.taskCount {
      for link in problem.predecessors[task] {
        predecessors[link.task].append(Precedence(task: task))
      }
    }
    reversed = SerialScheduleGenerator(
      SchedulingProblem(
        durations: problem.durations, predecessors: predecessors, demands: problem.demands,
        capacities: problem.capacities))
  }

  func justify(_ times: TaskTimes, generator: SerialScheduleGenerator) -> TaskTimes {
    let count = times.starts.count
    let byFinish = (0..<count).sorted { a, b in
      times.finishes[a] != times.finishes[b] ? times.finishes[a] > times.finishes[b] : a > b
    }
    let right = reversed.decode(byFinish)
    let span = right.makespan
    // Reversed finish f' maps back to start span − f'.
    let rightStarts = (0..<count).map { span - right.finishes[$0] }
    let byStart = (0..<count).sorted { a, b in
      rightStarts[a] != rightStarts[b] ? rightStarts[a] < rightStarts[b] : a < b
    }
    return generator.decode(byStart)
  }
}
