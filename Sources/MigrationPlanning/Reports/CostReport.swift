/// `migplan costs`: running costs per fiscal year from FY2018 to FY2030,
/// in total and per system, against the FY2018 reference (○/△/×), with
/// the one-off migration costs apart; against a saved schedule, what each
/// slip costs. Text: the years, then the systems. CSV: one long table, a
/// row per system and year and a row of totals per year (`system` =
/// `total`), every item its own column, for a pivot table. JSON: all of it.
public struct CostReport: Sendable {
  /// The body.
  public let municipality: String
  /// The schedule's as-of date.
  public let asOf: CivilDate
  /// The cost data.
  public let data: CostData
  /// The costs with the schedule's go-lives.
  public let ledger: CostLedger
  /// The ledger with a saved schedule's go-lives, for the cost of slips.
  public let baseline: (name: String, ledger: CostLedger)?
  /// Each system's name and go-live, by id.
  public let systems: [String: (name: String, goLive: CivilDate)]

  /// The report of `data` with `schedule`'s go-lives.
  public init(
    plan: Plan, data: CostData, schedule: MigrationSchedule, rate: ExchangeRate?,
    baseline: Baseline?
  ) {
    municipality = plan.municipality
    asOf = schedule.asOf
    self.data = data
    var goLives: [String: CivilDate] = [:]
    var systems: [String: (name: String, goLive: CivilDate)] = [:]
    for outcome in schedule.systems {
      goLives[outcome.id] = outcome.goLive
      systems[outcome.id] = (outcome.name, outcome.goLive)
    }
    self.systems = systems
    ledger = CostLedger(costs: data, goLives: goLives, rate: rate)
    self.baseline = baseline.map { saved in
      var then = goLives
      for system in saved.systems { then[system.id] = system.goLive }
      return (saved.name, CostLedger(costs: data, goLives: then, rate: rate))
    }
  }

  /// The one-off migration costs: in all, the subsidy, the body's part.
  public var migration: (cost: Int, subsidy: Int) {
    (
      data.systems.compactMap(\.migration).reduce(0, +),
      data.systems.compactMap(\.subsidy).reduce(0, +)
    )
  }

  /// A system's FY2019–FY2030 sums: old, new, parallel, total.
  func sums(_ ledger: CostLedger, system: String) -> (old: Int, new: Int, parallel: Int, total: Int)
  {
    var sums = (old: 0, new: 0, parallel: 0, total: 0)
    for entry in ledger.entries where entry.system == system {
      sums.old += entry.oldTotal
      sums.new += entry.newTotal
      sums.parallel += entry.parallel
      sums.total += entry.total
    }
    return sums
  }

  /// What the slip against the saved schedule costs a system
  /// (FY2019–FY2030), or nil without one.
  func slipCost(_ system: String) -> Int? {
    baseline.map { sums(ledger, system: system).total - sums($0.ledger, system: system).total }
  }

  /// The report as a document.
  public func document(words: ReportWords) -> ReportDocument {
    let years = Self.yearsTable(ledger.years, reference: ledger.reference, words: words)
    let perSystem = systemsTable(words: words)
    let migration = migration
    return ReportDocument(
      [
        .line(words.costsTitle(municipality, asOf: asOf, rate: ledger.rate)),
        .value("municipality", .text(municipality)), .value("asOf", .date(asOf)),
        .value("illustrative", .flag(data.illustrative)),
        .value("source", .optional(data.source)),
        .value("rate", ledger.rate.map { .text($0.description) } ?? .null),
        .value("reference", .integer(ledger.reference)),
      ] + (data.illustrative ? [.line(words.costsIllustrative(data.source))] : []) + [
        .table(years), .line(words.costRatingLegend), .line(""), .table(perSystem),
        .table(longTable(words: words)),
        .line(words.migrationCosts(cost: migration.cost, subsidy: migration.subsidy)),
        .value(
          "migration",
          .record([
            ("cost", .integer(migration.cost)), ("subsidy", .integer(migration.subsidy)),
            ("body", .integer(migration.cost - migration.subsidy)),
          ])),
      ])
  }

