/// Solves classic RCPSP instances (PSPLIB) with the same engine that
/// schedules migrations: the serial SGS under a genetic search with double
/// justification, minimising the makespan.
public enum RCPSPSolver {
  /// Schedules generated per instance by default (each SGS pass counts).
  public static let defaultBudget = 5000

  public struct Solution: Sendable {
    public var makespan: Int
    /// Start of each job, PSPLIB job i + 1 at index i.
    public var starts: [Int]
    public var schedulesGenerated: Int
  }

  /// Nil when the precedence relations have a cycle.
  public static func solve(_ instance: PSPLIBInstance, settings: SearchSettings = SearchSettings())
    -> Solution?
  {
    let problem = instance.problem
    // The horizon of the LST priority: the critical-path length.
    var cycle: [Int] = []
    guard let order = problem.topologicalOrder(cycle: &cycle) else { return nil }
    var earliestFinish = Array(repeating: 0, count: problem.taskCount)
    for task in order {
      let start = problem.predecessors[task].map { earliestFinish[$0.task] }.max() ?? 0
      earliestFinish[task] = start + problem.durations[task]
    }
    let horizon = earliestFinish.max() ?? 0
    let latest = ScheduleSearch.latestStarts(
      problem: problem, latestFinish: Array(repeating: nil, count: problem.taskCount),
      horizon: horizon)
    guard
      let search = ScheduleSearch(
        problem: problem, latestStarts: latest, settings: settings, cycle: &cycle)
    else { return nil }
    let result = search.run { [$0.makespan] }
    return Solution(
      makespan: result.times.makespan, starts: result.times.starts,
      schedulesGenerated: result.schedulesGenerated)
  }
}
