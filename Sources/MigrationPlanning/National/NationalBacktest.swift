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
  /// The rule's best F1 when it calls a share within the target 20–32 %
  /// late (the lowest rates first, part of the boundary rate's migrations
  /// at random, counted in expectation): what the January rates alone can
  /// do at a share in range.
  public var ruleF1InRange: Double = 0
  /// The share of migrations on the list, by January rate: below 0.82,
  /// from 0.82 to below 0.88, 0.88 and above.
  public var listedByRate: [Double] = []
  /// The prefectures with the lowest and the highest share of migrations
  /// on the list, with their shares.
  public var listedByPrefecture: (lowest: (String, Double), highest: (String, Double)) = (
    ("", 0), ("", 0)
  )
  /// Bodies with a late migration, in the model and on the list.
  public var lateBodies = (model: 0, list: 0)
  /// Of those, bodies with 15 or more late migrations (a vendor's whole
  /// suite), in the model and on the list.
  public var suiteBodies = (model: 0, list: 0)
  /// Of those, bodies with exactly one, in the model and on the list.
  public var singleBodies = (model: 0, list: 0)

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

  /// The rule: late when the January rate is below a threshold; the best
  /// threshold, for reference, and its F1 where it calls as many late as
  /// the model does.
  mutating func fitRule(_ rated: [(Double, Bool)], steps: Int) {
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
      if f1 > self.ruleF1 {
        self.ruleF1 = f1
        self.ruleThreshold = threshold
      }
      let distance = abs(Double(called.count) - Double(late))
      if distance < nearest {
        nearest = distance
        self.ruleF1AtModelShare = f1
      }
    }
  }

  /// `BODY/AREA` of every area migration on the 特定移行支援 list.
  static func listedMigrations(catalog: Catalog, dataDirectory: String) throws(InputFailure)
    -> Set<String>
  {
    var listed: Set<String> = []
    for entry in try NationalFigures.tokuteiList(in: dataDirectory).municipalities {
      for name in entry.applicableBusinesses {
        guard let area = catalog.resolveArea(name)?.id else { continue }
        listed.insert(entry.bodyKey + "/" + area)
      }
    }
    return listed
  }

  /// Scores `schedules` of `plans` (a portfolio run) against the list in
  /// `dataDirectory`.
  public static func score(
    plans: [Plan], schedules: [MigrationSchedule], catalog: Catalog, dataDirectory: String
  ) throws(InputFailure) -> NationalBacktest {
    let listed = try listedMigrations(catalog: catalog, dataDirectory: dataDirectory)
    let steps = max(catalog.template.steps.count, 1)
    var result = NationalBacktest(
      migrations: 0, late: 0, vendorBound: 0, truePositives: 0, falsePositives: 0,
      falseNegatives: 0, ruleF1: 0, ruleThreshold: 0)
    // (January rate, on the list) of every migration, for the rule.
    var rated: [(Double, Bool)] = []
    func countBodies(_ counts: [Int]) -> (late: Int, suites: Int, single: Int) {
      (
        counts.filter { $0 > 0 }.count, counts.filter { $0 >= 15 }.count,
        counts.filter { $0 == 1 }.count
      )
    }
    var modelCounts: [Int] = []
    var listCounts: [Int] = []
    var byPrefecture: [String: (count: Int, listed: Int)] = [:]
    for (plan, schedule) in zip(plans, schedules) {
      let body = (plan.prefecture ?? "") + "/" + plan.municipality
      modelCounts.append(0)
      listCounts.append(0)
      for (system, outcome) in zip(plan.systems, schedule.systems) {
        for area in system.areas {
          let truth = listed.contains(body + "/" + area)
          let isLate = Self.isLate(outcome, of: plan)
          result.migrations += 1
          rated.append(
            (Double(system.steps.filter { $0.status == .done }.count) / Double(steps), truth))
          if truth { listCounts[listCounts.count - 1] += 1 }
          byPrefecture[plan.prefecture ?? "", default: (0, 0)].count += 1
          if truth { byPrefecture[plan.prefecture ?? "", default: (0, 0)].listed += 1 }
          if isLate {
            result.late += 1
            modelCounts[modelCounts.count - 1] += 1
            if case .resource(let id)? = outcome.binding.last?.cause,
              ResourceKey(id: id)?.vendorId != nil
            {
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
    let model = countBodies(modelCounts)
    let list = countBodies(listCounts)
    result.lateBodies = (model.late, list.late)
    result.suiteBodies = (model.suites, list.suites)
    result.singleBodies = (model.single, list.single)
    result.ruleF1InRange = Self.bestRuleF1(rated, steps: steps, shares: 0.20...0.32)
    result.listedByRate = [0.0..<0.82, 0.82..<0.88, 0.88..<2].map { band in
      let inBand = rated.filter { band.contains($0.0) }
      return inBand.isEmpty ? 0 : Double(inBand.filter(\.1).count) / Double(inBand.count)
    }
    var shares: [(String, Double)] = []
    for (prefecture, counts) in byPrefecture {
      shares.append((prefecture, Double(counts.listed) / Double(max(counts.count, 1))))
    }
    shares.sort { (a: (String, Double), b: (String, Double)) -> Bool in
      a.1 != b.1 ? a.1 < b.1 : a.0 < b.0
    }
    if let lowest = shares.first, let highest = shares.last {
      result.listedByPrefecture = (lowest, highest)
    }
    result.fitRule(rated, steps: steps)
    return result
  }

  /// The completion-rate rule's best F1 calling a share of `shares` late:
  /// the lowest rates first; of the boundary rate, the fraction of its
  /// migrations that makes up the share, counted in expectation.
  static func bestRuleF1(_ rated: [(Double, Bool)], steps: Int, shares: ClosedRange<Double>)
    -> Double
  {
    let total = Double(rated.count)
    let positives = Double(rated.filter(\.1).count)
    guard total > 0, positives > 0 else { return 0 }
    var groups = Array(repeating: (count: 0.0, hits: 0.0), count: steps + 1)
    for (rate, truth) in rated {
      let step = min(steps, max(0, Int((rate * Double(steps)).rounded())))
      groups[step].count += 1
      if truth { groups[step].hits += 1 }
    }
    func f1(_ called: Double, _ hits: Double) -> Double {
      hits == 0 ? 0 : 2 * hits / (called + positives)
    }
    var best = 0.0
    var called = 0.0
    var hits = 0.0
    for group in groups where group.count > 0 {
      // Within a group F1 is monotone in the fraction taken: the best
      // in range is at an end of the range's overlap with the group.
      for target in [
        shares.lowerBound * total, shares.upperBound * total, called, called + group.count,
      ]
      where target >= called && target <= called + group.count
        && target >= shares.lowerBound * total && target <= shares.upperBound * total
      {
        let taken = target - called
        best = max(best, f1(target, hits + group.hits * taken / group.count))
      }
      called += group.count
      hits += group.hits
    }
    return best
  }

  /// Whether a migration counts as late here: not done, and going live
  /// after its plan's common deadline (a later 特定移行支援 deadline does not
  /// excuse it).
  public static func isLate(_ outcome: SystemOutcome, of plan: Plan) -> Bool {
    outcome.goLive > plan.deadline && outcome.status != .done
  }
}
