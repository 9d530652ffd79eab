import Foundation
import MigrationPlanning

/// migplan's benchmarks. Each prints its figures; none is a test.
///
///   migplan-bench psplib DIR [--budget N]   mean deviation from optimum/best known, time
///   migplan-bench ...                       (see scripts/bench)

func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("migplan-bench: " + message + "\n").utf8))
  exit(64)
}

func option(_ name: String, in arguments: [String]) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

/// PSPLIB: every instance of a set, against `optimum/optimum.csv` (the
/// optimum, or `lo..hi` where only bounds are known: deviation from hi).
func benchPSPLIB(_ arguments: [String]) {
  guard let directory = arguments.first else { fail("psplib needs a directory") }
  let budget = option("--budget", in: arguments).flatMap(Int.init) ?? RCPSPSolver.defaultBudget
  let limit = option("--limit", in: arguments).flatMap(Int.init) ?? Int.max
  var settings = SearchSettings(scheduleBudget: budget)
  if let population = option("--population", in: arguments).flatMap(Int.init) {
    settings.populationSize = population
  }
  if let rate = option("--mutation", in: arguments).flatMap(Double.init) {
    settings.mutationRate = rate
  }
  guard let csv = try? String(contentsOfFile: directory + "/optimum/optimum.csv", encoding: .utf8)
  else { fail("no optimum/optimum.csv in \(directory)") }
  var reference: [(String, Int)] = []
  for line in csv.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",")
    guard fields.count == 2 else { continue }
    let bound = fields[1].components(separatedBy: "..").last.flatMap { Int($0) }
    if let bound { reference.append((String(fields[0]), bound)) }
  }
  reference.sort { $0.0 < $1.0 }
  var deviations: [Double] = []
  var times: [Double] = []
  var optimal = 0
  for (name, best) in reference.prefix(limit) {
    let diagnostics = DiagnosticCollector()
    guard
      let instance = try? PSPLIBReader.read(path: directory + "/" + name, diagnostics: diagnostics)
    else { fail("cannot read \(name)") }
    let start = monotonicSeconds()
    guard let solution = RCPSPSolver.solve(instance, settings: settings)
    else { fail("cycle in \(name)") }
    times.append(monotonicSeconds() - start)
    deviations.append(Double(solution.makespan - best) / Double(best) * 100)
    if solution.makespan <= best { optimal += 1 }
  }
  let mean = deviations.reduce(0, +) / Double(max(deviations.count, 1))
  let meanTime = times.reduce(0, +) / Double(max(times.count, 1))
  let set = URL(fileURLWithPath: directory).lastPathComponent
  print(
    String(
      format: "psplib %@: %d instances, budget %d schedules: mean deviation %.3f%%, max %.2f%%, "
        + "at best known %d; time per instance mean %.3f s, max %.3f s",
      set, deviations.count, budget, mean, deviations.max() ?? 0, optimal, meanTime,
      times.max() ?? 0))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "psplib": benchPSPLIB(Array(arguments.dropFirst()))
default: fail("usage: migplan-bench psplib DIR [--budget N] [--limit N]")
}
