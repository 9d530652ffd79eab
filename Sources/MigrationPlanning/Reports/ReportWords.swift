/// The message table: every word migplan's text, HTML and `--lang ja`
/// CSV output shows, in Japanese and in English side by side. Reports ask
/// it for words (`status`, `term`, headers, titles, summaries) and never
/// spell one themselves, so an output is in one language, never in two.
/// Names from the data (municipalities, systems, vendors) are shown as
/// they are; diagnostics are in English, as a compiler's are.
public struct ReportWords: Sendable {
  /// The report's language.
  public enum Language: String, Sendable, CaseIterable {
    case ja, en
  }

  /// The language of every word.
  public var language: Language
  /// Vendors' official names by id, for the causes' words (`vendor:tkc`
  /// is said 株式会社TKC); a report that knows its plans sets them.
  public var vendorNames: [String: String] = [:]

  /// The words of `language`.
  public init(_ language: Language) { self.language = language }

  /// Vendors' official names by id in `plans`, the first declaration
  /// of an id winning: what `vendorNames` is set to for their reports.
  public static func vendorNames(in plans: [Plan]) -> [String: String] {
    var names: [String: String] = [:]
    for plan in plans {
      for vendor in plan.vendors where names[vendor.id] == nil { names[vendor.id] = vendor.name }
    }
    return names
  }

  /// The word of this language.
  public func pick(_ ja: String, _ en: String) -> String { language == .ja ? ja : en }

  /// A coded word (a procurement method, a cause, a requirement class …)
  /// in this language.
  public func term(_ term: ReportTerm) -> String {
    switch term {
    case .method(let method):
      switch method {
      case .negotiated: pick("随意契約", "negotiated")
      case .proposal: pick("プロポーザル", "proposal")
      case .openTender: pick("一般競争入札", "open tender")
      }
    case .procurement(let status):
      switch status {
      case .planned: pick("予定", "planned")
      case .done: pick("選定済み", "selected")
      case .contracted: pick("契約済み", "contracted")
      }
    case .milestone(let milestone): language == .ja ? milestone.rawValue : milestone.englishName
    case .source(let source):
      switch source {
      case .recorded: pick("記録", "recorded")
      case .planned: pick("予定", "planned")
      }
    case .cause(let code): cause(code)
    case .requirementKind(let kind):
      switch kind {
      case .function: pick("機能", "function")
      case .form: pick("帳票", "form")
      }
    case .requirementClass(let requirementClass):
      switch requirementClass {
      case .mandatory: pick("実装必須", "mandatory")
      case .optional: pick("標準オプション", "optional")
      case .prohibited: pick("実装不可", "prohibited")
      }
    case .taskStatus(let status):
      switch status {
      case .done: pick("完了", "done")
      case .inProgress: pick("作業中", "in progress")
      case .planned: pick("予定", "planned")
      case .notApplicable: pick("対象外", "not applicable")
      }
    }
  }

  /// A binding cause by its code (`resource:staff`, `blackout`, …); a
  /// vendor's capacity by the given names, else by `vendorNames`.
  public func cause(_ code: String, vendorNames names: [String: String]? = nil) -> String {
    if code.hasPrefix("resource:") {
      let id = resourceName(
        String(code.dropFirst("resource:".count)), vendorNames: names ?? vendorNames)
      return ResourceKey.isStaff(String(code.dropFirst("resource:".count)))
        ? pick("職員の容量", "staff capacity") : pick("\(id) の容量", "\(id) capacity")
    }
    switch code {
    case "as-of": return pick("基準日からの残作業", "remaining work from the as-of date")
    case "recorded": return pick("実績・作業中", "recorded progress")
    case "predecessor": return pick("先行工程", "predecessor")
    case "budget": return pick("予算", "budget")
    case "vendor-start": return pick("ベンダ着手可能日", "vendor's earliest start")
    case "blackout": return pick("切替禁止期間", "go-live blackout")
    case "": return ""
    default: return code
    }
  }

  /// A vendor resource (`vendor:ID` or `vendor:ID/PRODUCT`) by the
  /// vendor's official name when `vendorNames` knows its id
  /// (`富士通Japan株式会社 (fj-zeimu)`); any other resource as it is.
  public func resourceName(_ id: String, vendorNames: [String: String]) -> String {
    guard let key = ResourceKey(id: id), let vendor = key.vendorId, let name = vendorNames[vendor]
    else { return id }
    return key.productId.map { "\(name) (\($0))" } ?? name
  }

