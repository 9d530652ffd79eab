import Foundation
import MigrationPlanningTestSupport
import Testing

@testable import MigrationPlanning

@Suite struct PriorityRuleTests {
  @Test func heapPopsInOrder() {
    var random = SplitMix64(seed: 11)
    var heap = BinaryHeap<Int>()
    var reference: [Int] = []
    var popped: [Int] = []
    var expected: [Int] = []
    for round in 0..<2_000 {
      let value = random.below(300)
      heap.insert(value)
      reference.append(value)
      if round % 3 == 2 {
        reference.sort()
        expected.append(reference.removeFirst())
        popped.append(heap.popMin() ?? -1)
      }
    }
    while let value = heap.popMin() { popped.append(value) }
    expected += reference.sorted()
    #expect(popped == expected)
    #expect(heap.isEmpty)
  }

  /// A random DAG of `count` tasks whose links go from a lower index to a
  /// higher one, as successor lists.
  static func randomDAG(_ count: Int, _ random: inout SplitMix64) -> [[Int]] {
    var successors = Array(repeating: [Int](), count: count)
    for task in 0..<count {
      for _ in 0..<random.below(3) {
        let next = task + 1 + random.below(20)
        if next < count, !successors[task].contains(next) { successors[task].append(next) }
      }
    }
    return successors
  }

  static func isFeasible(_ list: [Int], _ successors: [[Int]]) -> Bool {
    var position = Array(repeating: -1, count: successors.count)
    for (index, task) in list.enumerated() { position[task] = index }
    guard !position.contains(-1) else { return false }
    return successors.indices.allSatisfy { task in
      successors[task].allSatisfy { position[$0] > position[task] }
    }
  }

  /// Kahn's algorithm taking, each time, the ready task of the smallest
  /// (priority, index) by a linear scan: the reference for both paths.
  static func reference(_ successors: [[Int]], priority: [Int]) -> [Int] {
    var indegree = Array(repeating: 0, count: successors.count)
    for list in successors { for next in list { indegree[next] += 1 } }
    var ready = successors.indices.filter { indegree[$0] == 0 }
    var list: [Int] = []
    while let best = ready.indices.min(by: {
      (priority[ready[$0]], ready[$0]) < (priority[ready[$1]], ready[$1])
    }) {
      let task = ready.remove(at: best)
      list.append(task)
      for next in successors[task] {
        indegree[next] -= 1
        if indegree[next] == 0 { ready.append(next) }
      }
    }
    return list
  }

  /// When every link goes forward in priority the list is the sort by
  /// (priority, index); otherwise the heap's; both are the reference's.
  @Test func pureListIsTheReferenceList() {
    var random = SplitMix64(seed: 5)
    for trial in 0..<40 {
      let successors = Self.randomDAG(300, &random)
      // Negative priorities, many ties; every fourth trial a range too
      // wide to pack, which must take the heap.
      let range = trial % 4 == 3 ? Int.max / 4 : 8
      var priority = (0..<300).map { _ in random.below(range) - range / 2 }
      let forward = trial % 2 == 0 || trial % 4 == 3
      if forward {
        for task in 0..<300 {
          for next in successors[task] { priority[next] = max(priority[next], priority[task]) }
        }
      }
      #expect(ScheduleSearch.goesForward(successors, priority: priority) == forward)
      let list = ScheduleSearch.pureList(successors, priority: priority)
      #expect(list == Self.reference(successors, priority: priority))
      #expect(ScheduleSearch.heapList(successors, priority: priority) == list)
      if forward {
        #expect(list == (0..<300).sorted { (priority[$0], $0) < (priority[$1], $1) })
      }
      #expect(Self.isFeasible(list, successors))
    }
    #expect(ScheduleSearch.pureList([[]], priority: [-3]) == [0])
    #expect(ScheduleSearch.pureList([], priority: []) == [])
  }

