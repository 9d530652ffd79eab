import Foundation
import MigrationPlanning

/// Re-derives the calibrated national model's two fitted values from
/// aggregate published figures only; the 特定移行支援 list is never
/// opened (the portfolios are generated `--without-tokutei` and only
/// their own schedules are counted):
///
/// 1. the pace (`durationScale`): with vendors unlimited, the share of
///    area migrations late is 5 % of 25.9 % (95 % of 特定移行支援 was the
///    vendors'; 8,956 of 34,592 systems);
/// 2. the vendors' capacity (`vendorCapacityRatio`): at that pace, the
///    share late is 25.9 %.
///
/// Each is a bisection on a log scale (the share grows with the pace and
/// falls with the capacity), eight halvings each.
func calibrate(_ arguments: [String]) {
  guard let data = arguments.first else { fail("calibrate needs DATA") }
  let catalogDirectory = option("--catalog", in: arguments) ?? "catalog"
  let diagnostics = DiagnosticCollector()
  guard
    let (catalog, _) = try? InputStage.loadCatalog(
      .directory(catalogDirectory), deadline: FiscalYear.standardizationDeadline,
      diagnostics: diagnostics)
  else { fail("cannot load the catalog \(catalogDirectory)") }
  let directory = NSTemporaryDirectory() + "migplan-calibrate-\(getpid())"
  defer { try? FileManager.default.removeItem(atPath: directory) }
  // `fail` exits without running `defer`: clean up first.
  func failing(_ message: String) -> Never {
    try? FileManager.default.removeItem(atPath: directory)
    fail(message)
  }
  let start = monotonicSeconds()
  let tokuteiShare = 8_956.0 / 34_592.0
  let notVendors = 0.05 * tokuteiShare

  func lateShare(_ model: NationalPortfolio.Model) -> Double {
    var model = model
    model.readsTokuteiList = false
    guard
      let generated = try? NationalPortfolio.generate(
        dataDirectory: data, catalog: catalog, seed: 1, model: model)
    else { failing("cannot read the figures in \(data)") }
    do {
      try AtomicFile.makeDirectory(directory)
      try AtomicFile.write(
        NationalPortfolio.xml(generated), to: directory + "/" + PortfolioLoader.fileName)
    } catch { failing("cannot write \(directory)") }
    let (plans, schedules, _) = scheduleNational(directory, catalog: catalogDirectory)
    var migrations = 0
    var late = 0
    for (plan, schedule) in zip(plans, schedules) {
      for outcome in schedule.systems {
        migrations += 1
        if NationalBacktest.isLate(outcome, of: plan) { late += 1 }
      }
    }
    return Double(late) / Double(max(migrations, 1))
  }

  var model = NationalPortfolio.Model.calibrated
  print("1. the pace: vendors unlimited, share late = 5 % of 25.9 %")
  model.vendorCapacityRatio = 10
  let scale = bisect(0.01...1, increasing: true, target: notVendors, name: "durationScale") {
    model.durationScale = $0
    return lateShare(model)
  }
  model.durationScale = scale
  print("2. the vendors' capacity: share late = 25.9 %")
  let ratio = bisect(0.02...2, increasing: false, target: tokuteiShare, name: "vendorCapacityRatio")
  {
    model.vendorCapacityRatio = $0
    return lateShare(model)
  }
  let preset = NationalPortfolio.Model.calibrated
  print(
    String(
      format:
        "calibrated: durationScale %.3f (preset %.3f), vendorCapacityRatio %.3f (preset %.3f)",
      scale, preset.durationScale, ratio, preset.vendorCapacityRatio))
  print(String(format: "calibrated in %.0f s", monotonicSeconds() - start))
}

/// The value in `range` (log scale) where `share` crosses `target`.
func bisect(
  _ range: ClosedRange<Double>, increasing: Bool, target: Double, name: String,
  share: (Double) -> Double
) -> Double {
  var low = log(range.lowerBound)
  var high = log(range.upperBound)
  for _ in 0..<8 {
    let middle = (low + high) / 2
    let value = share(exp(middle))
    print(
      "  \(name) "
        + String(
          format: "%.4f: %.2f %% late (target %.2f %%)", exp(middle), value * 100, target * 100))
    if (value < target) == increasing { low = middle } else { high = middle }
  }
  return exp((low + high) / 2)
}
