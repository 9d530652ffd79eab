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