  /// Per system: its go-live and its FY2019–FY2030 sums; the slip's cost
  /// against the saved schedule (text, JSON, page), its migration costs
  /// (JSON).
  func systemsTable(words: ReportWords) -> ReportTable {
    let rows = data.systems.compactMap { costs -> [ReportValue]? in
      guard let system = systems[costs.system] else { return nil }
      let sums = sums(ledger, system: costs.system)
      return [
        .text(costs.system), .text(system.name), .date(system.goLive), .integer(sums.old),
        .integer(sums.new), .integer(sums.parallel), .integer(sums.total),
        slipCost(costs.system).map(ReportValue.integer) ?? .null,
        costs.migration.map(ReportValue.integer) ?? .null,
        costs.subsidy.map(ReportValue.integer) ?? .null,
      ]
    }
    return ReportTable(
      key: "systems",
      columns: [
        .init("system", "ID", formats: [.json]), .init("name", "システム", en: "System"),
        .init("goLive", "運用開始", en: "Go-live"),
      ] + Self.moneyColumns + [
        .init(
          "slipCost", words.slipCostHeader(baseline?.name),
          en: "Slip cost", formats: baseline == nil ? [.json] : [.text, .json], numeric: true,
          importance: .high),
        .init("migration", "移行経費", formats: [.json]),
        .init("subsidy", "補助金", formats: [.json]),
      ],
      rows: rows, formats: [.text, .json])
  }

  /// Old, new, parallel, total: a narrow terminal drops うち並行稼働
  /// first, never the total.
  static let moneyColumns: [ReportColumn] = [
    .init("old", "現行", en: "Old", numeric: true),
    .init("new", "標準準拠", en: "New", numeric: true),
    .init("parallel", "うち並行稼働", en: "Of which parallel", numeric: true, importance: .low),
    .init("total", "合計", en: "Total", numeric: true, importance: .high),
  ]

  /// FY2018 to FY2030: old, new, parallel, total, against FY2018 and the
  /// rating (text, page); JSON keeps codes whatever the language (the
  /// year as a number, the rating as met, below, above, null for FY2018)
  /// and adds every item.
  static func yearsTable(_ years: [CostLedger.Year], reference: Int, words: ReportWords)
    -> ReportTable
  {
    ReportTable(
      key: "years",
      columns: [
        .init("fiscalYear", "年度", en: "Fiscal year", formats: [.text, .html]),
        .init("year", "年度", formats: [.json]),
      ] + moneyColumns + [
        .init("againstReference", "対2018年度", en: "vs FY2018", numeric: true),
        .init("rating", "評価", en: "Rating", formats: [.text, .html], importance: .high),
        .init("rating", "評価", formats: [.json]),
      ]
        + CostItem.allCases.map { .init($0.rawValue, words.costItem($0), formats: [.json]) },
      rows: years.map { year in
        [
          .text(words.fiscalYear(FiscalYear(year.year))), .year(year.year), .integer(year.old),
          .integer(year.new), .integer(year.parallel), .integer(year.total),
          year.year == CostData.referenceYear || reference == 0
            ? .null : .percentage(Double(year.total) / Double(reference) - 1),
          .text(year.rating?.mark ?? (year.year == CostData.referenceYear ? words.reference : "-")),
          year.rating.map { .text($0.rawValue) } ?? .null,
        ] + CostItem.allCases.map { .integer(year.byItem[$0] ?? 0) }
      }, formats: [.text, .json])
  }

  /// The page's section: the chart, the years' table as its text
  /// alternative, the illustrative note and the migration costs.
  public func htmlSection(words: ReportWords) -> ReportBlock {
    Self.htmlSection(
      years: ledger.years, reference: ledger.reference,
      illustrative: data.illustrative ? words.costsIllustrative(data.source) : nil,
      migration: migration, heading: words.costsHeading, rate: ledger.rate,
      more: [.table(systemsTable(words: words).onPage)], words: words)
  }

  /// A costs section of the page: the chart, the years' table as its text
  /// alternative, the illustrative line, `more` (a portfolio's bodies)
  /// and the migration costs.
  static func htmlSection(
    years: [CostLedger.Year], reference: Int, illustrative: String?,
    migration: (cost: Int, subsidy: Int), heading: String, rate: ExchangeRate?,
    more: [ReportBlock] = [], words: ReportWords
  ) -> ReportBlock {
    let table = yearsTable(years, reference: reference, words: words).onPage
    return .section(
      id: "costs", heading: heading,
      (illustrative.map { [.note($0)] } ?? []) + (rate.map { [.note(words.costsRate($0))] } ?? [])
        + [.figure(SVGCostChart.figure(years: years, reference: reference, words: words))]
        + [.table(table), .note(words.costRatingLegend)] + more
        + [.note(words.migrationCosts(cost: migration.cost, subsidy: migration.subsidy))])
  }

