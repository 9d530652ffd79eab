import Testing

@testable import MigrationPlanning

@Suite struct EngineTests {
  /// Three tasks on one resource of capacity 1: they cannot overlap.
  @Test func serialSGSRespectsCapacityAndPrecedence() {
    let problem = SchedulingProblem(
      durations: [3, 2, 4],
      predecessors: [[], [], [Precedence(task: 0)]],
      demands: [
        [.init(resource: 0, units: 1)], [.init(resource: 0, units: 1)],
        [.init(resource: 0, units: 1)],
      ],
      capacities: [1])
    let times = SerialScheduleGenerator(problem).decode([0, 1, 2])
    #expect(times.starts == [0, 3, 5])
    #expect(times.makespan == 9)
    #expect(times.causes[1] == .resource(0))
    #expect(times.causes[2] == .resource(0) || times.causes[2] == .predecessor(0, .finishToStart))
  }

  @Test func startToStartLagAndRelease() {
    var problem = SchedulingProblem(
      durations: [5, 5], predecessors: [[], [Precedence(task: 0, type: .startToStart, lag: 2)]],
      demands: [[], []], capacities: [])
    problem.release = [4, 0]
    let times = SerialScheduleGenerator(problem).decode([0, 1])
    #expect(times.starts == [4, 6])
    #expect(times.causes == [.release, .predecessor(0, .startToStart)])
  }

  @Test func tasksOfOneOwnerShareAUnit() {
    // Owner 0 runs two tasks at once on a capacity-1 resource; owner 1 waits.
    let demand0 = ResourceDemand(resource: 0, units: 1, owner: 0)
    let demand1 = ResourceDemand(resource: 0, units: 1, owner: 1)
    let problem = SchedulingProblem(
      durations: [4, 4, 2], predecessors: [[], [], []], demands: [[demand0], [demand0], [demand1]],
      capacities: [1])
    let times = SerialScheduleGenerator(problem).decode([0, 1, 2])
    #expect(times.starts == [0, 0, 4])
  }

  @Test func forbiddenIntervalsAndFixedTasks() {
    var problem = SchedulingProblem(
      durations: [3, 2, 1], predecessors: [[], [], []],
      demands: [[.init(resource: 0, units: 1)], [.init(resource: 0, units: 1)], []], capacities: [1]
    )
    problem.fixedStart = [2, nil, nil]
    problem.forbidden = [[], [], [0..<10]]
    let times = SerialScheduleGenerator(problem).decode([0, 1, 2])
    #expect(times.starts == [2, 0, 10])
    #expect(times.causes[2] == .window)
  }

  @Test func finishGateReleasesAfterItsTable() {
    var problem = SchedulingProblem(
      durations: [3, 1], predecessors: [[], []], demands: [[], []], capacities: [])
    // Finishing at 3 opens the gate at 20.
    problem.gates = [FinishGate(task: 1, after: 0, earliestStart: [0, 5, 10, 20, 20, 20])]
    let times = SerialScheduleGenerator(problem).decode([0, 1])
    #expect(times.starts[1] == 20)
    #expect(times.causes[1] == .gate(0))
  }

  @Test func cyclesAreFound() {
    let problem = SchedulingProblem(
      durations: [1, 1, 1],
      predecessors: [[Precedence(task: 2)], [Precedence(task: 0)], [Precedence(task: 1)]],
      demands: [[], [], []], capacities: [])
    var cycle: [Int] = []
    #expect(problem.topologicalOrder(cycle: &cycle) == nil)
    #expect(cycle == [0, 1, 2])
  }

  @Test func crossoverKeepsEveryTaskOnce() {
    let mother = [0, 1, 2, 3, 4, 5]
    let father = [0, 2, 1, 4, 3, 5]
    let child = ScheduleSearch.crossover(mother, father, 2, 4)
    #expect(child == [0, 1, 2, 4, 3, 5])
    #expect(Set(child).count == 6)
  }

  @Test func splitMixIsDeterministic() {
    var a = SplitMix64(seed: 42)
    var b = SplitMix64(seed: 42)
    #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
  }
}

@Suite struct PSPLIBTests {
  static let j30 = Paths.fixtures + "/psplib/j301_1.sm"
  static let j60 = Paths.fixtures + "/psplib/j601_1.sm"

  @Test func readsAnInstance() throws {
    let diagnostics = DiagnosticCollector()
    let instance = try #require(try PSPLIBReader.read(path: Self.j30, diagnostics: diagnostics))
    #expect(instance.jobCount == 32)
    #expect(instance.capacities == [12, 13, 4, 12])
    #expect(instance.successors[0] == [1, 2, 3])
    #expect(instance.durations[1] == 8)
  }

  /// j301_1 has the known optimum 43, j601_1 77 (PSPLIB).
  @Test(arguments: [(j30, 43), (j60, 77)])
  func solvesToTheKnownOptimum(path: String, optimum: Int) throws {
    let diagnostics = DiagnosticCollector()
    let instance = try #require(try PSPLIBReader.read(path: path, diagnostics: diagnostics))
    let solution = try #require(
      RCPSPSolver.solve(instance, settings: SearchSettings(scheduleBudget: 1000)))
    #expect(solution.makespan == optimum)
    // The solution is feasible: precedence and capacity.
    for (job, successors) in instance.successors.enumerated() {
      for next in successors {
        #expect(solution.starts[next] >= solution.starts[job] + instance.durations[job])
      }
    }
    for time in 0..<solution.makespan {
      for resource in instance.capacities.indices {
        let load = instance.durations.indices.filter {
          solution.starts[$0] <= time && time < solution.starts[$0] + instance.durations[$0]
        }.map { instance.demands[$0][resource] }.reduce(0, +)
        #expect(load <= instance.capacities[resource])
      }
    }
  }

  @Test func malformedInstanceIsADiagnostic() {
    let diagnostics = DiagnosticCollector()
    let text = "jobs (incl. supersource/sink ):  3\nPRECEDENCE RELATIONS:\nheader\n   1 1 x\n"
    #expect(PSPLIBReader.parse(text, path: "bad.sm", diagnostics: diagnostics) == nil)
    #expect(
      diagnostics.diagnostics.map(\.description) == [
        "bad.sm:4:1: error: bad precedence line for job 1 [psplib-syntax]"
      ])
  }
}