  /// Yes or no.
  public func flag(_ value: Bool) -> String { value ? pick("はい", "yes") : pick("いいえ", "no") }

  /// `R7年度` or `FY2025` after a date: `2026-03-31 (R7年度)`.
  public func asOfLine(_ date: CivilDate) -> String { "\(asOf) \(dated(date))" }

  /// A count of systems by status: `完了 0・予定通り 17・要注意 0・遅延 0`.
  public func statusCounts(_ count: (MigrationStatus) -> Int) -> String {
    MigrationStatus.allCases.map { "\(status($0)) \(NumberStyle.number(Double(count($0))))" }
      .joined(separator: pick("・", ", "))
  }

  /// The status of a system or an area.
  public func status(_ status: MigrationStatus) -> String {
    switch status {
    case .done: pick("完了", "done")
    case .onTrack: pick("予定通り", "on track")
    case .atRisk: pick("要注意", "at risk")
    case .late: pick("遅延", "late")
    }
  }

  /// The state of a bar in the chart (`done`, `progress`, `planned`).
  func barState(_ state: String) -> String {
    switch state {
    case "done": pick("完了", "done")
    case "assumed": assumedDates
    case "progress": pick("作業中", "in progress")
    default: pick("予定", "planned")
    }
  }

  /// `R7年度` or `FY2025`.
  public func fiscalYear(_ year: FiscalYear) -> String {
    language == .ja ? year.japaneseLabel : year.description
  }

  /// A date with its fiscal year: `2026-03-31 (R7年度)`.
  public func dated(_ date: CivilDate) -> String {
    "\(date.iso) (\(fiscalYear(date.fiscalYear)))"
  }

  /// A column's header: the Japanese one, or the English one (the key
  /// made readable when the column names none).
  public func header(_ column: ReportColumn) -> String {
    guard language == .en else { return column.header }
    if let english = column.english { return english }
    var words = ""
    for character in column.key {
      if character == "_" {
        words.append(" ")
      } else if character.isUppercase {
        words += " " + character.lowercased()
      } else {
        words.append(character)
      }
    }
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  /// The note under a table that could not show every column: which
  /// ones, and the `--width` that shows them all.
  public func droppedColumns(_ headers: [String], width: Int) -> String {
    pick(
      "(省略した列: \(headers.joined(separator: "・")) — --width \(width) で全列)",
      "(columns left out: \(headers.joined(separator: ", ")) — --width \(width) shows all)")
  }

  /// The line that counts warnings a command does not print: how many,
  /// their ids, and the `check` that prints them.
  public func warningSummary(count: Int, kinds: [String], check: String) -> String {
    pick(
      "警告 \(count)件 (\(kinds.joined(separator: ", "))): 詳細は \(check)",
      "\(count) warning\(count == 1 ? "" : "s") (\(kinds.joined(separator: ", "))): run \(check)")
  }

  /// Joins a list in text.
  var listSeparator: String { pick("・", ", ") }

  // MARK: Sentences of the text outputs

  /// An area's name: the catalog's Japanese or English one.
  public func areaName(_ id: String, catalog: Catalog) -> String {
    guard let area = catalog.area(id) else { return id }
    return language == .ja || area.englishName.isEmpty ? area.name : area.englishName
  }

  /// `基準計画 R6-10 (2024-10-31)`.
  func baselineNamed(_ baseline: Baseline) -> String {
    "\(pick("基準計画", "baseline")) \(baseline.name) (\(baseline.asOf.iso))"
  }

  /// The schedule's last line: `17システム: 完了 0・予定通り 17・要注意 0・遅延 0`.
  func systemsSummary(_ systems: Int, _ counts: String) -> String {
    pick("\(NumberStyle.count(systems))システム: ", "\(NumberStyle.count(systems)) systems: ") + counts
  }

  /// An assumed capacity and where to set it.
  func assumedCapacity(_ resource: ScheduleResource) -> String {
    let option = ResourceKey.isStaff(resource.id) ? "--staff" : "--vendor-capacity"
    return pick(
      "\(resource.capacity), 取込時の仮定: record \(option) で指定",
      "\(resource.capacity), assumed on import: set with record \(option)")
  }

  /// Names the systems bound by an assumed capacity.
  func assumptionNote(_ names: [String], _ resource: ScheduleResource) -> String {
    let option = ResourceKey.isStaff(resource.id) ? "--staff" : "--vendor-capacity"
    return pick(
      "注: \(names.joined(separator: "・")) の律速は \(cause("resource:" + resource.id)) "
        + "\(resource.capacity)、取込時の仮定の値です (migplan record \(option) で実際の値を記録)",
      "Note: \(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") bound by "
        + "\(cause("resource:" + resource.id)) \(resource.capacity), a value assumed on import "
        + "(record the real one with migplan record \(option))")
  }

