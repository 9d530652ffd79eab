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
  /// Whether `term(.area)` names an area (text, HTML, the workbook) or
  /// gives its id (CSV, whose 事務 column a reviewer filters on, in
  /// either language).
  public var namesAreas = true

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
    case .move(let cause, let names): moveChain(cause, names: names)
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
    case .area(let area):
      !namesAreas
        ? area.id
        : language == .ja || area.englishName.isEmpty ? area.name : area.englishName
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

  /// When a KPI was measured: `令和5年度 (2024-01-31)`, `FY2023 (2024-01-31)`.
  public func measuredIn(_ date: CivilDate) -> String {
    let year = date.fiscalYear
    let label =
      language == .ja
      ? (year.reiwa.map { "令和\($0)年度" }
        ?? ((1989...2018).contains(year.startYear) ? year.fullJapaneseLabel : year.description))
      : year.description
    return "\(label) (\(date.iso))"
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

  /// An area's name: the catalog's Japanese or English one (the Japanese
  /// one when the catalog has no English name, the id when it has no area).
  public func areaName(_ id: String, catalog: Catalog) -> String {
    term(.area(AreaName(id, catalog: catalog)))
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
    tokutei: Bool, tokuteiMarks: Bool = false, on day: CivilDate
  ) -> String {
    var parts: [String] = []
    // The steps' count, unless the record set something else alone.
    if steps > 0 || (asOf == nil && staff == nil && vendorCapacities == 0 && !tokutei) {
      parts.append(pick("\(NumberStyle.count(steps))工程", "\(steps) step\(steps == 1 ? "" : "s")"))
    }
    if let asOf { parts.append(pick("基準日 \(asOf.iso)", "as of \(asOf.iso)")) }
    if let staff { parts.append(pick("職員の容量 \(staff)", "staff \(staff)")) }
    if vendorCapacities > 0 {
      parts.append(
        pick(
          "ベンダの容量 \(vendorCapacities)件",
          "\(vendorCapacities) vendor capacit\(vendorCapacities == 1 ? "y" : "ies")"))
    }
    if tokutei && !tokuteiMarks { parts.append(pick("特定移行支援の期限", "特定移行支援 deadline")) }
    if tokutei && tokuteiMarks { parts.append(pick("特定移行支援の指定", "特定移行支援 marks")) }
    return pick(
      "記録しました \(file): \(parts.joined(separator: "、")) (記録日 \(day.iso))",
      "recorded in \(file): \(parts.joined(separator: ", ")); recorded \(day.iso)")
  }

  // MARK: Running costs

  /// A cost item's name, as the Digital Agency's verification names it.
  public func costItem(_ item: CostItem) -> String {
    switch item {
    case .systemOperation: pick("システム運用作業", "system operation")
    case .hardwareMaintenance: pick("ハードウェア保守作業", "hardware maintenance")
    case .otherOutsourcing: pick("その他外部委託費", "other outsourcing")
    case .hardwareSoftware: pick("ハードウェア・ソフトウェア借料・保守", "hardware and software")
    case .dataCenter: pick("データセンター", "data centre")
    case .network: pick("通信回線", "network")
    case .cloud: pick("クラウド利用料 (ガバメントクラウド)", "cloud (Government Cloud)")
    }
  }

  /// The FY2018 row's mark.
  public var reference: String { pick("基準", "reference") }

  /// A total row's name.
  public var total: String { pick("合計", "total") }

  /// `costs`' first line.
  public func costsTitle(_ municipality: String, asOf: CivilDate, rate: ExchangeRate?) -> String {
    pick(
      "\(municipality)  運用経費 (円)  \(asOfLine(asOf))"
        + (rate.map { "  為替 ¥\($0)/$" } ?? ""),
      "\(municipality)  running costs (yen)  \(asOfLine(asOf))"
        + (rate.map { "  rate ¥\($0)/$" } ?? ""))
  }

  /// `costs PATH…`'s first line, and the heading of `portfolio`'s costs
  /// (no date: the portfolio's title has it).
  public func portfolioCostsTitle(bodies: Int, of plans: Int, asOf: CivilDate?, rate: ExchangeRate?)
    -> String
  {
    let count = NumberStyle.count(bodies)
    let all = NumberStyle.count(plans)
    return pick(
      "運用経費 (円)  \(count)団体" + (bodies == plans ? "" : " (\(all)団体のうち costs.xml のある団体)")
        + (asOf.map { "  \(asOfLine($0))" } ?? "")
        + (rate.map { "  為替 ¥\($0)/$" } ?? "  為替: 各団体の costs.xml"),
      "Running costs (yen)  \(count) " + (bodies == 1 ? "body" : "bodies")
        + (bodies == plans ? "" : " (of \(all), those with costs.xml)")
        + (asOf.map { "  \(asOfLine($0))" } ?? "")
        + (rate.map { "  rate ¥\($0)/$" } ?? "  rate: each body's costs.xml"))
  }

  /// The line over several bodies when some of their figures are
  /// illustrative.
  public func costsIllustrativeBodies(_ names: [String]) -> String {
    let list =
      names.prefix(5).joined(separator: pick("、", ", "))
      + (names.count > 5 ? pick(" ほか\(names.count - 5)団体", " and \(names.count - 5) more") : "")
    return pick(
      "例示を含む: \(list)の金額は団体の実績ではありません",
      "illustrative (例示) figures included: those of \(list) are not the bodies' own")
  }

  /// The mark of a body whose figures are illustrative.
  public var illustrativeMark: String { pick("例示", "illustrative") }

  /// The page's note of the rate the cloud fees are in.
  public func costsRate(_ rate: ExchangeRate) -> String {
    pick(
      "為替 ¥\(rate)/$ (クラウド利用料のドル建て・再評価分に適用)",
      "rate ¥\(rate)/$ (for the cloud fees in dollars or re-priced)")
  }

  /// The line every output of illustrative figures carries.
  public func costsIllustrative(_ source: String?) -> String {
    pick(
      "例示: この金額は団体の実績ではありません" + (source.map { " (\($0))" } ?? ""),
      "illustrative (例示): these figures are not the body's own" + (source.map { " (\($0))" } ?? ""))
  }

  /// How ○/△/× are given.
  public var costRatingLegend: String {
    pick(
      "評価: ○ 2018年度より30%以上減 (10×合計 ≤ 7×2018年度)  △ 2018年度以下  × 2018年度超",
      "rating: ○ 30 % or more below FY2018 (10 × total ≤ 7 × FY2018)  △ at most FY2018  × above FY2018"
    )
  }

  /// The header of the slip's cost against a saved schedule.
  public func slipCostHeader(_ baseline: String?) -> String {
    pick(
      "遅れの費用" + (baseline.map { " (対 \($0))" } ?? ""),
      "slip cost" + (baseline.map { " (vs \($0))" } ?? ""))
  }

  /// The one-off migration costs.
  public func migrationCosts(cost: Int, subsidy: Int) -> String {
    pick(
      "移行経費 (一時): \(NumberStyle.count(cost)) 円、補助金 \(NumberStyle.count(subsidy)) 円、"
        + "団体負担 \(NumberStyle.count(cost - subsidy)) 円",
      "migration (one-off): \(NumberStyle.count(cost)) yen, subsidy \(NumberStyle.count(subsidy)) "
        + "yen, left to the body \(NumberStyle.count(cost - subsidy)) yen")
  }

  /// The page's costs section heading.
  public var costsHeading: String { pick("運用経費", "Running costs") }
  /// The chart's title.
  public var costChartTitle: String {
    pick("年度別の運用経費 (費目別、円)", "Running costs per fiscal year, by item (yen)")
  }
  /// The FY2018 line.
  public var costReferenceLine: String { pick("2018年度", "FY2018") }
  /// The −30 % line.
  public var costTargetLine: String { pick("−30%", "−30 %") }

  /// The running-cost initiative of `kpi`.
  public var runningCostInitiative: String { pick("運用経費の削減", "Running costs") }
  /// Its indicator.
  public var runningCostIndicator: String {
    pick("運用経費 (2018年度比)", "running costs against FY2018")
  }
  /// Its target.
  public var runningCostTarget: String {
    pick("2018年度比 30%以上削減", "at least 30 % below FY2018")
  }
  /// Its policy.
  public var runningCostPolicy: String {
    pick(
      "移行の遅れによる並行稼働を減らし、クラウド利用料を見直す (migplan costs)",
      "cut the parallel running of late systems, review cloud fees (migplan costs)")
  }
  /// Its progress: the year's total and its change against FY2018.
  public func runningCostProgress(
    _ year: FiscalYear, total: Int, change: Double, illustrative: Bool
  ) -> String {
    let sign = change > 0 ? "+" : ""
    return pick(
      "\(fiscalYear(year)) \(NumberStyle.count(total))円 (2018年度比 \(sign)\(NumberStyle.percent(change)))"
        + (illustrative ? " 例示" : ""),
      "\(fiscalYear(year)) \(NumberStyle.count(total)) yen (\(sign)\(NumberStyle.percent(change)) against FY2018)"
        + (illustrative ? " illustrative" : ""))
  }

  /// `record --cost-sheet`'s line.
  public func costsRecorded(_ file: String, systems: Int, figures: Int, illustrative: Bool)
    -> String
  {
    pick(
      "記録しました \(file): システム \(systems)、2018年度の金額 \(figures)件"
        + (illustrative ? " (例示)" : ""),
      "recorded in \(file): \(systems) systems, \(figures) FY2018 figures"
        + (illustrative ? " (illustrative)" : ""))
  }

  /// A plan without costs.xml.
  public func noCosts(_ directory: String) -> String {
    pick(
      "\(directory) に運用経費 (costs.xml) がありません: docs/reference/costs.md を参照",
      "\(directory) has no running costs (costs.xml): see docs/reference/costs.md")
  }

  /// PATHs none of which has costs.xml.
  public var noCostsInPaths: String {
    pick(
      "どの計画にも運用経費 (costs.xml) がありません: docs/reference/costs.md を参照",
      "none of the plans has running costs (costs.xml): see docs/reference/costs.md")
  }

  /// A record that changed nothing, and wrote nothing.
  public func unchanged(_ file: String) -> String {
    pick("変更はありません: \(file) はそのままです", "nothing changed: \(file) is as it was")
  }

  /// What `record --tokutei-list` changed: a line per kind, none when
  /// nothing did.
  public func tokuteiListed(marked: [String], unlisted: [String], cleared: Bool) -> String {
    var lines: [String] = []
    if !marked.isEmpty {
      lines.append(
        pick("特定移行支援にした", "marked 特定移行支援") + " (\(marked.count)): "
          + marked.joined(separator: pick("、", ", ")))
      lines.append(
        pick(
          "  期限は一覧にありません: 国の目標 \(FiscalYear.tokuteiAim.iso) (令和12年度末) で計画します。"
            + "決まったら migplan record SYSTEM --tokutei-deadline DATE",
          "  the list gives no deadline: planned against the national aim, "
            + "\(FiscalYear.tokuteiAim.iso) (end of FY2030); set each with "
            + "migplan record SYSTEM --tokutei-deadline DATE"))
    }
    if !unlisted.isEmpty {
      lines.append(
        (cleared
          ? pick("特定移行支援から外した", "unmarked")
          : pick("一覧にないが特定移行支援のまま", "not on the list, kept 特定移行支援"))
          + " (\(unlisted.count)): " + unlisted.joined(separator: pick("、", ", ")))
    }
    if lines.isEmpty {
      lines.append(pick("特定移行支援の印は一覧のとおりでした", "the 特定移行支援 marks already match the list"))
    }
    return lines.joined(separator: "\n") + "\n"
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

extension ReportWords {
  // MARK: The reviewer's page (`report`)

  /// The words of the HTML page's headings, labels and notes.
  public enum PageText: Sendable {
    case asOf, deadline, progressRecorded, baseline, systems, areasMigrated, pmoOfficial,
      pmoEffortWeighted, laterThanBaseline, summary, schedule, chartAsTable, bySystem, byArea,
      pendingProposals, noPendingProposals, kpi, footer, goLiveAfterDeadline, work, underWay, next,
      status, system, areas, method, nextMilestone, date, workingDaysLeft, contract, inTime,
      tooLate, unit, total, body, prefecture, tokutei, totals, byBody, vendorLoad, vendorLoadNote,
      binding, noBinding, cause, resource, capacity, peakLoad, peakQuarter, quartersOver,
      bodies, migrations, goLive, withinDeadline
  }

  /// A heading, label or note of the HTML page.
  public func page(_ text: PageText) -> String {
    switch text {
    case .asOf: pick("基準日", "As of")
    case .deadline: pick("期限", "Deadline")
    case .progressRecorded: pick("進捗の記録日", "Progress recorded")
    case .baseline: pick("基準計画", "Baseline")
    case .systems: pick("システム", "Systems")
    case .areasMigrated: pick("移行済みの事務", "Areas migrated")
    case .pmoOfficial: pick("PMO進捗率 (公式)", "PMO rate (official)")
    case .pmoEffortWeighted: pick("PMO進捗率 (工数加重)", "PMO rate (effort-weighted)")
    case .laterThanBaseline: pick("基準計画より遅れたシステム", "Systems later than the baseline")
    case .summary: pick("概要", "Summary")
    case .schedule: pick("移行スケジュール", "Migration schedule")
    case .chartAsTable:
      pick(
        "図の内容を表にしたもの (システムごとの作業期間、運用開始、期限、状態):",
        "The chart as a table (each system's work, go-live, deadline and status):")
    case .bySystem: pick("システム別の状況", "Status by system")
    case .byArea: pick("事務別の状況", "Status by area")
    case .pendingProposals: pick("未契約の調達", "Pending proposals")
    case .noPendingProposals: pick("未契約の調達はありません。", "No pending proposals.")
    case .kpi: pick("DX推進の取り組み (KPI)", "DX initiatives (KPIs)")
    case .footer:
      pick(
        "migplan が計画 (plan.xml) とカタログから作成。日付は記録と計画のもので、ファイルの更新日時ではありません。",
        "Made by migplan from the plan (plan.xml) and the catalog. Dates are the plan's records and schedule, never a file's modification time."
      )
    case .goLiveAfterDeadline: pick("運用開始 (期限後)", "go-live after the deadline")
    case .work: pick("作業期間", "Work")
    case .underWay: pick("作業中の工程", "Under way")
    case .next: pick("次の工程", "Next")
    case .status: pick("状態", "Status")
    case .system: pick("システム", "System")
    case .areas: pick("事務", "Areas")
    case .method: pick("調達方法", "Method")
    case .nextMilestone: pick("次のマイルストーン", "Next milestone")
    case .date: pick("日付", "Date")
    case .workingDaysLeft: pick("残り営業日", "Working days left")
    case .contract: pick("契約", "Contract")
    case .inTime: pick("間に合う", "in time")
    case .tooLate: pick("遅い", "too late")
    case .unit: pick("区分", "Unit")
    case .total: pick("計", "Total")
    case .body: pick("団体", "Body")
    case .prefecture: pick("都道府県", "Prefecture")
    case .tokutei: "特定移行支援"
    case .totals: pick("合計", "Totals")
    case .byBody: pick("団体別 (事務)", "By body (areas)")
    case .vendorLoad:
      pick("ベンダの負荷 (四半期ごと、容量に対して)", "Vendor load by quarter, against capacity")
    case .vendorLoadNote:
      pick(
        "棒: 四半期ごとの同時移行数の平均 (濃い色は容量超え)。破線: 容量。下の表は図の内容です。",
        "Bars: each quarter's average number of systems in migration (darker: over capacity). Dashed line: the capacity. The table below is the chart's content."
      )
    case .binding:
      pick("律速 (遅延・要注意のシステム、根本の制約別)", "What binds the late and at-risk systems")
    case .noBinding: pick("遅延・要注意のシステムはありません。", "No system is late or at risk.")
    case .cause: pick("制約", "Cause")
    case .resource: pick("資源", "Resource")
    case .capacity: pick("容量", "Capacity")
    case .peakLoad: pick("最大負荷", "Peak load")
    case .peakQuarter: pick("最大の四半期", "Peak quarter")
    case .quartersOver: pick("容量超えの四半期", "Quarters over capacity")
    case .bodies: pick("団体数", "Bodies")
    case .migrations: pick("移行数", "Systems")
    case .goLive: pick("運用開始", "Go-live")
    case .withinDeadline: pick("期限内", "In time")
    }
  }

  /// The page's column: `text` in both languages, its key `key`.
  public func pageColumn(_ key: String, _ text: PageText, numeric: Bool = false)
    -> ReportColumn
  {
    ReportColumn(
      key, ReportWords(.ja).page(text), en: ReportWords(.en).page(text), formats: [.html],
      numeric: numeric)
  }

  /// A 特定移行支援 column: the term is the same in both languages (the
  /// English key would read "Tokutei").
  static func tokuteiColumn(_ key: String) -> ReportColumn {
    ReportColumn(key, "特定移行支援", en: "特定移行支援")
  }

  /// A status as a column header, in both languages.
  public func statusColumn(_ status: MigrationStatus) -> ReportColumn {
    ReportColumn(
      status.rawValue, ReportWords(.ja).status(status), en: ReportWords(.en).status(status),
      formats: [.html], numeric: true)
  }

  /// The plan page's title.
  public func planPageTitle(_ municipality: String, asOf: CivilDate) -> String {
    pick(
      "\(municipality) 標準準拠システムへの移行状況 \(asOf.iso)",
      "\(municipality): migration to standard-conforming systems, \(asOf.iso)")
  }

  /// The portfolio page's title.
  public func portfolioPageTitle(plans: Int, asOf: CivilDate) -> String {
    pick(
      "ポートフォリオ \(NumberStyle.count(plans))団体 移行状況 \(asOf.iso)",
      "Portfolio of \(NumberStyle.count(plans)) bodies: migration status, \(asOf.iso)")
  }

  /// The optimise command's first line: days and systems late, now and
  /// optimised.
  public func optimizeTradeOff(_ comparison: OptimizeComparison) -> String {
    let days = comparison.daysLate
    let late = comparison.systemsLate
    return pick(
      "遅延日数 \(NumberStyle.count(days.current)) → \(NumberStyle.count(days.optimized)) 日、"
        + "遅延システム \(NumberStyle.count(late.current)) → \(NumberStyle.count(late.optimized))、"
        + "移動 \(NumberStyle.count(comparison.moves.count)) システム",
      "days late \(NumberStyle.count(days.current)) → \(NumberStyle.count(days.optimized)), "
        + "systems late \(NumberStyle.count(late.current)) → \(NumberStyle.count(late.optimized)), "
        + "\(NumberStyle.count(comparison.moves.count)) systems move")
  }

  /// What an optimisation that moves nothing shows in place of its table.
  public var optimizeNoMoves: String {
    pick("最適化しても運用開始は変わりません", "optimising moves no go-live")
  }

  /// The last line of `optimize` without `--accept`.
  public func optimizeNotAccepted(_ comparison: OptimizeComparison) -> String {
    comparison.moves.isEmpty
      ? pick("確定済みの計画のままです (変更なし)", "the committed schedule stays (nothing changed)")
      : pick(
        "何も変更していません: 採用するには migplan optimize --accept",
        "nothing was changed: to commit it, migplan optimize --accept")
  }

  /// The last line of `optimize --accept`.
  public var optimizeAccepted: String {
    pick("最適化した計画を確定しました", "committed the optimised schedule")
  }

  /// The hint under a schedule when optimising would save late days.
  public func optimizeHint(_ comparison: OptimizeComparison) -> String {
    pick(
      "最適化すると遅延 −\(NumberStyle.count(comparison.saves)) 日 "
        + "(\(NumberStyle.count(comparison.moves.count)) システムが移動): migplan optimize",
      "optimising would save \(NumberStyle.count(comparison.saves)) days late "
        + "(\(NumberStyle.count(comparison.moves.count)) systems move): migplan optimize")
  }

  /// A move's cause in one line: the days, where it started, and the
  /// path by which it arrived (`+34日: 戸籍 14.1 の終了が 2027-02-10 →
  /// 2027-03-16 (記録 2026-12-02) → 職員の容量 → 印鑑登録 12.1`).
  /// `names` gives systems' names by id.
  public func moveCause(_ cause: MoveCause, names: [String: String]) -> String {
    let days = (cause.days > 0 ? "+" : "") + NumberStyle.count(cause.days)
    return pick("\(days)日: ", "\(days) days: ") + moveChain(cause, names: names)
  }

  /// A move's chain without its days (the status tables' 動いた理由, beside
  /// their 遅れ日数): where it started, then the path.
  public func moveChain(_ cause: MoveCause, names: [String: String]) -> String {
    func task(_ id: String) -> String {
      let parts = id.split(separator: "/").map(String.init)
      guard parts.count == 2 else { return id }
      return "\(names[parts[0]] ?? parts[0]) \(parts[1])"
    }
    var parts = [rootWords(cause.root, task: task)]
    for hop in cause.path {
      switch hop {
      case .resource(let id): parts.append(self.cause("resource:" + id))
      case .task(let id): parts.append(task(id))
      }
    }
    return parts.joined(separator: " → ")
  }

  private func rootWords(_ root: MoveCause.Root, task: (String) -> String) -> String {
    switch root {
    case .recorded(let id, let from, let to, let on):
      // Ends are shown as the last working day, as `record --end` takes them.
      let last = to.adding(days: -1).iso
      let when = on.map { pick(" (記録 \($0.iso))", " (recorded \($0.iso))") } ?? ""
      guard let from else {
        return pick("\(task(id)) の終了 \(last)", "\(task(id)) ends \(last)") + when
      }
      let before = from.adding(days: -1).iso
      return pick(
        "\(task(id)) の終了が \(before) → \(last)", "\(task(id)) end \(before) → \(last)") + when
    case .asOf(let date):
      return pick("基準日 \(date.iso) からの残作業", "work from the as-of date \(date.iso)")
    case .capacity(let id): return cause("resource:" + id)
    case .budget(let date): return pick("予算 \(date.iso)〜", "budget from \(date.iso)")
    case .vendorStart(let date):
      return pick("ベンダ着手可能日 \(date.iso)", "vendor's earliest start \(date.iso)")
    case .blackout(let reason): return pick("切替禁止期間", "go-live blackout") + " " + reason
    case .order: return pick("作業順の変更", "a change in the order of work")
    }
  }

  /// The heading of the moves' causes against a baseline or the schedule
  /// committed before.
  public func movesHeading(against name: String?) -> String {
    if let name {
      return pick("運用開始が動いた理由 (基準計画 \(name) 比)", "why go-lives moved (against baseline \(name))")
    }
    return pick("運用開始が動いた理由 (確定済みの計画 比)", "why go-lives moved (against the committed schedule)")
  }

  /// How many systems slipped against the baseline, and by how much.
  public func slips(count: Int, most: Int, total: Int) -> String {
    count == 0
      ? "0"
      : pick(
        "\(count) (最大 \(NumberStyle.count(most)) 日、合計 \(NumberStyle.count(total)) 日)",
        "\(count) (up to \(NumberStyle.count(most)) days, \(NumberStyle.count(total)) days in all)")
  }

  /// The load chart's title and a bar's tooltip.
  var vendorLoadTitle: String { pick("ベンダの負荷", "Vendor load") }
  var capacityWord: String { pick("容量", "capacity") }
  /// A list's separator inside a cell: `、` or `, `.
  public var cellSeparator: String { pick("、", ", ") }

  /// A list's separator in a text table's column: the column's own in
  /// Japanese (`・` by default), `, ` in English.
  func separator(of column: ReportColumn) -> String { pick(column.separator, ", ") }

  /// The text Gantt's era row: the chart's `R7年度` in Japanese, `R7` in
  /// English (the western row below says `FY2025`).
  func eraRowLabel(_ label: String, year: FiscalYear) -> String {
    language == .ja ? label : year.reiwa.map { "R\($0)" } ?? year.description
  }
}

extension ReportWords {
  // MARK: The workbook

  /// The workbook's sheets.
  public enum Sheet: Sendable { case byArea, bySystem, steps, procurement }

  /// A sheet's name.
  public func sheetName(_ sheet: Sheet) -> String {
    switch sheet {
    case .byArea: pick("事務別", "By area")
    case .bySystem: pick("システム別", "By system")
    case .steps: pick("工程", "Steps")
    case .procurement: pick("調達", "Procurement")
    }
  }

  // MARK: Spec sheets, imports, proposals

  /// A spec sheet superseded by a newer one.
  var oldVersion: String { pick("旧版", "old") }

  /// The heading of the values an import assumed.
  var assumedHeading: String {
    pick("仮定した値 (plan.xml では assumed=\"…\" の印):", "assumed (marked assumed=\"…\" in plan.xml):")
  }

  /// The staff capacity an import assumed.
  func assumedStaffCapacity(_ capacity: Int) -> String {
    pick(
      "  職員の容量 \(capacity) (1システム1案件として; --staff で指定、または後で record --staff)",
      "  staff capacity \(capacity) (one project per system; give --staff, or record --staff later)"
    )
  }

  /// A vendor's capacity an import assumed.
  func assumedVendorCapacity(_ vendor: String, _ capacity: Int) -> String {
    pick(
      "  \(vendor): 容量 \(capacity) (仕様書なし; ここで担うシステムの数)",
      "  \(vendor): capacity \(capacity) (no spec sheet; the systems it serves here)")
  }

  /// The dates an import assumed for done steps.
  func assumedStepDates(_ count: Int, endingOn day: CivilDate) -> String {
    pick(
      "  完了済み \(count)工程の日付 (\(day.iso) に終わるよう順に配置)",
      "  dates of \(count) done steps (laid back to back, ending on \(day.iso))")
  }

  /// A milestone already past, and the next one.
  var milestonePast: String { pick("済", "past") }
  var milestoneNext: String { pick("← 次", "← next") }
  /// Who a contract is with, or who is expected to bid.
  var partner: String { pick("相手方", "Partner") }
  var expectedBidders: String { pick("応募見込み", "Expected bidders") }
  /// Where a calendar event's date comes from.
  var eventDateRecorded: String { pick("計画に記録された日付", "a date recorded in the plan") }
  var eventDatePlanned: String { pick("スケジュール上の予定日", "a date planned on the schedule") }
  /// The calendar's category and name.
  var procurementCategory: String { pick("調達", "procurement") }
  var procurementCalendar: String { pick("調達マイルストーン", "procurement milestones") }

  // MARK: KPIs

  var kpiTitle: String { pick("DX推進の取り組み", "DX initiatives") }
  var kpiRatingLegend: String {
    pick(
      "評価: ○ 計画どおり  △ 計画より遅れ  × 大幅な遅れ (理由: --format json)",
      "Rating: ○ on plan  △ behind plan  × far behind (reasons: --format json)")
  }
  var pmoTitle: String { pick("PMOツール 40項目の進捗 (事務別)", "PMO tool: 40 steps by area") }

  /// `全体: 公式 40.0%  工数加重 41.2%`.
  func pmoOverall(official: Double, effortWeighted: Double) -> String {
    pick("全体: 公式 ", "All: official ") + NumberStyle.percent(official)
      + pick("  工数加重 ", "  effort-weighted ") + NumberStyle.percent(effortWeighted)
  }

  var pmoLegend: String {
    pick(
      "● 完了済み・対象外  ◐ 一部完了・作業中  ・ 未着手。公式 = (完了済み + 対象外) / 40、"
        + "工数加重 = 完了済みの計画工数 / 全計画工数",
      "● done or not applicable  ◐ partly done or under way  ・ not started. "
        + "Official = (done + not applicable) / 40; effort-weighted = planned effort done / "
        + "all planned effort")
  }

  // MARK: Portfolios

  /// What a line of counts in time is about.
  enum InTimeUnit { case areasAndSystems, areas, systems }

  func inTimeLabel(_ unit: InTimeUnit) -> String {
    switch unit {
    case .areasAndSystems: pick("期限内の事務・システム", "Areas and systems in time")
    case .areas: pick("期限内の事務", "Areas in time")
    case .systems: pick("期限内のシステム", "Systems in time")
    }
  }

  func portfolioTitle(asOf: CivilDate, plans: Int) -> String {
    pick(
      "ポートフォリオ  基準日 \(asOf.iso)  \(NumberStyle.count(plans))団体",
      "Portfolio  as of \(asOf.iso)  \(NumberStyle.count(plans)) "
        + (plans == 1 ? "municipality" : "municipalities"))
  }

  var portfolioBinding: String {
    pick(
      "律速 (遅延・要注意のシステム、根本の制約別)",
      "What binds the late and at-risk systems, by root constraint")
  }

  /// How a portfolio's areas are grouped.
  enum PortfolioGroup { case prefecture, vendor }

  func portfolioGroup(_ group: PortfolioGroup) -> String {
    switch group {
    case .prefecture: pick("都道府県別 (事務)", "By prefecture (areas)")
    case .vendor: pick("ベンダ別 (事務)", "By vendor (areas)")
    }
  }

  var portfolioLoad: String {
    pick(
      "ベンダの負荷 (四半期ごとの同時移行数 / 容量: ▁ 低い … █ 容量いっぱい)",
      "Vendor load (concurrent migrations per quarter / capacity: ▁ low … █ at capacity)")
  }

  /// A capacity what-if's effect on late areas and areas in time
  /// (before, after).
  func portfolioWhatIf(_ change: String, late: (Int, Int), inTime: (Int, Int)) -> String {
    func count(_ value: Int) -> String { NumberStyle.count(value) }
    func signed(_ value: Int) -> String { (value > 0 ? "+" : "") + count(value) }
    let lateChange = late.1 - late.0
    let inTimeChange = inTime.1 - inTime.0
    return pick(
      "仮定 \(change): 遅延する事務 \(count(late.0)) → \(count(late.1)) "
        + "(\(signed(lateChange)))、期限内の事務 \(count(inTime.0)) → "
        + "\(count(inTime.1)) (\(signed(inTimeChange)))",
      "What-if \(change): late areas \(count(late.0)) → \(count(late.1)) "
        + "(\(signed(lateChange))), areas in time \(count(inTime.0)) → "
        + "\(count(inTime.1)) (\(signed(inTimeChange)))")
  }

  // MARK: Forecasts

  /// What the late counts count.
  func forecastUnit(areas: Bool) -> String {
    areas ? pick("事務 (団体×事務)", "area migrations") : pick("システム", "systems")
  }

  func forecastTitle(samples: Int, seed: UInt64) -> String {
    pick(
      "移行の見通し (モンテカルロ \(NumberStyle.count(samples))回、乱数の種 \(seed))  ",
      "Forecast (Monte Carlo, \(NumberStyle.count(samples)) samples, seed \(seed))  ")
  }

  func forecastLeastLikely(_ shown: Int, of total: Int) -> String {
    pick(
      "期限内確率の低い \(shown) システム (全 \(NumberStyle.count(total)))",
      "The \(shown) systems least likely to make it (of \(NumberStyle.count(total)))")
  }

  func forecastWhatIf(_ change: String, before: Double, after: Double) -> String {
    let difference = after - before
    let signed = (difference <= 0 ? "" : "+") + NumberStyle.number(difference)
    return pick(
      "仮定 \(change): 遅延する事務の期待値 \(NumberStyle.number(before)) → \(NumberStyle.number(after)) "
        + "(\(signed))",
      "What-if \(change): expected late area migrations \(NumberStyle.number(before)) → "
        + "\(NumberStyle.number(after)) (\(signed))")
  }

  var forecastLateByArea: String {
    pick("事務別の遅延数 (団体×事務)", "Late area migrations, by area")
  }

  func forecastLateAreas(_ areas: ForecastResult.LateCount) -> String {
    pick(
      "遅延する事務 (団体×事務): 期待値 \(NumberStyle.number(areas.expected)) / \(NumberStyle.count(areas.total)) "
        + "(P10 \(NumberStyle.count(areas.p10))〜P90 \(NumberStyle.count(areas.p90)))、計画では \(NumberStyle.count(areas.planned))",
      "Late area migrations: expected \(NumberStyle.number(areas.expected)) of \(NumberStyle.count(areas.total)) "
        + "(P10 \(NumberStyle.count(areas.p10)) to P90 \(NumberStyle.count(areas.p90))); \(NumberStyle.count(areas.planned)) as planned"
    )
  }

  var forecastNote: String {
    pick(
      "P50/P80/P90: 運用開始日の分位。期限内確率: 期限までに運用開始する標本の割合。標本ごとに工程の所要日数 (工程グループごとの三角分布) とベンダごとの遅れ係数を引き、基準の並び順のまま再計算します (再計画はしません)。",
      "P50/P80/P90: go-live percentiles. On time: the share of samples that go live by the deadline. Each sample draws step durations (triangular per step group) and one delay factor per vendor, and decodes the base schedule's order again (no re-planning)."
    )
  }

  // MARK: The text Gantt chart

  /// The chart's column headers.
  enum GanttHeader { case system, vendor, goLive, status }

  func ganttHeader(_ header: GanttHeader) -> String {
    switch header {
    case .system: pick("システム", "System")
    case .vendor: pick("ベンダ", "Vendor")
    case .goLive: pick("運用開始", "Go-live")
    case .status: pick("状態", "Status")
    }
  }

  var legend: String { pick("凡例", "Legend") }

  /// The baseline's go-live in the legend, with the marks outside the chart.
  func baselineGoLive(_ name: String, outside: Int) -> String {
    pick("基準計画 \(name) の運用開始", "go-live of baseline \(name)")
      + (outside == 0 ? "" : pick(" (\(outside)件は範囲外)", " (\(outside) outside the chart)"))
  }

  /// What a column of the chart spans: `1列 = 1か月`, `1 column = 1/2 quarter`.
  func columnSpan(_ scale: GanttScale, perUnit: Int) -> String {
    let (unit, english): (String, String)
    switch scale {
    case .week: (unit, english) = ("週", "week")
    case .month: (unit, english) = ("か月", "month")
    case .quarter: (unit, english) = ("四半期", "quarter")
    }
    return perUnit == 1
      ? pick("1列 = 1\(unit)", "1 column = 1 \(english)")
      : pick("1列 = 1\(unit)の1/\(perUnit)", "1 column = 1/\(perUnit) \(english)")
  }

  // MARK: The command line

  /// Where `check` found the catalog.
  public var catalogInstalled: String { pick("インストール済み", "installed") }
  /// The catalog built into the binary.
  public var catalogBuiltIn: String { pick("内蔵のカタログ", "the built-in catalog") }

  /// The phases a progress line names.
  public enum Phase: Sendable { case reading, planning, sampling }

  /// A phase of a long run, as its progress line names it.
  public func phase(_ phase: Phase) -> String {
    switch phase {
    case .reading: pick("読み込み中", "reading")
    case .planning: pick("計画中", "planning")
    case .sampling: pick("標本", "samples")
    }
  }

  /// `12 秒`, `12 s`.
  public func seconds(_ count: Int) -> String { "\(count) " + pick("秒", "s") }

  /// `・残り約 30 秒`, ` · about 30 s left`.
  public func timeLeft(seconds rest: Int) -> String {
    pick("・残り約 \(rest) 秒", " · about \(rest) s left")
  }

  /// A baseline file that cannot be read, in the list of baselines.
  public var unreadable: String { pick("(読めない)", "(unreadable)") }

  /// `rcpsp`'s text output.
  public func makespan(_ value: Int) -> String { pick("メイクスパン", "makespan") + " \(value)" }
  /// The header of `rcpsp`'s start times.
  public var jobStartHeader: String { pick("ジョブ 開始", "job start") }

  /// What `generate national` wrote.
  public func generated(_ file: String, bodies: Int, migrations: Int) -> String {
    pick(
      "作成しました \(file): \(NumberStyle.count(bodies))団体、事務の移行 \(NumberStyle.count(migrations))件",
      "wrote \(file): \(NumberStyle.count(bodies)) municipalities, \(NumberStyle.count(migrations)) area migrations"
    )
  }
}

/// The words of the files made for other programs (MS Project, TaskJuggler)
/// and of the KPI texts: Japanese, as the plans they describe.
public enum ProjectWords {
  /// `品川区 標準化移行計画`.
  static func projectName(_ municipality: String) -> String { "\(municipality) 標準化移行計画" }
  /// `標準化移行計画 (3団体)`.
  static func portfolioName(_ bodies: Int) -> String { "標準化移行計画 (\(bodies)団体)" }
  /// `職員 (品川区)`: a body's staff as a resource.
  static func staff(_ municipality: String) -> String { "職員 (\(municipality))" }
  /// The working calendar's name.
  static let calendarName = "標準 (祝日・年末年始)"
  /// A day off the catalog's calendar names no holiday for.
  static let dayOff = "休業日"
  /// The milestone that holds the schedule after the as-of date.
  static let afterAsOf = "基準日の翌日から"
  /// A KPI with no measurement yet.
  static let noMeasurement = "測定なし"
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
  /// A catalog area: its id in machine outputs, its name in words.
  case area(AreaName)
  case requirementKind(RequirementKind)
  case requirementClass(RequirementClass)
  case taskStatus(TaskStatus)
  /// Why a go-live moved, with the systems' names by id: its chain in
  /// words; machine outputs carry the chain in English.
  case move(MoveCause, names: [String: String])

  /// The code machine outputs carry.
  public var code: String {
    switch self {
    case .method(let method): method.rawValue
    case .procurement(let state): state.rawValue
    case .milestone(let milestone): milestone.rawValue
    case .source(let source): source.rawValue
    case .cause(let code): code
    case .area(let area): area.id
    case .requirementKind(let kind): kind.rawValue
    case .requirementClass(let requirementClass): requirementClass.rawValue
    case .taskStatus(let status): status.rawValue
    case .move(let cause, let names): ReportWords(.en).moveChain(cause, names: names)
    }
  }
}

/// An area as reports carry it: its id, and the catalog's names for
/// `ReportWords` to choose from. The one place an area's name in a
/// language is worked out is `ReportWords.term(.area)`.
public struct AreaName: Sendable, Hashable {
  /// The catalog id (`jumin-kiroku`).
  public var id: String
  /// The Japanese name (the id when the catalog has no such area).
  public var name: String
  /// The English name (empty when the catalog has none).
  public var englishName: String

  /// The names of area `id` in `catalog`.
  public init(_ id: String, catalog: Catalog) {
    self.id = id
    let area = catalog.area(id)
    name = area?.name ?? id
    englishName = area?.englishName ?? ""
  }

  /// The names of area `id`.
  public init(id: String, name: String, englishName: String) {
    self.id = id
    self.name = name
    self.englishName = englishName
  }
}

/// Where a system's procurement stands: not yet run, selection done, or
/// contracted (the contract step is done).
public enum ProcurementState: String, Sendable, CaseIterable {
  case planned, done, contracted
}
