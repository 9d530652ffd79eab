/// The running-cost sheet people keep (運用経費シート), read from .xlsx or
/// CSV: one row per amount, with Japanese headers. `record --cost-sheet`
/// turns it into costs.xml (`CostsWriter`), replacing what was there.
///
/// | column | |
/// |---|---|
/// | 区分 | 基準年度 (a FY2018 figure), 現行 (the old contract), 標準準拠 (the new one), 移行 (one-off), 為替 (the rate), 例示 (the figures are illustrative; 対象 names their source) |
/// | システム | the system (id or name); blank in a 基準年度 row: 業務, else the body |
/// | 業務 | a 基準年度 row's area |
/// | 費目 | the item, by its Japanese name or id |
/// | 金額(円) | yen a year (or the migration's cost) |
/// | 金額(ドル) | dollars a year, at most 2 decimals (a cloud fee) |
/// | 為替レート | the rate a yen cloud fee was priced at; a 為替 row's rate |
/// | 契約開始, 契約終了 | a contract's dates |
/// | 負担割合(%) | the body's share of a shared system (共同利用) |
/// | 共同利用システム | the shared system's name, the same in every body that shares it |
/// | 補助金(円) | a 移行 row's subsidy |
/// | 対象 | an 例示 row's source |
///
/// Diagnostic ids: `sheet-missing-column`, `unknown-column` (warning),
/// `unknown-system`, `unknown-area`, `bad-value`, `bad-number`, `bad-date`,
/// `contradiction`.
public struct CostSheet {
  enum Column: String, CaseIterable {
    case kind = "区分"
    case system = "システム"
    case area = "業務"
    case item = "費目"
    case yen = "金額(円)"
    case dollars = "金額(ドル)"
    case rate = "為替レート"
    case start = "契約開始"
    case end = "契約終了"
    case share = "負担割合(%)"
    case shared = "共同利用システム"
    case subsidy = "補助金(円)"
    case source = "対象"
  }

  enum Kind: String, CaseIterable {
    case reference = "基準年度"
    case old = "現行"
    case new = "標準準拠"
    case migration = "移行"
    case rate = "為替"
    case illustrative = "例示"
  }

  let plan: Plan
  let catalog: Catalog
  let path: String
  let diagnostics: DiagnosticCollector

  /// A reader of sheets for `plan`.
  public init(plan: Plan, catalog: Catalog, path: String, diagnostics: DiagnosticCollector) {
    self.plan = plan
    self.catalog = catalog
    self.path = path
    self.diagnostics = diagnostics
  }