  /// The first population's rules decoded side by side give what they give
  /// one after the other: the same best order, times, cost and count.
  @Test func sideBySideRulesMatchSequentialOnes() throws {
    let plans = try Self.portfolio(blackouts: "ignore", near: 36, far: 26)
    let model = ProblemModel(
      catalog: Shipped.catalog, plans: plans, vendors: .empty,
      shared: [NameKey.normalize("ベンダ株式会社"): 1], horizon: 4000)
    var cycle: [Int] = []
    let order = try #require(model.problem.topologicalOrder(cycle: &cycle))
    let latest = ScheduleSearch.latestStarts(
      problem: model.problem, latestFinish: model.latestFinish, horizon: model.index.count,
      order: order)
    func search(parallelFrom: Int) throws -> SearchResult {
      var search = try #require(
        ScheduleSearch(
          problem: model.problem, latestStarts: latest,
          settings: SearchSettings(scheduleBudget: 2, populationSize: 2), cycle: &cycle,
          order: order, otherRules: [model.systemsFirstPriority(order: order)]))
      search.parallelRulesFrom = parallelFrom
      return search.run { model.cost($0) }
    }
    let sideBySide = try search(parallelFrom: 0)
    let oneByOne = try search(parallelFrom: Int.max)
    #expect(sideBySide.order == oneByOne.order)
    #expect(sideBySide.times.starts == oneByOne.times.starts)
    #expect(sideBySide.times.finishes == oneByOne.times.finishes)
    #expect(sideBySide.cost == oneByOne.cost)
    #expect(sideBySide.schedulesGenerated == oneByOne.schedulesGenerated)
  }

  /// A portfolio of two municipalities sharing one vendor team: one has a
  /// step left, the other most of the work. `blackouts` and `done` vary.
  static func portfolio(blackouts: String, near: Int, far: Int, area: String = "kaigo")
    throws -> [Plan]
  {
    let directory = NSTemporaryDirectory() + "migplan-priority-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <portfolio xmlns="urn:migplan:portfolio:1" name="t" asOf="2026-01-31" deadline="2026-03-31" \
    budgetFrom="2026-01-31" blackouts="\(blackouts)" durationScale="0.2">
      <vendor id="v" name="ベンダ株式会社" capacity="1"/>
      <municipality code="a" name="遠町" staff="9">
        <migration area="\(area)" vendor="v" done="\(far)"/>
      </municipality>
      <municipality code="b" name="近町" staff="9">
        <migration area="\(area)" vendor="v" done="\(near)"/>
      </municipality>
    </portfolio>
    """.write(toFile: directory + "/portfolio.xml", atomically: true, encoding: .utf8)
    let diagnostics = DiagnosticCollector()
    let loaded = try #require(
      try PortfolioLoader.load(
        paths: [directory], catalog: Shipped.catalog, diagnostics: diagnostics))
    #expect(diagnostics.errorCount == 0, "\(diagnostics.sorted.map(\.description))")
    return loaded.plans
  }

  static func run(_ plans: [Plan], budget: Int) throws -> [MigrationSchedule] {
    try #require(
      PortfolioScheduler(
        catalog: Shipped.catalog, plans: plans, sharedCapacities: ["ベンダ株式会社": 1],
        settings: SearchSettings(scheduleBudget: budget, populationSize: budget)
      ).run(diagnostics: DiagnosticCollector())
    ).schedules
  }

  /// The systems-first rule serves the migration with less work left
  /// first, every link goes forward in its priority, and a search that
  /// tries it beside the latest-start rule is no later than that rule.
  @Test func systemsFirstServesTheShortestWorkFirst() throws {
    let plans = try Self.portfolio(blackouts: "ignore", near: 36, far: 26)
    let model = ProblemModel(
      catalog: Shipped.catalog, plans: plans, vendors: .empty,
      shared: [NameKey.normalize("ベンダ株式会社"): 1],
      horizon: 4000)
    var cycle: [Int] = []
    let order = try #require(model.problem.topologicalOrder(cycle: &cycle))
    let priority = model.systemsFirstPriority(order: order)
    let far = model.goLiveTask[0]
    let near = model.goLiveTask[1]
    #expect(priority[near] < priority[far])
    for task in 0..<model.problem.taskCount {
      for link in model.problem.predecessors[task] {
        #expect(priority[link.task] <= priority[task])
      }
    }
    // The latest-start rule starts the far one first: the team is busy
    // with it while the near one could have made the deadline.
    let latestStartOnly = try Self.run(plans, budget: 1)
    let both = try Self.run(plans, budget: 2)
    let lateness = { (schedules: [MigrationSchedule]) in
      schedules.flatMap(\.systems).map { max(0, $0.deadline.days(to: $0.goLive)) }.reduce(0, +)
    }
    #expect(
      lateness(both) < lateness(latestStartOnly), "\(lateness(both)) \(lateness(latestStartOnly))")
    #expect(both[1].systems[0].goLive <= day(2026, 3, 31))
  }

  /// `blackouts="ignore"`: 個人住民税 (no go-live 01-01–06-30) goes live in
  /// February instead of July.
  @Test func blackoutsCanBeIgnored() throws {
    let kept = try Self.run(
      Self.portfolio(blackouts: "keep", near: 39, far: 39, area: "kojin-juminzei"), budget: 1)
    let ignored = try Self.run(
      Self.portfolio(blackouts: "ignore", near: 39, far: 39, area: "kojin-juminzei"), budget: 1)
    #expect(kept[0].systems[0].goLive > day(2026, 6, 30))
    #expect(ignored[0].systems[0].goLive < day(2026, 3, 1))
    // The schedule reports no blackout for the go-live, and keeps every
    // invariant, with the blackouts off.
    let plans = try Self.portfolio(blackouts: "ignore", near: 39, far: 39, area: "kojin-juminzei")
    let schedule = try #require(
      PortfolioScheduler(
        catalog: Shipped.catalog, plans: plans, sharedCapacities: ["ベンダ株式会社": 1],
        settings: SearchSettings(scheduleBudget: 1, populationSize: 1)
      ).run(diagnostics: DiagnosticCollector())
    ).schedules[0]
    #expect(schedule.tasks.filter { !$0.blackouts.isEmpty }.isEmpty)
    let violations = ScheduleInvariants.violations(
      of: schedule, plan: plans[0], calendar: Shipped.catalog.calendar)
    #expect(violations.isEmpty, "\(violations.prefix(5))")
  }

  @Test func anUnknownBlackoutRuleIsRefused() throws {
    let directory = NSTemporaryDirectory() + "migplan-priority-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <portfolio xmlns="urn:migplan:portfolio:1" name="t" asOf="2026-01-31" deadline="2026-03-31" \
    blackouts="sometimes">
      <vendor id="v" name="ベンダ株式会社" capacity="1"/>
    </portfolio>
    """.write(toFile: directory + "/portfolio.xml", atomically: true, encoding: .utf8)
    let diagnostics = DiagnosticCollector()
    var refused: Diagnostic?
    do {
      let loaded = try PortfolioLoader.load(
        paths: [directory], catalog: Shipped.catalog, diagnostics: diagnostics)
      #expect(loaded == nil)
      refused = diagnostics.sorted.first
    } catch {
      refused = error.diagnostic
    }
    let refusal = try #require(refused)
    #expect(refusal.id == "bad-value")
    #expect(refusal.message.contains("sometimes"))
    #expect(refusal.location.line == 2)
  }

  @Test func calibratedModelIsTheDefault() throws {
    let data = Paths.fixtures + "/national"
    let calibrated = NationalPortfolio.xml(
      try NationalPortfolio.generate(dataDirectory: data, catalog: Shipped.catalog, seed: 1))
    let root = try #require(calibrated.split(separator: "\n").first { $0.hasPrefix("<portfolio") })
    #expect(root.contains("budgetFrom=\"2026-01-31\""))
    #expect(root.contains("blackouts=\"ignore\""))
    #expect(root.contains("durationScale=\"0.087\""))
    let first = NationalPortfolio.xml(
      try NationalPortfolio.generate(
        dataDirectory: data, catalog: Shipped.catalog, seed: 1, model: NationalPortfolio.Model()))
    #expect(!first.contains("blackouts="))
    #expect(!first.contains("durationScale="))
    #expect(!first.contains("budgetFrom="))
  }

  /// The completion-rate rule at a share in range, by hand: ten
  /// migrations, rates 0.1 … 1.0, the three lowest on the list.
  @Test func bestRuleAtAShareInRange() {
    let rated = (1...10).map { (Double($0) / 10, $0 <= 3) }
    // 20–30 %: calling the two or three lowest; three gives F1 1.
    #expect(NationalBacktest.bestRuleF1(rated, steps: 10, shares: 0.2...0.3) == 1)
    // At most 20 %: two of three found, no false alarm: F1 0.8.
    #expect(abs(NationalBacktest.bestRuleF1(rated, steps: 10, shares: 0.1...0.2) - 0.8) < 1e-9)
  }

  /// The back-test's counts on the fixture (6 bodies of 北海道; the list
  /// names 4 of them: 札幌市 18 entries, 函館市 1, 室蘭市 16, 釧路市 17,
  /// 共通機能 among them for all but 函館市).
  @Test func backtestCountsTheList() throws {
    let data = Paths.fixtures + "/national"
    var model = NationalPortfolio.Model.calibrated
    model.readsTokuteiList = false
    let generated = try NationalPortfolio.generate(
      dataDirectory: data, catalog: Shipped.catalog, seed: 1, model: model)
    let directory = NSTemporaryDirectory() + "migplan-backtest-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try NationalPortfolio.xml(generated).write(
      toFile: directory + "/portfolio.xml", atomically: true, encoding: .utf8)
    let loaded = try #require(
      try PortfolioLoader.load(
        paths: [directory], catalog: Shipped.catalog, diagnostics: DiagnosticCollector()))
    let result = try #require(
      PortfolioScheduler(
        catalog: Shipped.catalog, plans: loaded.plans, sharedCapacities: loaded.sharedCapacities,
        settings: SearchSettings.forPortfolio(plans: loaded.plans.count), includeTasks: false
      ).run(diagnostics: DiagnosticCollector()))
    let score = try NationalBacktest.score(
      plans: loaded.plans, schedules: result.schedules, catalog: Shipped.catalog,
      dataDirectory: data)
    #expect(score.migrations == 120)
    // 共通機能 left out: 17 + 1 + 15 + 16.
    #expect(score.truePositives + score.falseNegatives == 17 + 1 + 15 + 16)
    #expect(score.late == score.truePositives + score.falsePositives)
    #expect(score.lateBodies.list == 4)
    #expect(score.suiteBodies.list == 3)
    #expect(score.singleBodies.list == 1)
    #expect(score.listedByPrefecture.lowest.0 == "北海道")
    #expect(abs(score.listedByPrefecture.lowest.1 - 49.0 / 120) < 1e-9)
    #expect(score.listedByRate.count == 3)
    #expect(score.listedByRate.allSatisfy { (0...1).contains($0) })
  }
}
