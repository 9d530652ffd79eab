/// Running costs over several bodies (`migplan costs PATH…`, and the costs
/// part of `portfolio`): each body's ledger with the go-lives of the
/// schedule they were planned in together, their sum per fiscal year
/// rated against the sum of their FY2018 figures, and a line per body.
/// Text: the years, then the bodies. CSV: a row per body and year, then a
/// row of totals per year. JSON: all of it.
public struct PortfolioCostReport: Sendable {
  /// One body with cost data.
  public struct Body: Sendable {
    /// Its 団体コード, when the plan has one.
    public var code: String?
    /// Its prefecture, when the plan says.
    public var prefecture: String?
    /// Its costs, with its go-lives.
    public var report: CostReport

    /// A body's costs.
    public init(code: String?, prefecture: String?, report: CostReport) {
      self.code = code
      self.prefecture = prefecture
      self.report = report
    }
  }

  /// The bodies with cost data, in the order of the paths.
  public let bodies: [Body]
  /// How many plans were planned together (with cost data or without).
  public let plans: Int
  /// The day the plans were planned from.
  public let asOf: CivilDate
  /// The rate `--usd-jpy` gave; nil: each body's file's own.
  public let rate: ExchangeRate?
  /// FY2018 to FY2030, every body's added up.
  public let years: [CostLedger.Year]
  /// The sum of the bodies' FY2018 figures.
  public let reference: Int

  /// The bodies' costs added up; refused when their running or migration
  /// costs add up past `CostData.maximumYear` (each body's stay under it).
  public init(bodies: [Body], plans: Int, asOf: CivilDate, rate: ExchangeRate?)
    throws(CostLedger.PastBound)
  {
    let sum = try CostLedger.sum(bodies.map(\.report.ledger))
    var migration = 0
    for (index, body) in bodies.enumerated() {
      migration += body.report.migration.cost
      guard migration <= CostData.maximumYear else { throw CostLedger.PastBound(index: index) }
    }
    self.bodies = bodies
    self.plans = plans
    self.asOf = asOf
    self.rate = rate
    years = sum.years
    reference = sum.reference
  }

  /// The fiscal year of the as-of date, within FY2019–FY2030: the year
  /// each body's line is rated on, as `kpi` rates it.
  public var currentYear: Int { CostData.ratedYear(asOf: asOf) }

  /// The bodies whose figures are illustrative (例示).
  public var illustrative: [String] {
    bodies.filter(\.report.data.illustrative).map(\.report.municipality)
  }

  /// The one-off migration costs of every body: in all, and the subsidy.
  public var migration: (cost: Int, subsidy: Int) {
    bodies.map(\.report.migration).reduce((0, 0)) { ($0.0 + $1.cost, $0.1 + $1.subsidy) }
  }