  /// CSV's one table: a row per system and year, then a row of totals
  /// per year (`system` = `total`), every item its own column.
  func longTable(words: ReportWords) -> ReportTable {
    // The rate the dollar fees were converted at, on every row.
    let rateValue = ledger.rate.map(\.value) ?? .null
    var rows: [[ReportValue]] = []
    for entry in ledger.entries {
      let items = CostItem.allCases.map { item in
        ReportValue.integer((entry.old[item] ?? 0) + (entry.new[item] ?? 0))
      }
      rows.append(
        [
          .text(entry.system), .text(systems[entry.system]?.name ?? entry.system),
          .year(entry.year), .integer(entry.oldTotal), .integer(entry.newTotal),
          .integer(entry.parallel),
          .integer(entry.total), .null, .flag(data.illustrative), rateValue,
        ] + items)
    }
    for year in ledger.years {
      rows.append(
        [.text("total"), .text(words.total)]
          + Self.ledgerCells(year, illustrative: data.illustrative, rate: ledger.rate, words: words)
      )
    }
    return ReportTable(
      key: "ledger",
      columns: Self.ledgerColumns(
        [.init("system", "システムID"), .init("name", "システム")], words: words),
      rows: rows, formats: [.csv])
  }

  /// The long table's columns: `first` (what a row is of), then the year,
  /// the money, the rating, 例示, the rate and every item.
  static func ledgerColumns(_ first: [ReportColumn], words: ReportWords) -> [ReportColumn] {
    first + [
      .init("fiscal_year", "年度"), .init("old", "現行"), .init("new", "標準準拠"),
      .init("parallel", "うち並行稼働"), .init("total", "合計"), .init("rating", "評価"),
      .init("illustrative", "例示"), .init("usd_jpy", "為替 (円/ドル)"),
    ] + CostItem.allCases.map { .init($0.rawValue, words.costItem($0)) }
  }

  /// A year's cells of the long table, after what the row is of.
  static func ledgerCells(
    _ year: CostLedger.Year, illustrative: Bool, rate: ExchangeRate?, words: ReportWords
  ) -> [ReportValue] {
    [
      .year(year.year), .integer(year.old), .integer(year.new), .integer(year.parallel),
      .integer(year.total),
      .text(year.rating?.mark ?? (year.year == CostData.referenceYear ? words.reference : "")),
      .flag(illustrative), rate.map(\.value) ?? .null,
    ] + CostItem.allCases.map { .integer(year.byItem[$0] ?? 0) }
  }
}

extension KPIReport {
  /// Adds the running-cost initiative (運用経費), rated by the target's
  /// rule on the fiscal year of the as-of date (FY2019–FY2030): ○ at least
  /// 30 % below FY2018, △ at most FY2018, × above.
  public mutating func addRunningCosts(_ costs: CostReport, words: ReportWords) {
    let fiscalYear = CostData.ratedYear(asOf: costs.asOf)
    guard let year = costs.ledger.years.first(where: { $0.year == fiscalYear }),
      let rating = year.rating
    else { return }
    let evaluation: KPIEvaluation =
      switch rating {
      case .met: .onPlan
      case .below: .behind
      case .above: .farBehind
      }
    let change =
      costs.ledger.reference == 0 ? 0 : Double(year.total) / Double(costs.ledger.reference) - 1
    let indicator = IndicatorResult(
      id: "running-costs", name: words.runningCostIndicator, target: words.runningCostTarget,
      progress: words.runningCostProgress(
        FiscalYear(fiscalYear), total: year.total, change: change,
        illustrative: costs.data.illustrative),
      evaluation: evaluation,
      reason: "from costs.xml and the schedule: FY\(fiscalYear) total \(year.total) yen against "
        + "FY2018 \(costs.ledger.reference) yen (○ when 10 × total ≤ 7 × FY2018, △ when total ≤ "
        + "FY2018)" + (costs.data.illustrative ? "; illustrative figures" : ""),
      value: Double(year.total), achievement: nil, measuredOn: costs.asOf)
    rows.append(
      Row(
        number: (rows.map(\.number).max() ?? 0) + 1, name: words.runningCostInitiative,
        policy: words.runningCostPolicy, indicators: [indicator]))
  }
}

extension ExchangeRate {
  /// The rate as a number (a typed cell; `139` or `139.5` in CSV); shown
  /// only, never used in a computation.
  var value: ReportValue { .decimal(Double(tenThousandths) / 10_000, digits: 4) }
}
