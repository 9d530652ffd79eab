import Foundation

/// The national model back-tested against what happened: the body × area
/// migrations a portfolio schedules late (after the common deadline)
/// against the December 2025 特定移行支援 list (`tokutei-2025-12.json`),
/// matched by prefecture and municipality name, the list's area names
/// mapped by the catalog's aliases, its 共通機能 (and any name no area
/// knows) left out. Also the share of late migrations whose root is a
/// vendor's capacity, and, for reference, the best F1 of a rule that looks
/// only at each area's January completion rate.
public struct NationalBacktest: Sendable {
  /// Area migrations in the portfolio.
  public var migrations: Int
  /// Those scheduled after the common deadline.
  public var late: Int
  /// Late ones whose binding root is a vendor's capacity.
  public var vendorBound: Int
  /// Late and on the list.
  public var truePositives: Int
  /// Late, not on the list.
  public var falsePositives: Int
  /// On the list, not late.
  public var falseNegatives: Int
  /// The completion-rate rule's best F1, and the rate below which it calls
  /// a migration late.
  public var ruleF1: Double
  /// See `ruleF1`.
  public var ruleThreshold: Double
  /// The rule's F1 when it calls as many late as the model does (the
  /// threshold whose share late is nearest the model's).
  public var ruleF1AtModelShare: Double = 0

  /// Late / migrations.
  public var lateShare: Double { migrations == 0 ? 0 : Double(late) / Double(migrations) }
  /// Share of the late bound by a vendor's capacity.
  public var vendorShare: Double { late == 0 ? 0 : Double(vendorBound) / Double(late) }
  /// TP / (TP + FP).
  public var precision: Double {
    truePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
  }
  /// TP / (TP + FN).
  public var recall: Double {
    truePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
  }
  /// The harmonic mean of precision and recall.
  public var f1: Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }

  /// Scores `schedules` of `plans` (a portfolio run) against the list in
  /// `dataDirectory`.
  public static func score(
    plans: [Plan], schedules: [MigrationSchedule], catalog: Catalog, dataDirectory: String
  ) throws -> NationalBacktest {
    let url = URL(fileURLWithPath: dataDirectory + "/tokutei-2025-12.json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    var listed: Set<String> = []
    for entry in object?["municipalities"] as? [[String: Any]] ?? [] {
      let body = (entry["prefecture"] as? String ?? "") + "/" + (entry["city"] as? String ?? "")
      for name in entry["applicable_businesses"] as? [String] ?? [] {
        guard let area = catalog.resolveArea(name)?.id else { continue }
        listed.insert(body + "/" + area)
      }
    }
    let steps = max(catalog.template.steps.count, 1)
    var result = NationalBacktest(
      migrations: 0, late: 0, vendorBound: 0, truePositives: 0, falsePositives: 0,
      falseNegatives: 0, ruleF1: 0, ruleThreshold: 0)
    // (January rate, on the list) of every migration, for the rule.
    var rated: [(Double, Bool)] = []
    for (plan, schedule) in zip(plans, schedules) {
      let body = (plan.prefecture ?? "") + "/" + plan.municipality
      for (system, outcome) in zip(plan.systems, schedule.systems) {
        for area in system.areas {
          let truth = listed.contains(body + "/" + area)
          let isLate = outcome.goLive > plan.deadline && outcome.status != .done
          result.migrations += 1
          rated.append(
            (Double(system.steps.filter { $0.status == .done }.count) / Double(steps), truth))
          if isLate {
            result.late += 1
            if case .resource(let id)? = outcome.binding.last?.cause, id.hasPrefix("vendor:") {
              result.vendorBound += 1
            }
          }
          switch (isLate, truth) {
          case (true, true): result.truePositives += 1
          case (true, false): result.falsePositives += 1
          case (false, true): result.falseNegatives += 1
          case (false, false): break
          }
        }
      }
    }
    // The rule: late when the January rate is below a threshold; the best
    // threshold, for reference.
    let positives = rated.filter(\.1).count
    var nearest = Double.infinity
    for step in 0...steps {
      let threshold = Double(step) / Double(steps)
      let called = rated.filter { $0.0 < threshold }
      let hits = called.filter(\.1).count
      guard hits > 0 else { continue }
      let precision = Double(hits) / Double(called.count)
      let recall = Double(hits) / Double(max(positives, 1))
      let f1 = 2 * precision * recall / (precision + recall)
      if f1 > result.ruleF1 {
        result.ruleF1 = f1
        result.ruleThreshold = threshold
      }
      let distance = abs(Double(called.count) - Double(result.late))
      if distance < nearest {
        nearest = distance
        result.ruleF1AtModelShare = f1
      }
    }
    return result
  }
}