  /// The cost data the sheet gives, or nil with errors at their cells.
  public func read<Records: Sequence<[CSVCell]>>(_ records: Records) -> CostData? {
    let errors = diagnostics.errorCount
    var rows = records.lazy.filter { !$0.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
      .makeIterator()
    guard let header = rows.next() else {
      if diagnostics.errorCount == errors {
        diagnostics.error(
          .sheetEmpty, "the sheet has no rows", at: SourceLocation(file: path, line: 1, column: 1))
      }
      return nil
    }
    guard let columns = columns(of: header) else { return nil }
    var builder = Builder()
    while let row = rows.next() {
      add(row, columns: columns, to: &builder)
    }
    for (system, cell) in builder.subsidyCells.sorted(by: { $0.key < $1.key }) {
      let costs = builder.data.systems[system]
      if let subsidy = costs.subsidy, subsidy > costs.migration ?? 0 {
        diagnostics.error(
          .badRange,
          "a subsidy of \(subsidy) yen is more than the migration's \(costs.migration ?? 0) yen "
            + "\(cell.tag)", at: SourceLocation(file: path, line: cell.line, column: cell.column))
      }
    }
    CostLoader.checkOwnShares(builder.data, diagnostics: diagnostics)
    if builder.data.rate == nil, let dollars = builder.firstDollars {
      diagnostics.error(
        .missingAttribute,
        "a fee in dollars needs the rate: add a row of 区分 為替 with its 為替レート (139) "
          + dollars.tag,
        at: SourceLocation(file: path, line: dollars.line, column: dollars.column))
    }
    guard diagnostics.errorCount == errors else { return nil }
    return builder.data
  }

  /// Where each column is (an unknown one is ignored with a warning).
  func columns(of header: [CSVCell]) -> [Column: Int]? {
    var found: [Column: Int] = [:]
    for (index, cell) in header.enumerated() {
      let key = NameKey.normalize(cell.text)
      guard !key.isEmpty else { continue }
      if let column = Column.allCases.first(where: { NameKey.normalize($0.rawValue) == key }) {
        found[column] = index
      } else {
        diagnostics.warning(
          .unknownColumn, "unknown column '\(cell.text)' is ignored \(cell.tag)",
          at: SourceLocation(file: path, line: cell.line, column: cell.column))
      }
    }
    guard found[.kind] != nil else {
      diagnostics.error(
        .sheetMissingColumn,
        "the cost sheet needs a 区分 column (基準年度, 現行, 標準準拠, 移行, 為替, 例示)",
        at: SourceLocation(file: path, line: header.first?.line ?? 1, column: 1))
      return nil
    }
    return found
  }

  /// The data as the rows build it: contracts by system, in sheet order.
  struct Builder {
    var data = CostData()
    var index: [String: Int] = [:]
    /// Each system's share, as its first row gave it.
    var shares: [String: Int] = [:]
    /// By system index, the last cell that gave it a subsidy.
    var subsidyCells: [Int: CSVCell] = [:]
    /// The first cell of a fee in dollars (it needs a 為替 row).
    var firstDollars: CSVCell?

    mutating func system(_ id: String, at location: SourceLocation) -> Int {
      if let found = index[id] { return found }
      index[id] = data.systems.count
      data.systems.append(SystemCosts(system: id, location: location))
      return data.systems.count - 1
    }
  }

  // Long: one row's cells checked in order, one case per kind of row; each case is a few lines.
  /// One row into the builder; problems are errors at their cells.
  func add(_ row: [CSVCell], columns: [Column: Int], to builder: inout Builder) {
    func cell(_ column: Column) -> CSVCell? {
      guard let index = columns[column], index < row.count else { return nil }
      var value = row[index]
      value.text = value.text.trimmingWhitespace()
      return value.text.isEmpty ? nil : value
    }
    func at(_ cell: CSVCell) -> SourceLocation {
      SourceLocation(file: path, line: cell.line, column: cell.column)
    }
    guard let kindCell = cell(.kind) else {
      if let first = row.first {
        diagnostics.error(
          .badValue, "the row has no 区分 \(CSVCell.tag(of: row, field: columns[.kind] ?? 0))",
          at: at(first))
      }
      return
    }
    guard
      let kind = Kind.allCases.first(where: {
        NameKey.normalize($0.rawValue) == NameKey.normalize(kindCell.text)
      })
    else {
      diagnostics.error(
        .badValue,
        "'\(kindCell.text)' is not a 区分 (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))) \(kindCell.tag)",
        at: at(kindCell))
      return
    }
    switch kind {
    case .illustrative:
      builder.data.illustrative = true
      builder.data.source = cell(.source)?.text ?? builder.data.source
    case .rate:
      if let rateCell = cell(.rate) { builder.data.rate = rate(rateCell) }
    case .reference:
      guard let item = item(cell(.item), row: row, column: columns[.item]),
        let yen = amount(cell(.yen), row: row, column: columns[.yen], required: true)
      else { return }
      var scope = ReferenceCost.Scope.body
      if let systemCell = cell(.system) {
        guard let system = system(systemCell) else { return }
        scope = .system(system)
      } else if let areaCell = cell(.area) {
        guard let area = catalog.resolveArea(areaCell.text)?.id, plan.areas.contains(area) else {
          diagnostics.error(
            .unknownArea, "'\(areaCell.text)' is not one of the plan's 業務 \(areaCell.tag)",
            at: at(areaCell))
          return
        }
        scope = .area(area)
      }
      builder.data.reference.append(
        ReferenceCost(scope: scope, item: item, yen: yen, location: at(kindCell)))
    case .old, .new:
      guard let systemCell = cell(.system) ?? missing(.system, row: row, columns: columns),
        let system = system(systemCell),
        let item = item(cell(.item), row: row, column: columns[.item])
      else { return }
      let index = builder.system(system, at: at(systemCell))
      var costs = builder.data.systems[index]
      var contract = (kind == .old ? costs.old : costs.new) ?? CostContract(amounts: [])
      contract.start = date(cell(.start), current: contract.start)
      contract.end = date(cell(.end), current: contract.end)
      if let start = contract.start, let end = contract.end, end < start, let endCell = cell(.end) {
        diagnostics.error(
          .badDateOrder,
          "the contract ends (\(end.iso)) before it starts (\(start.iso)) \(endCell.tag)",
          at: at(endCell))
      }
      guard let amount = costAmount(item: item, cell: cell, row: row, columns: columns) else {
        return
      }
      contract.amounts.append(amount)
      if amount.usdCents != nil, builder.firstDollars == nil {
        builder.firstDollars = cell(.dollars)
      }
      if kind == .old { costs.old = contract } else { costs.new = contract }
      guard share(cell(.share), shared: cell(.shared), system: system, to: &costs, &builder)
      else { return }
      builder.data.systems[index] = costs
    case .migration:
      guard let systemCell = cell(.system) ?? missing(.system, row: row, columns: columns),
        let system = system(systemCell),
        let yen = amount(cell(.yen), row: row, column: columns[.yen], required: true)
      else { return }
      let index = builder.system(system, at: at(systemCell))
      builder.data.systems[index].migration = (builder.data.systems[index].migration ?? 0) + yen
      if let subsidyCell = cell(.subsidy),
        let subsidy = amount(subsidyCell, row: row, column: columns[.subsidy], required: false)
      {
        builder.data.systems[index].subsidy = (builder.data.systems[index].subsidy ?? 0) + subsidy
        // Checked against the migration's total once every row is read.
        builder.subsidyCells[index] = subsidyCell
      }
    }
  }

  /// A contract row's share and shared system, the same in every row of
  /// the system; false after an error.
  func share(
    _ shareCell: CSVCell?, shared sharedCell: CSVCell?, system: String,
    to costs: inout SystemCosts, _ builder: inout Builder
  ) -> Bool {
    func at(_ cell: CSVCell) -> SourceLocation {
      SourceLocation(file: path, line: cell.line, column: cell.column)
    }
    if let shareCell {
      guard let points = CostLoader.basisPoints(shareCell.text), points >= 100,
        points <= 10_000
      else {
        diagnostics.error(
          .badRange,
          "a share is a percentage from 1 to 100, not '\(shareCell.text)' (write 50 for half: "
            + "a cell formatted as % holds 0.5) \(shareCell.tag)", at: at(shareCell))
        return false
      }
      if let index = builder.shares[system], index != points {
        diagnostics.error(
          .contradiction,
          "the system's share is \(CostData.percent(index)) % in an earlier row, "
            + "\(CostData.percent(points)) % here \(shareCell.tag)", at: at(shareCell))
      }
      builder.shares[system] = points
      costs.shareBasisPoints = points
    }
    if let sharedCell {
      guard CostLoader.isSharedName(sharedCell.text) else {
        diagnostics.error(
          .badValue,
          "a shared system's name is 1 to \(CostLoader.sharedNameLength) characters, with no "
            + "control characters \(sharedCell.tag)", at: at(sharedCell))
        return false
      }
      if let earlier = costs.sharedSystem,
        NameKey.normalize(earlier) != NameKey.normalize(sharedCell.text)
      {
        diagnostics.error(
          .contradiction,
          "the system is part of '\(earlier)' in an earlier row, '\(sharedCell.text)' here "
            + "\(sharedCell.tag)", at: at(sharedCell))
        return false
      }
      costs.sharedSystem = sharedCell.text
    }
    return true
  }

  /// An error for a required cell that is blank; always nil.
  func missing(_ column: Column, row: [CSVCell], columns: [Column: Int]) -> CSVCell? {
    missing(column, row: row, index: columns[column])
  }

  /// An error for the blank cell of `column` (at `index`); always nil.
  func missing(_ column: Column, row: [CSVCell], index: Int?) -> CSVCell? {
    let tag = CSVCell.tag(of: row, field: index ?? row.count)
    // At the blank cell when the row has it, else at the row.
    let place = index.flatMap { $0 < row.count ? row[$0] : nil } ?? row.first
    diagnostics.error(
      .badValue, "this row needs its \(column.rawValue) \(tag)",
      at: SourceLocation(file: path, line: place?.line ?? 1, column: place?.column ?? 1))
    return nil
  }

  func system(_ cell: CSVCell) -> String? {
    let key = NameKey.normalize(cell.text)
    if let system = plan.systems.first(where: {
      $0.id == cell.text || NameKey.normalize($0.name) == key
    }) {
      return system.id
    }
    diagnostics.error(
      .unknownSystem, "the plan has no system '\(cell.text)' \(cell.tag)",
      at: SourceLocation(file: path, line: cell.line, column: cell.column))
    return nil
  }

  func item(_ cell: CSVCell?, row: [CSVCell], column: Int?) -> CostItem? {
    guard let cell else {
      _ = missing(.item, row: row, index: column)
      return nil
    }
    let key = NameKey.normalize(cell.text)
    let words = ReportWords(.ja)
    if let item = CostItem.allCases.first(where: {
      $0.rawValue == cell.text || NameKey.normalize(words.costItem($0)) == key
    }) {
      return item
    }
    // A name cut short (クラウド利用料 for クラウド利用料 (ガバメントクラウド)),
    // when it names one item only.
    let prefixed = CostItem.allCases.filter {
      key.count >= 4 && NameKey.normalize(words.costItem($0)).hasPrefix(key)
    }
    if prefixed.count == 1 { return prefixed[0] }
    diagnostics.error(
      .badValue,
      "unknown 費目 '\(cell.text)' (\(CostItem.allCases.map { words.costItem($0) }.joined(separator: ", "))) \(cell.tag)",
      at: SourceLocation(file: path, line: cell.line, column: cell.column))
    return nil
  }

  /// Whole yen, commas and a trailing 円 allowed; never negative.
  func amount(_ cell: CSVCell?, row: [CSVCell], column: Int?, required: Bool) -> Int? {
    guard let cell else {
      if required { _ = missing(.yen, row: row, index: column) }
      return nil
    }
    let text = cell.text.replacingOccurrences(of: ",", with: "")
      .replacingOccurrences(of: "円", with: "").trimmingWhitespace()
    guard !text.isEmpty, text.count <= 14, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let value = Int(text), value <= CostLoader.maximumAmount
    else {
      diagnostics.error(
        .badNumber, "'\(cell.text)' is not an amount (whole yen, 0 or more) \(cell.tag)",
        at: SourceLocation(file: path, line: cell.line, column: cell.column))
      return nil
    }
    return value
  }

  /// A yen or dollar amount of `item` (dollars: a cloud fee only).
  func costAmount(
    item: CostItem, cell: (Column) -> CSVCell?, row: [CSVCell], columns: [Column: Int]
  ) -> CostAmount? {
    if let dollars = cell(.dollars), let yen = cell(.yen) {
      diagnostics.error(
        .contradiction,
        "a row gives yen (\(yen.text)) or dollars (\(dollars.text)), not both \(dollars.tag)",
        at: SourceLocation(file: path, line: dollars.line, column: dollars.column))
      return nil
    }
    if let dollars = cell(.dollars) {
      guard item == .cloud else {
        diagnostics.error(
          .badValue, "only the cloud fee (クラウド利用料) is priced in dollars \(dollars.tag)",
          at: SourceLocation(file: path, line: dollars.line, column: dollars.column))
        return nil
      }
      guard let cents = Self.cents(dollars.text), cents <= CostLoader.maximumAmount else {
        diagnostics.error(
          .badNumber,
          "'\(dollars.text)' is not an amount in dollars (at most 2 decimals) \(dollars.tag)",
          at: SourceLocation(file: path, line: dollars.line, column: dollars.column))
        return nil
      }
      return CostAmount(
        item: item, usdCents: cents,
        location: SourceLocation(file: path, line: dollars.line, column: dollars.column))
    }
    guard let yen = amount(cell(.yen), row: row, column: columns[.yen], required: true) else {
      return nil
    }
    return CostAmount(
      item: item, yen: yen, pricedAt: item == .cloud ? cell(.rate).flatMap(rate) : nil)
  }

  /// `1234.5` dollars as 123,450 cents.
  static func cents(_ text: String) -> Int? {
    let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
    let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, !parts[0].isEmpty, parts[0].count <= 12,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(parts[0])
    else { return nil }
    guard parts.count == 2 else { return whole * 100 }
    guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
      let fraction = Int(parts[1])
    else { return nil }
    return whole * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
  }

  func rate(_ cell: CSVCell) -> ExchangeRate? {
    guard let rate = ExchangeRate(text: cell.text) else {
      diagnostics.error(
        .badNumber,
        "'\(cell.text)' is not a rate (1 to 1000 yen per dollar, at most 4 decimals) \(cell.tag)",
        at: SourceLocation(file: path, line: cell.line, column: cell.column))
      return nil
    }
    return rate
  }

  /// A contract's date: the cell's, which must agree with what the
  /// contract's other rows said.
  func date(_ cell: CSVCell?, current: CivilDate?) -> CivilDate? {
    guard let cell else { return current }
    let at = SourceLocation(file: path, line: cell.line, column: cell.column)
    guard let day = TableDate.parse(cell.text), day.isSupported else {
      diagnostics.error(
        .badDate, "'\(cell.text)' is not a date (\(TableDate.forms)) \(cell.tag)", at: at)
      return current
    }
    if let current, current != day {
      diagnostics.error(
        .contradiction,
        "the contract's date is \(current.iso) in an earlier row, \(day.iso) here \(cell.tag)",
        at: at)
    }
    return day
  }
}
