/// A step's status as the PMO tool reports it.
public enum StepStatus: String, Sendable, CaseIterable {
  /// 完了済み
  case done
  /// 作業中
  case inProgress = "in-progress"
  /// 未着手
  case notStarted = "not-started"
  /// 対象外
  case notApplicable = "not-applicable"

  /// The PMO tool's word: 完了済み, 作業中, 未着手 or 対象外.
  public var japaneseName: String {
    switch self {
    case .done: "完了済み"
    case .inProgress: "作業中"
    case .notStarted: "未着手"
    case .notApplicable: "対象外"
    }
  }

  /// Accepts the English id or the PMO tool's Japanese word.
  public init?(text: String) {
    if let status = StepStatus(rawValue: text) {
      self = status
      return
    }
    guard let status = Self.allCases.first(where: { $0.japaneseName == text }) else { return nil }
    self = status
  }

  /// Counts toward the official completion rate.
  public var countsAsComplete: Bool { self == .done || self == .notApplicable }
}

/// Where a procurement stands.
public enum ProcurementStatus: String, Sendable, CaseIterable {
  /// Not yet run (プロポーザルを実施予定; a negotiated contract not yet signed).
  case planned
  /// Selection done (プロポーザル実施済み).
  case done
}

/// A vendor as the plan knows it.
public struct PlanVendor: Hashable, Sendable, Identifiable {
  /// The vendor's id in the plan.
  public var id: String
  /// The official name (富士通Japan株式会社).
  public var name: String
  /// Migrations the vendor can run at once for this municipality's systems,
  /// when the plan states it (spec sheets give it per product otherwise).
  public var capacity: Int?
  /// The capacity is an assumption (an import default), not a fact.
  public var capacityAssumed: Bool = false
  /// Where the plan declares it.
  public var location: SourceLocation
}

/// The recorded state of one of the 40 steps of a system.
public struct StepRecord: Hashable, Sendable {
  /// The template step's id.
  public var step: String
  /// Done, in progress, not started or not applicable.
  public var status: StepStatus
  /// Recorded (or, where the source gives none, assumed) first working day.
  public var start: CivilDate?
  /// Recorded or expected day after the last working day (exclusive).
  public var end: CivilDate?
  /// The dates are assumptions (laid by `import` or a PMO sheet), not records.
  public var datesAssumed: Bool = false
  /// Where the plan records it.
  public var location: SourceLocation

  /// A step's record.
  public init(
    step: String, status: StepStatus, start: CivilDate?, end: CivilDate?,
    datesAssumed: Bool = false, location: SourceLocation
  ) {
    self.step = step
    self.status = status
    self.start = start
    self.end = end
    self.datesAssumed = datesAssumed
    self.location = location
  }
}

/// A dated procurement milestone (公告, 提案書提出期限 …) the plan records.
public struct MilestoneRecord: Hashable, Sendable {
  /// 公告, 締切, 選定 or 契約.
  public var kind: ProposalMilestone
  /// Its date.
  public var date: CivilDate
  /// Where the plan records it.
  public var location: SourceLocation
}

/// The procurement officer's milestones of a proposal, in order.
public enum ProposalMilestone: String, Sendable, CaseIterable {
  case notice = "公告"
  case questionDeadline = "質問受付期限"
  case questionAnswers = "質問回答"
  case applicationDeadline = "参加申込期限"
  case eligibilityNotice = "参加資格確認通知"
  case proposalDeadline = "提案書提出期限"
  case presentation = "プレゼンテーション"
  case evaluationCommittee = "評価委員会"
  case resultNotice = "審査結果通知"
  case contract = "契約"

  /// The milestone in English.
  public var englishName: String {
    switch self {
    case .notice: "notice"
    case .questionDeadline: "questions due"
    case .questionAnswers: "answers to questions"
    case .applicationDeadline: "applications due"
    case .eligibilityNotice: "eligibility notice"
    case .proposalDeadline: "proposals due"
    case .presentation: "presentation"
    case .evaluationCommittee: "evaluation committee"
    case .resultNotice: "result notice"
    case .contract: "contract"
    }
  }
}

/// When a system's budget is available.
public struct BudgetRecord: Hashable, Sendable {
  /// The fiscal year in which the budget was (or will be) requested: it is
  /// available from 1 April of the next one.
  public var requestedIn: FiscalYear?
  /// A supplementary budget makes it available from this date instead.
  public var supplementary: CivilDate?
  /// Where the plan records it.
  public var location: SourceLocation

  /// The first day the budget can be spent, when the plan fixes it.
  public var availableFrom: CivilDate? {
    let regular = requestedIn.map { $0.next.firstDay }
    switch (regular, supplementary) {
    case (let r?, let s?): return min(r, s)
    case (let r?, nil): return r
    case (nil, let s?): return s
    case (nil, nil): return nil
    }
  }
}

