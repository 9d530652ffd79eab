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

/// import's own stages on a table, best of 5: the table read (.xlsx or
/// CSV) and the plan built from it (the command adds writing and the
/// read-back check).
func benchImport(_ arguments: [String]) {
  guard arguments.count == 2 else { fail("import needs CATALOG TABLE") }
  let day = CivilDate(year: 2026, month: 12, day: 2) ?? CivilDate(dayNumber: 0)
  guard
    let (catalog, vendors) = try? InputStage.loadCatalog(
      .directory(arguments[0]), deadline: day, diagnostics: DiagnosticCollector())
  else { fail("cannot read the catalog \(arguments[0])") }
  var best = Double.infinity
  var systems = 0
  for _ in 0..<5 {
    let diagnostics = DiagnosticCollector()
    let start = monotonicSeconds()
    guard
      let records = try? TableFile.read(path: arguments[1], diagnostics: diagnostics),
      let plan = TableImporter(catalog: catalog, vendors: vendors).importTable(
        records, path: arguments[1],
        settings: .init(municipality: "試験", asOf: day, deadline: day, staffCapacity: nil),
        diagnostics: diagnostics)
    else { fail("the table does not import: \(diagnostics.sorted.first?.description ?? "")") }
    best = min(best, monotonicSeconds() - start)
    systems = plan.systems.count
  }
  print(
    String(format: "read and built into a plan: %d systems in %.3f s (best of 5)", systems, best))
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

/// Writes a spec sheet of about `megabytes` MB: one vendor, products
/// covering every area, each with thousands of functions and forms.
func generateSheet(_ arguments: [String]) {
  guard arguments.count >= 2, let megabytes = Int(arguments[1]) else {
    fail("gen-sheet FILE MEGABYTES")
  }
  guard
    let output = FileHandle(forWritingAtPath: arguments[0])
      ?? {
        _ = FileManager.default.createFile(atPath: arguments[0], contents: nil)
        return FileHandle(forWritingAtPath: arguments[0])
      }()
  else { fail("cannot write \(arguments[0])") }
  let areas = [
    "jumin-kiroku", "inkan-toroku", "koseki-fuhyo", "senkyo", "kojin-juminzei", "hojin-juminzei",
    "kotei-shisanzei", "kei-jidoshazei", "koseki", "shugaku", "kokuho", "kokumin-nenkin",
    "koki-koreisha", "kaigo", "shogaisha", "seikatsu-hogo", "kenko-kanri", "jido-teate",
    "jido-fuyo-teate", "kodomo-kosodate",
  ]
  let classes = ["mandatory", "mandatory", "mandatory", "optional", "prohibited"]
  var written = 0
  var chunk = """
    <?xml version="1.0" encoding="UTF-8"?>
    <specSheet xmlns="urn:migplan:vendor-spec-sheet:1" issued="2024-03-01">
      <vendor id="big-vendor"><name>大規模ベンダ株式会社</name></vendor>

    """
  var product = 0
  while written + chunk.utf8.count < megabytes << 20 {
    product += 1
    chunk += "  <product id=\"p\(product)\" release=\"1.0\">\n    <name>総合行政システム\(product)</name>\n"
    for area in areas { chunk += "    <covers area=\"\(area)\" specVersion=\"4.0\"/>\n" }
    chunk += "    <cloud provider=\"aws\"/>\n    <migration capacity=\"10\"/>\n"
    for (index, area) in areas.enumerated() {
      chunk += "    <requirements area=\"\(area)\">\n"
      for number in 0..<2000 {
        let requirementClass = classes[number % classes.count]
        let status = requirementClass == "prohibited" ? "not-implemented" : "implemented"
        let kind = number % 10 == 9 ? "form" : "function"
        chunk +=
          "      <\(kind) id=\"\(index)-\(number)\" class=\"\(requirementClass)\" status=\"\(status)\"/>\n"
      }
      chunk += "    </requirements>\n"
      output.write(Data(chunk.utf8))
      written += chunk.utf8.count
      chunk = ""
    }
    chunk += "  </product>\n"
  }
  chunk += "</specSheet>\n"
  output.write(Data(chunk.utf8))
  try? output.close()
}

/// The national model against the December 2025 list: generated
/// without the list, scheduled as of January 2026, scored.
func backtest(_ arguments: [String]) {
  guard arguments.count >= 2 else { fail("backtest needs DATA and PORTFOLIO_DIR") }
  let start = monotonicSeconds()
  let (plans, schedules, catalog) = scheduleNational(
    arguments[1], catalog: option("--catalog", in: arguments) ?? "catalog")
  guard
    let score = try? NationalBacktest.score(
      plans: plans, schedules: schedules, catalog: catalog, dataDirectory: arguments[0])
  else { fail("cannot read the list in \(arguments[0])") }
  func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
  func decimal(_ value: Double) -> String { String(format: "%.3f", value) }
  print(
    "area migrations: \(score.migrations), forecast past the deadline: \(score.late) "
      + "(\(percent(score.lateShare)); target 20–32 %)")
  print(
    "against the list: precision \(decimal(score.precision)), recall \(decimal(score.recall)), "
      + "F1 \(decimal(score.f1)) (TP \(score.truePositives), FP \(score.falsePositives), "
      + "FN \(score.falseNegatives); target ≥ 0.6)")
  print("late bound by a vendor's capacity: \(percent(score.vendorShare)) (target ≥ 80 %)")
  print(
    "bodies with a late migration: \(score.lateBodies.model) (list \(score.lateBodies.list)); "
      + "with 15 or more: \(score.suiteBodies.model) (list \(score.suiteBodies.list)); "
      + "with exactly one: \(score.singleBodies.model) (list \(score.singleBodies.list))")
  print(
    "completion-rate rule, best threshold (rate < \(decimal(score.ruleThreshold))): "
      + "F1 \(decimal(score.ruleF1)); at the model's share late: F1 "
      + "\(decimal(score.ruleF1AtModelShare)); best calling 20–32 % late: F1 "
      + decimal(score.ruleF1InRange))
  print(
    "on the list, by January rate: below 0.82 \(percent(score.listedByRate[0])), "
      + "0.82–0.88 \(percent(score.listedByRate[1])), 0.88 and above \(percent(score.listedByRate[2])); "
      + "by prefecture: \(score.listedByPrefecture.lowest.0) \(percent(score.listedByPrefecture.lowest.1)) "
      + "to \(score.listedByPrefecture.highest.0) \(percent(score.listedByPrefecture.highest.1))")
  print(String(format: "scheduled and scored in %.2f s", monotonicSeconds() - start))
}

/// Loads and schedules a portfolio directory as `portfolio` does.
func scheduleNational(_ directory: String, catalog catalogDirectory: String) -> (
  [Plan], [MigrationSchedule], Catalog
) {
  let diagnostics = DiagnosticCollector()
  guard
    let loaded = try? InputStage.loadWorkload(
      catalog: .directory(catalogDirectory), source: .paths([directory]), diagnostics: diagnostics)
  else { fail("cannot load \(directory): \(diagnostics.sorted.first?.description ?? "")") }
  let scheduler = loaded.scheduler(includeTasks: false)
  guard let result = scheduler.run(diagnostics: diagnostics) else { fail("cannot schedule") }
  return (loaded.plans, result.schedules, loaded.catalog)
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "psplib": benchPSPLIB(Array(arguments.dropFirst()))
case "import": benchImport(Array(arguments.dropFirst()))
case "gen-sheet": generateSheet(Array(arguments.dropFirst()))
case "backtest": backtest(Array(arguments.dropFirst()))
case "calibrate": calibrate(Array(arguments.dropFirst()))
case "stability": benchStability(Array(arguments.dropFirst()))
case "costs": benchCosts(Array(arguments.dropFirst()))
default:
  fail(
    "usage: migplan-bench psplib DIR [--budget N] [--limit N] | import CATALOG TABLE | "
      + "gen-sheet FILE MB | "
      + "backtest DATA PORTFOLIO_DIR [--catalog DIR] | calibrate DATA [--catalog DIR] | "
      + "stability CATALOG PLAN_DIR NATIONAL_DIR [--plans N] | costs BODIES [--systems N]")
}