  /// The standardisation initiative's progress, as the KPI table shows it.
  func standardizationProgress(_ figures: StandardizationFigures) -> String {
    let official = NumberStyle.percent(figures.officialRate)
    let weighted = NumberStyle.percent(figures.effortWeightedRate)
    return pick(
      "移行済み \(figures.areasMigrated)/\(figures.areas.count)事務; \(figures.systemCount)システム中 "
        + "予定通り\(figures.onTrack + figures.systemsDone)・要注意\(figures.atRisk)・遅延\(figures.late); "
        + "PMO進捗率 \(official) (工数加重 \(weighted))",
      "migrated \(figures.areasMigrated)/\(figures.areas.count) areas; of \(figures.systemCount) systems "
        + "on track \(figures.onTrack + figures.systemsDone), at risk \(figures.atRisk), "
        + "late \(figures.late); PMO rate \(official) (effort-weighted \(weighted))")
  }

  /// `check`'s one line: `問題なし: plans/shinagawa (カタログ catalog): エラー 0件・警告 0件`.
  public func checkSummary(
    passed: Bool, plan: String, catalog: String, errors: Int, warnings: Int
  ) -> String {
    pick(
      "\(passed ? "問題なし" : "問題あり"): \(plan) (カタログ \(catalog)): "
        + "エラー \(NumberStyle.count(errors))件・警告 \(NumberStyle.count(warnings))件",
      "\(passed ? "ok" : "failed"): \(plan) against \(catalog): "
        + "\(NumberStyle.count(errors)) error\(errors == 1 ? "" : "s"), "
        + "\(NumberStyle.count(warnings)) warning\(warnings == 1 ? "" : "s")")
  }

  /// `baseline save`'s line.
  public func baselineSaved(_ path: String, systems: Int, asOf: CivilDate) -> String {
    pick(
      "保存しました \(path): \(asOf.iso) 時点の計画、\(NumberStyle.count(systems))システム",
      "saved \(path): \(NumberStyle.count(systems)) systems as planned on \(asOf.iso)")
  }

  /// `baseline list` with none.
  public func noBaselines(_ directory: String) -> String {
    pick(
      "\(directory) に基準計画はありません: migplan baseline save NAME で保存します",
      "no baselines in \(directory): save one with 'migplan baseline save NAME'")
  }

  /// `record`'s line: what it wrote where, and on which day.
  public func recorded(
    _ file: String, steps: Int, asOf: CivilDate?, staff: Int?, vendorCapacities: Int,
    tokutei: Bool, on day: CivilDate
  ) -> String {
    var parts = [pick("\(NumberStyle.count(steps))工程", "\(steps) step\(steps == 1 ? "" : "s")")]
    if let asOf { parts.append(pick("基準日 \(asOf.iso)", "as of \(asOf.iso)")) }
    if let staff { parts.append(pick("職員の容量 \(staff)", "staff \(staff)")) }
    if vendorCapacities > 0 {
      parts.append(
        pick(
          "ベンダの容量 \(vendorCapacities)件",
          "\(vendorCapacities) vendor capacit\(vendorCapacities == 1 ? "y" : "ies")"))
    }
    if tokutei { parts.append(pick("特定移行支援の期限", "特定移行支援 deadline")) }
    return pick(
      "記録しました \(file): \(parts.joined(separator: "、")) (記録日 \(day.iso))",
      "recorded in \(file): \(parts.joined(separator: ", ")); recorded \(day.iso)")
  }

  /// `import`'s line.
  public func imported(_ file: String, areas: Int, systems: Int, vendors: Int) -> String {
    pick(
      "作成しました \(file): \(areas)事務、\(systems)システム、ベンダ \(vendors)社",
      "wrote \(file): \(areas) areas, \(systems) systems, \(vendors) vendors")
  }