/// One of the municipality's systems (業務システム): it serves one or more
/// areas and is procured and migrated as a unit.
public struct LocalSystem: Hashable, Sendable, Identifiable {
  /// The system's id.
  public var id: String
  /// The system's name.
  public var name: String
  /// Catalog area ids, in plan order.
  public var areas: [String]
  /// Vendors that answered the RFI (possible bidders), by plan vendor id.
  public var respondents: [String]
  /// The contracted vendor, or the one expected to win.
  public var vendor: String?
  /// The vendor's product (spec-sheet product id), when known.
  public var product: String?
  /// 随意契約, プロポーザル or 一般競争入札.
  public var procurement: ProcurementMethod
  /// Planned, or selection done.
  public var procurementStatus: ProcurementStatus
  /// A later deadline (特定移行支援システム) for this system.
  public var tokuteiDeadline: CivilDate?
  /// Listed as 特定移行支援 with no deadline yet (the official list gives
  /// none): planned against `FiscalYear.tokuteiAim` until one is set.
  public var tokuteiListed = false
  /// When its migration is budgeted, when recorded.
  public var budget: BudgetRecord?
  /// Recorded step states; steps not listed have not started.
  public var steps: [StepRecord]
  /// Procurement milestones recorded.
  public var milestones: [MilestoneRecord]
  /// Where the plan declares it.
  public var location: SourceLocation

  /// The record of `step`, if any.
  public func record(_ step: String) -> StepRecord? { steps.first { $0.step == step } }

  /// The status of `step` (not started when unrecorded).
  public func status(of step: String) -> StepStatus { record(step)?.status ?? .notStarted }

  /// The vendor expected to carry the migration, by plan vendor id: the
  /// contracted one, else the first RFI respondent until a proposal is
  /// decided; nil when the system has neither (`no-vendor`).
  public var expectedVendor: String? { vendor ?? respondents.first }

  /// Declared 特定移行支援, with a deadline or listed without one.
  public var isTokutei: Bool { tokuteiDeadline != nil || tokuteiListed }
}

/// A cross-system constraint the plan declares: `system` goes live no
/// earlier than `after`.
public struct GoLiveLink: Hashable, Sendable {
  /// The system that waits.
  public var system: String
  /// The system it waits for.
  public var after: String
  /// Where the plan declares the link.
  public var location: SourceLocation
}

/// One municipality's migration plan.
public struct Plan: Sendable {
  /// The municipality's name.
  public var municipality: String
  /// Its prefecture, when given.
  public var prefecture: String?
  /// 全国地方公共団体コード, when given.
  public var code: String?
  /// The date the recorded statuses describe.
  public var asOf: CivilDate
  /// The common deadline (令和7年度末).
  public var deadline: CivilDate
  /// Slack below which a system is at risk, in calendar days.
  public var atRiskDays: Int
  /// How many staff-side steps the IT division can run at once.
  public var staffCapacity: Int
  /// The staff capacity is an assumption (an import default), not a fact.
  public var staffCapacityAssumed: Bool = false
  /// Scales the template's duration of every step still to do (1: as the
  /// template says). A portfolio's calibrated pace (`durationScale` in
  /// portfolio.xml); a plan file has none.
  public var durationScale: Double = 1
  /// Whether the catalog's go-live blackouts hold (`blackouts="ignore"` in
  /// portfolio.xml turns them off for a modelled portfolio; a plan file
  /// always keeps them).
  public var blackoutsHold = true
  /// The day progress was last recorded (`migplan record`), when it was.
  public var recorded: CivilDate?
  /// The catalog areas the municipality runs, in plan order.
  public var areas: [String]
  /// The vendors the plan names.
  public var vendors: [PlanVendor]
  /// Its systems, in plan order.
  public var systems: [LocalSystem]
  /// Go-live links the plan declares.
  public var goLiveLinks: [GoLiveLink]
  /// The DX initiatives tracked beside the migration (empty when none).
  public var kpis: [KPIInitiative] = []
  /// Where the plan's root element is.
  public var location: SourceLocation
  /// The schedule last accepted (`committed.xml`), fitted to the plan;
  /// nil when it has none or it cannot be used (the plan is then searched).
  public var committed: CommittedSchedule? = nil

  /// The vendor with plan id `id`.
  public func vendor(_ id: String) -> PlanVendor? { vendors.first { $0.id == id } }

  /// The same plan looked at from a later day: its recorded facts stay, and
  /// everything not recorded done is planned from `day` on.
  /// - Precondition: `day` is not before `asOf`.
  public func replanned(from day: CivilDate) -> Plan {
    precondition(day >= asOf, "facts after \(day.iso) are already recorded")
    var plan = self
    plan.asOf = day
    return plan
  }

  /// The system with `id`.
  public func system(_ id: String) -> LocalSystem? { systems.first { $0.id == id } }

  /// The deadline that applies to a system.
  public func deadline(for system: LocalSystem) -> CivilDate {
    system.tokuteiDeadline ?? (system.tokuteiListed ? FiscalYear.tokuteiAim : deadline)
  }

  /// Systems serving an area, in plan order.
  public func systems(serving area: String) -> [LocalSystem] {
    systems.filter { $0.areas.contains(area) }
  }
}
