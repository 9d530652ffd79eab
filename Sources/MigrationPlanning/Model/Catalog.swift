/// One of the 20 standardized business areas (標準化対象事務).
public struct Area: Hashable, Sendable, Identifiable {
  public var id: String
  /// Japanese name (住民基本台帳).
  public var name: String
  public var englishName: String
  /// Owning ministry (総務省 …).
  public var ministry: String
  /// The specification version that counts for the FY2025 target, when known.
  public var specVersion: String?
  /// Short local names (住基 …) a plan or table may use.
  public var aliases: [String]
  /// Periods in which going live is risky (a planning default).
  public var blackouts: [Blackout]
  /// Areas whose systems must go live no later than this area's.
  public var goLiveAfter: [String]
  public var location: SourceLocation

  public init(
    id: String, name: String, englishName: String, ministry: String, specVersion: String?,
    aliases: [String], blackouts: [Blackout], goLiveAfter: [String], location: SourceLocation
  ) {
    self.id = id
    self.name = name
    self.englishName = englishName
    self.ministry = ministry
    self.specVersion = specVersion
    self.aliases = aliases
    self.blackouts = blackouts
    self.goLiveAfter = goLiveAfter
    self.location = location
  }
}

/// A recurring period in which an area's switch-over is avoided.
public struct Blackout: Hashable, Sendable {
  public var range: MonthDayRange
  public var reason: String
}

/// Who does a step: the municipality's staff, the vendor, or both.
public enum Performer: String, Sendable, CaseIterable {
  case staff, vendor, both

  public var usesStaff: Bool { self != .vendor }
  public var usesVendor: Bool { self != .staff }
}

/// How a system is procured.
public enum ProcurementMethod: String, Sendable, CaseIterable {
  /// 随意契約 with the incumbent or the only capable vendor.
  case negotiated
  /// プロポーザル方式: a competitive selection by proposal.
  case proposal
  /// 一般競争入札.
  case openTender = "open-tender"

  public var japaneseName: String {
    switch self {
    case .negotiated: "随意契約"
    case .proposal: "プロポーザル"
    case .openTender: "一般競争入札"
    }
  }
}

/// How a precedence link constrains its successor.
public enum LinkType: String, Sendable {
  /// Finish-to-start: the successor starts `lag` working days after the
  /// predecessor ends.
  case finishToStart = "FS"
  /// Start-to-start: the successor starts `lag` working days after the
  /// predecessor starts.
  case startToStart = "SS"
}

/// A predecessor of a template step.
public struct StepLink: Hashable, Sendable {
  public var step: String
  public var type: LinkType
  public var lag: Int
}

/// What the scheduler must know of a step beyond its links.
public enum StepRole: String, Sendable, CaseIterable {
  /// 予算要求: the budget it asks for is available from 1 April of the next
  /// fiscal year.
  case budgetRequest = "budget-request"
  /// 契約: needs the budget.
  case contract
  /// 運用開始: must lie outside the area's blackout windows.
  case goLive = "go-live"
}

/// One of the 40 PMO steps, with its planning defaults.
public struct StepDefinition: Hashable, Sendable, Identifiable {
  public var id: String
  public var group: Int
  public var name: String
  public var performer: Performer
  /// Working days by default.
  public var duration: Int
  /// Working days for a procurement method, when it differs (0: skipped).
  public var durationByMethod: [ProcurementMethod: Int]
  public var predecessors: [StepLink]
  public var role: StepRole?
  public var location: SourceLocation

  public func duration(for method: ProcurementMethod) -> Int {
    durationByMethod[method] ?? duration
  }
}

/// A group of the checklist (1 推進体制 … 18 運用開始).
public struct StepGroup: Hashable, Sendable {
  public var number: Int
  public var name: String
}

/// Where a procurement milestone falls: `offset` working days from the
/// first (`atStart`) or last working day of a step, for some methods.
public struct MilestoneRule: Hashable, Sendable {
  public var kind: ProposalMilestone
  public var step: String
  public var atStart: Bool
  public var offset: Int
  public var methods: Set<ProcurementMethod>
}

/// The 40-step PMO checklist in its 18 groups.
public struct StepTemplate: Sendable {
  public var groups: [StepGroup]
  /// In template order.
  public var steps: [StepDefinition]
  /// Procurement milestones, in the officer's order.
  public var milestones: [MilestoneRule] = []

  public func step(_ id: String) -> StepDefinition? { steps.first { $0.id == id } }

  public func group(_ number: Int) -> StepGroup? { groups.first { $0.number == number } }

  public func steps(with role: StepRole) -> [StepDefinition] { steps.filter { $0.role == role } }
}

/// Reference data shared by every plan.
public struct Catalog: Sendable {
  public var areas: [Area]
  public var template: StepTemplate
  public var calendar: WorkingCalendar

  public func area(_ id: String) -> Area? { areas.first { $0.id == id } }

  /// The area a name refers to: an id, a Japanese name or an alias, compared
  /// after NFKC-like width folding and without spaces.
  public func resolveArea(_ text: String) -> Area? {
    if let area = area(text) { return area }
    let key = NameKey.normalize(text)
    return areas.first { area in
      NameKey.normalize(area.name) == key || area.aliases.contains { NameKey.normalize($0) == key }
        || NameKey.normalize(area.englishName) == key
    }
  }

  /// A close id or alias for a misspelled area, for "did you mean".
  public func suggestArea(for text: String) -> String? {
    var best: (String, Int)?
    for area in areas {
      for candidate in [area.id, area.name] + area.aliases {
        let distance = NameKey.editDistance(text, candidate)
        let limit = max(1, candidate.count / 3)
        if distance <= limit, best.map({ distance < $0.1 }) ?? true {
          best = (area.id, distance)
        }
      }
    }
    return best?.0
  }
}
