/// One of the 20 standardized business areas (標準化対象事務).
public struct Area: Hashable, Sendable, Identifiable {
  /// The area's id (jumin-kiroku).
  public var id: String
  /// Japanese name (住民基本台帳).
  public var name: String
  /// Its English name.
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
  /// Where the catalog declares it.
  public var location: SourceLocation

  /// An area of the catalog.
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
  /// The days of the year.
  public var range: MonthDayRange
  /// Why (住民異動の繁忙期).
  public var reason: String
}

/// Who does a step: the municipality's staff, the vendor, or both.
public enum Performer: String, Sendable, CaseIterable {
  case staff, vendor, both

  /// Whether the municipality's staff work on the step.
  public var usesStaff: Bool { self != .vendor }
  /// Whether the vendor works on the step.
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

  /// 随意契約, プロポーザル or 一般競争入札.
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
  /// The predecessor step's id.
  public var step: String
  /// Finish-to-start or start-to-start.
  public var type: LinkType
  /// Working days after the predecessor's finish (FS) or start (SS).
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
  /// The step's id (13.1).
  public var id: String
  /// Its group's number (13).
  public var group: Int
  /// Its name, as the PMO tool has it.
  public var name: String
  /// Who works on it: staff, vendor or both.
  public var performer: Performer
  /// Working days by default.
  public var duration: Int
  /// Working days for a procurement method, when it differs (0: skipped).
  public var durationByMethod: [ProcurementMethod: Int]
  /// Its links to steps of the same system.
  public var predecessors: [StepLink]
  /// Its role, for the steps the scheduler treats apart.
  public var role: StepRole?
  /// Where the template declares it.
  public var location: SourceLocation

  /// Working days the step takes under `method`.
  public func duration(for method: ProcurementMethod) -> Int {
    durationByMethod[method] ?? duration
  }
}

/// A group of the checklist (1 推進体制 … 18 運用開始).
public struct StepGroup: Hashable, Sendable {
  /// The group's number.
  public var number: Int
  /// Its name.
  public var name: String
  /// A step's duration in a forecast sample is drawn from a triangular
  /// distribution from `durationLow` to `durationHigh` times the template's
  /// duration, most likely 1 (`migplan forecast`); 1 and 1 when the catalog
  /// gives no spread.
  public var durationLow: Double = 1
  /// See `durationLow`.
  public var durationHigh: Double = 1
}

/// Where a procurement milestone falls: `offset` working days from the
/// first (`atStart`) or last working day of a step, for some methods.
public struct MilestoneRule: Hashable, Sendable {
  /// 公告, 締切, 選定 or 契約.
  public var kind: ProposalMilestone
  /// The step that carries it.
  public var step: String
  /// At the step's start (else at its end).
  public var atStart: Bool
  /// Working days from that point.
  public var offset: Int
  /// The procurement methods it applies to.
  public var methods: Set<ProcurementMethod>
}

/// The 40-step PMO checklist in its 18 groups.
public struct StepTemplate: Sendable {
  /// The step groups, in order.
  public var groups: [StepGroup]
  /// In template order.
  public var steps: [StepDefinition]
  /// Procurement milestones, in the officer's order.
  public var milestones: [MilestoneRule] = []
  /// σ of the lognormal delay factor (median 1) a forecast sample draws
  /// per vendor, shared by all of that vendor's steps (0: none).
  public var vendorDelaySigma: Double = 0

  /// The step with `id`.
  public func step(_ id: String) -> StepDefinition? { steps.first { $0.id == id } }

  /// The group with `number`.
  public func group(_ number: Int) -> StepGroup? { groups.first { $0.number == number } }

  /// The steps with `role`, in template order.
  public func steps(with role: StepRole) -> [StepDefinition] { steps.filter { $0.role == role } }
}

/// Reference data shared by every plan.
public struct Catalog: Sendable {
  /// Every area, in catalog order.
  public var areas: [Area]
  /// The 40 PMO steps.
  public var template: StepTemplate
  /// Working days and holidays.
  public var calendar: WorkingCalendar

  /// The area with `id`.
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
