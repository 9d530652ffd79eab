/// An evaluation as the ward's report gives it.
public enum KPIEvaluation: String, Sendable, CaseIterable, Comparable {
  /// ○ on plan
  case onPlan = "○"
  /// △ behind plan
  case behind = "△"
  /// × far behind
  case farBehind = "×"

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

  public static func < (a: KPIEvaluation, b: KPIEvaluation) -> Bool { a.rank < b.rank }
}

/// A dated value.
public struct KPIMeasurement: Hashable, Sendable {
  public var date: CivilDate
  public var value: Double
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
  public var target: Double
  public var targetDate: CivilDate
  public var start: CivilDate
  public var baseline: Double
  public var proRata: Bool
  public var projected: Bool
  public var onPlan: Double
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
  public var id: String
  public var name: String
  public var unit: String
  /// The target as the report states it (累計700手続).
  public var targetText: String
  public var source: KPISource
  public var location: SourceLocation
}

/// One of the ward's DX initiatives (取り組み).
public struct KPIInitiative: Sendable {
  public var number: Int
  public var name: String
  /// 今後の方針
  public var policy: String
  public var indicators: [KPIIndicator]
  public var location: SourceLocation
}