  /// The note under a chart that shows only part of its period.
  public func ganttWindow(
    shown: (from: CivilDate, to: CivilDate), whole: (CivilDate, CivilDate)
  ) -> String {
    let last = shown.to.adding(days: -1)
    return pick(
      "注: 全期間 \(whole.0.iso)〜\(whole.1.adding(days: -1).iso) は幅に入らないため、"
        + "基準日を含む \(shown.from.iso)〜\(last.iso) を表示しています "
        + "(--from と --to で期間を、--width で幅を指定できます)",
      "Note: the whole period \(whole.0.iso) to \(whole.1.adding(days: -1).iso) does not fit; "
        + "showing \(shown.from.iso) to \(last.iso), from the as-of date "
        + "(choose the period with --from and --to, the width with --width)")
  }

  var proposalsTitle: String { pick("未契約の調達", "pending procurements") }
  var noProposals: String { pick("未契約の調達はありません。", "No procurement is pending.") }

  /// `次: 公告 2024-02-20 (あと 13 営業日)`, or `次: なし`.
  func nextMilestone(_ next: (ProposalReport.Milestone, Int)?) -> String {
    guard let (milestone, days) = next else { return pick("次: なし", "Next: none") }
    return pick(
      "次: \(milestone.kind.rawValue) \(milestone.date.iso) (あと \(NumberStyle.count(days)) 営業日)",
      "Next: \(milestone.kind.englishName) \(milestone.date.iso) "
        + "(\(NumberStyle.count(days)) working days left)")
  }

  /// Whether the contract comes in time for the go-live.
  func contractVerdict(_ entry: ProposalReport.Entry) -> String {
    let verdict =
      entry.contractInTime
      ? pick("契約は間に合う", "the contract comes in time")
      : pick("契約が遅い: 期限に間に合わない", "the contract is late: the deadline will be missed")
    return "\(pick("運用開始", "Go-live")) \(entry.goLive.iso) / \(pick("期限", "deadline")) "
      + "\(entry.deadline.iso): \(verdict) (\(status(entry.status)))"
  }

  var ganttTitle: String { pick("移行スケジュール (システム別)", "Migration schedule, by system") }
  var goLive: String { pick("運用開始", "go-live") }
  var baselineGoLive: String { pick("基準計画の運用開始", "baseline go-live") }
  var tokuteiDeadline: String { pick("特定移行支援の期限", "特定移行支援 deadline") }
  var asOf: String { pick("基準日", "as of") }
  var deadline: String { pick("期限", "deadline") }
  /// Work done on dates an import or a PMO sheet assumed.
  var assumedDates: String { pick("完了 (日付は仮定)", "done (dates assumed)") }

  /// The legend of a deadline after the chart's end: `dates` are the
  /// deadlines marked at the edge.
  func deadlineBeyond(_ dates: [String]) -> String {
    let shown = dates.count > 3 ? dates.prefix(3) + ["…"] : dates[...]
    return pick(
      "期限は右端より後 (\(shown.joined(separator: "・")))",
      "deadline after the chart's end (\(shown.joined(separator: ", ")))")
  }
}

/// A word stored as a code: JSON and machine CSV carry `code`; text and
/// `--lang ja` CSV show `ReportWords.term`.
public enum ReportTerm: Sendable, Hashable {
  case method(ProcurementMethod)
  case procurement(ProcurementState)
  case milestone(ProposalMilestone)
  case source(ProposalReport.Source)
  /// A binding cause's code (`resource:staff`, `blackout`, `recorded` …).
  case cause(String)
  case requirementKind(RequirementKind)
  case requirementClass(RequirementClass)
  case taskStatus(TaskStatus)

  /// The code machine outputs carry.
  public var code: String {
    switch self {
    case .method(let method): method.rawValue
    case .procurement(let state): state.rawValue
    case .milestone(let milestone): milestone.rawValue
    case .source(let source): source.rawValue
    case .cause(let code): code
    case .requirementKind(let kind): kind.rawValue
    case .requirementClass(let requirementClass): requirementClass.rawValue
    case .taskStatus(let status): status.rawValue
    }
  }
}

/// Where a system's procurement stands: not yet run, selection done, or
/// contracted (the contract step is done).
public enum ProcurementState: String, Sendable, CaseIterable {
  case planned, done, contracted
}