  /// The report as a document.
  public func document(words: ReportWords) -> ReportDocument {
    let migration = migration
    return ReportDocument(
      [
        .line(words.portfolioCostsTitle(bodies: bodies.count, of: plans, asOf: asOf, rate: rate)),
        .value("asOf", .date(asOf)), .value("plans", .integer(plans)),
        .value("rate", rate.map { .text($0.description) } ?? .null),
        .value("reference", .integer(reference)),
        .value("illustrative", .texts(illustrative)),
      ] + (illustrative.isEmpty ? [] : [.line(words.costsIllustrativeBodies(illustrative))]) + [
        .table(CostReport.yearsTable(years, reference: reference, words: words)),
        .line(words.costRatingLegend), .line(""),
        .table(bodiesTable(words: words)),
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

  /// The part `portfolio` shows: the title, the illustrative line, the
  /// years and the legend (text); `costs`, the whole report, in JSON.
  public func portfolioBlocks(words: ReportWords) -> [ReportBlock] {
    let document = document(words: words)
    var years = CostReport.yearsTable(years, reference: reference, words: words)
    years.formats = [.text]
    return [
      .line(""),
      .line(words.portfolioCostsTitle(bodies: bodies.count, of: plans, asOf: nil, rate: rate)),
    ] + (illustrative.isEmpty ? [] : [.line(words.costsIllustrativeBodies(illustrative))]) + [
      .table(years), .line(words.costRatingLegend),
      .value("costs", document.jsonValue),
    ]
  }

  /// The portfolio page's costs section: the bodies' sum as one chart,
  /// the years' table, then the line per body.
  public func htmlSection(words: ReportWords) -> ReportBlock {
    CostReport.htmlSection(
      years: years, reference: reference,
      illustrative: illustrative.isEmpty ? nil : words.costsIllustrativeBodies(illustrative),
      migration: migration,
      heading: words.portfolioCostsTitle(bodies: bodies.count, of: plans, asOf: nil, rate: rate),
      rate: rate, more: [.table(bodiesTable(words: words).onPage)], words: words)
  }

  /// A line per body: FY2018, the current year's total against it and its
  /// rating, FY2019–FY2030's parallel running, the migration costs.
  func bodiesTable(words: ReportWords) -> ReportTable {
    let year = currentYear
    return ReportTable(
      key: "bodies",
      columns: [
        .init("code", "団体コード", formats: [.json]),
        .init("municipality", "団体", en: "Body", importance: .high),
        .init("prefecture", "都道府県", formats: [.json]),
        .init(
          "reference", words.fiscalYear(FiscalYear(CostData.referenceYear)), en: "FY2018",
          numeric: true),
        .init("year", "年度", formats: [.json]),
        .init(
          "total", words.fiscalYear(FiscalYear(year)), en: "FY\(year)", numeric: true,
          importance: .high),
        .init("againstReference", "対2018年度", en: "vs FY2018", numeric: true),
        .init("rating", "評価", en: "Rating", formats: [.text], importance: .high),
        .init("rating", "評価", formats: [.json]),
        .init(
          "parallel", "並行稼働 (2019–2030年度)", en: "Parallel (FY2019–FY2030)", numeric: true,
          importance: .low),
        .init("migration", "移行経費", en: "Migration", numeric: true, importance: .low),
        .init("subsidy", "補助金", en: "Subsidy", numeric: true, importance: .low),
        .init("illustrative", "例示", en: "Illustrative", formats: [.text], importance: .low),
        .init("illustrative", "例示", formats: [.json]),
      ],
      rows: bodies.map { body in
        let ledger = body.report.ledger
        let current = ledger.years.first { $0.year == year }
        let migration = body.report.migration
        return [
          .optional(body.code), .text(body.report.municipality), .optional(body.prefecture),
          .integer(ledger.reference), .integer(year), .integer(current?.total ?? 0),
          ledger.reference == 0
            ? .null : .percentage(Double(current?.total ?? 0) / Double(ledger.reference) - 1),
          .text(current?.rating?.mark ?? "-"), current?.rating.map { .text($0.rawValue) } ?? .null,
          .integer(ledger.years.dropFirst().map(\.parallel).reduce(0, +)),
          .integer(migration.cost), .integer(migration.subsidy),
          .text(body.report.data.illustrative ? words.illustrativeMark : ""),
          .flag(body.report.data.illustrative),
        ]
      }, formats: [.text, .json])
  }

  /// CSV's one table: a row per body and year, then a row of totals per
  /// year (`code` = `total`), every item its own column.
  func longTable(words: ReportWords) -> ReportTable {
    var rows: [[ReportValue]] = []
    for body in bodies {
      for year in body.report.ledger.years {
        rows.append(
          [.text(body.code ?? ""), .text(body.report.municipality)]
            + CostReport.ledgerCells(
              year, illustrative: body.report.data.illustrative, rate: body.report.ledger.rate,
              words: words))
      }
    }
    for year in years {
      rows.append(
        [.text("total"), .text(words.total)]
          + CostReport.ledgerCells(
            year, illustrative: !illustrative.isEmpty, rate: rate, words: words))
    }
    return ReportTable(
      key: "ledger",
      columns: CostReport.ledgerColumns(
        [.init("code", "団体コード"), .init("municipality", "団体")], words: words),
      rows: rows, formats: [.csv])
  }

}
