/// An evaluation as the ward's report gives it.
public enum KPIEvaluation: String, Sendable, CaseIterable, Comparable {
  /// ○ on plan
  case onPlan = "○"
  /// △ behind plan
  case behind = "△"
  /// × far behind
  case farBehind = "×"

  /// The evaluation in words: 計画どおり, 計画より遅れ, 大幅な遅れ.
  public var word: String {
    switch self {
    case .onPlan: "on-plan"
    case .behind: "behind"
    case .farBehind: "far-behind"
    }
  }

  private var rank: Int {
    switch self {
    case .onPlan: 0
    case .behind: 1
    case .farBehind: 2
    }
  }

  /// ○ before △ before ×.
  public static func < (a: KPIEvaluation, b: KPIEvaluation) -> Bool { a.rank < b.rank }
}

/// A dated value.
public struct KPIMeasurement: Hashable, Sendable {
  /// The day measured.
  public var date: CivilDate
  /// The value measured.
  public var value: Double
  /// Where it comes from, when said.
  public var note: String?
}

/// How a numeric indicator is evaluated. Thresholds are data (the plan's).
///
/// achievement = (value − baseline) / (expected − baseline), where value is
/// the latest measurement on or before the day of evaluation (or, with
/// `projected`, the value the measurements' linear trend reaches on the
/// target date), and expected is the target — pro rata to the time elapsed
/// from `start` to the target date when `proRata`. ○ when achievement ≥
/// `onPlan`, △ when ≥ `behind`, × below. A target below the baseline (a
/// reduction) works the same way: both differences are then negative.
public struct NumericRule: Hashable, Sendable {
  /// The value to reach.
  public var target: Double
  /// The day to reach it by.
  public var targetDate: CivilDate
  /// The day the effort started.
  public var start: CivilDate
  /// The value on `start`.
  public var baseline: Double
  /// Whether progress is expected to grow linearly from `start` to the
  /// target date (else the target counts only at its date).
  public var proRata: Bool
  /// Whether the latest measure is extrapolated to the target date.
  public var projected: Bool
  /// The achievement at or above which the indicator is ○.
  public var onPlan: Double
  /// The achievement at or above which it is △ (below it, ×).
  public var behind: Double
}

/// Where an indicator's value comes from.
public enum KPISource: Hashable, Sendable {
  /// Dated measurements in the plan, evaluated by a numeric rule.
  case measured(NumericRule, [KPIMeasurement])
  /// A qualitative statement with a recorded evaluation and its reason.
  case recorded(KPIEvaluation, reason: String, progress: String)
  /// Computed from the plan and its schedule (`standardization`).
  case standardization
}

/// One indicator of an initiative.
public struct KPIIndicator: Sendable {
  /// The indicator's id.
  public var id: String
  /// Its name.
  public var name: String
  /// Its unit (件, 枚, %).
  public var unit: String
  /// The target as the report states it (累計700手続).
  public var targetText: String
  /// Where its measures come from.
  public var source: KPISource
  /// Where the plan declares it.
  public var location: SourceLocation
}

/// One of the ward's DX initiatives (取り組み).
public struct KPIInitiative: Sendable {
  /// Its number in the report.
  public var number: Int
  /// Its name.
  public var name: String
  /// 今後の方針
  public var policy: String
  /// Its indicators.
  public var indicators: [KPIIndicator]
  /// Where the plan declares it.
  public var location: SourceLocation
}
