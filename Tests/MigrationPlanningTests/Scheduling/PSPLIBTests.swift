import Testing

@testable import MigrationPlanning

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
