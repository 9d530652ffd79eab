import Foundation

/// The monthly PMO survey as a table: one row per area (業務), one column
/// per step, cells in the PMO vocabulary (完了済み, 作業中, 未着手, 対象外;
/// blank is 未着手). Turned into step changes for every system serving the
/// area (`migplan record --sheet`).
///
/// Step columns are recognised by the catalog's id (`1.1`), by the
/// ministry's header (`①-1 推進体制案の作成`, the circled group number, a dash
/// and the step's index) or by the step's name. Optional 都道府県 and
/// 市区町村 columns must agree with the plan.
public struct ProgressSheet {
  /// The validated catalog.
  public let catalog: Catalog
  /// The plan the sheet reports on.
  public let plan: Plan

  /// A reader of PMO sheets for `plan`.
  public init(catalog: Catalog, plan: Plan) {
    self.catalog = catalog
    self.plan = plan
  }

  /// The changes the sheet makes to the plan as of `asOf`, or nil with
  /// errors (each at its cell). Warnings: systems whose areas disagree, done
  /// steps set back, columns ignored. Three stages: the header
  /// (`columns(of:)`), each row's statuses per area (`statuses(of:)`), then
  /// per system the least advanced status among its areas
  /// (`wanted(for:)`), turned into changes.
  public func changes<Records: Sequence<[CSVCell]>>(
    _ records: Records, path: String, asOf: CivilDate, diagnostics: DiagnosticCollector
  ) -> [StepChange]? {
    let errorsBefore = diagnostics.errorCount
    // One pass: the header, then each row as the reader gives it.
    var rows = records.enumerated().lazy.filter { _, record in
      record.contains { !$0.text.trimmingWhitespace().isEmpty }
    }.makeIterator()
    guard let (_, header) = rows.next() else {
      guard diagnostics.errorCount == errorsBefore else { return nil }
      diagnostics.error(.sheetEmpty, "the sheet has no rows", at: SourceLocation(file: path))
      return nil
    }
    guard
      let columns = columns(of: header, path: path, diagnostics: diagnostics)
    else { return nil }
    // Rows: the status of each step per area.
    var statusByArea: [String: [String: StepStatus]] = [:]
    var rowOfArea: [String: Int] = [:]
    while let (index, record) = rows.next() {
      guard
        let area = area(
          of: record, columns: columns, path: path, diagnostics: diagnostics)
      else { continue }
      if let first = rowOfArea[area] {
        diagnostics.error(
          .sheetDuplicateArea,
          "\(catalog.area(area)?.name ?? area) has two rows (\(first) and \(record.first?.row ?? 0)) "
            + CSVCell.tag(of: record, field: columns.area),
          at: columns.location(of: record, columns.area, path: path))
        continue
      }
      rowOfArea[area] = record.first?.row ?? index + 1
      statusByArea[area] = statuses(
        of: record, columns: columns, path: path, diagnostics: diagnostics)
    }
    guard diagnostics.errorCount == errorsBefore else { return nil }
    let sheetLocation = SourceLocation(file: path)
    var result: [StepChange] = []
    for system in plan.systems {
      guard
        let wanted = wanted(
          for: system, statusByArea, columns: columns, at: sheetLocation, diagnostics)
      else { continue }
      result += changes(for: system, wanted, asOf: asOf, at: sheetLocation, diagnostics)
    }
    return result
  }

  /// Where the sheet's columns are: its 業務 column, the optional 都道府県
  /// and 市区町村, and each step's.
  struct Columns {
    var area: Int
    var prefecture: Int?
    var municipality: Int?
    var steps: [(column: Int, step: String)]

    /// Where a row's cell in `column` is (the row's line when it has none).
    func location(of record: [CSVCell], _ column: Int, path: String) -> SourceLocation {
      column < record.count
        ? SourceLocation(file: path, line: record[column].line, column: record[column].column)
        : SourceLocation(file: path, line: record.first?.line ?? 0)
    }
  }

  /// The header's columns, or nil (with an error) without a 業務 column or
  /// any step column. A step with two columns is an error; a column that
  /// is none of these is ignored, with a warning.
  func columns(
    of header: [CSVCell], path: String, diagnostics: DiagnosticCollector
  ) -> Columns? {
    func location(_ cell: CSVCell) -> SourceLocation {
      SourceLocation(file: path, line: cell.line, column: cell.column)
    }
    var area: Int?
    var prefecture: Int?
    var municipality: Int?
    var steps: [(column: Int, step: String)] = []
    for (column, cell) in header.enumerated() {
      let text = NameKey.normalize(cell.text)
      if text.isEmpty { continue }
      if ["業務", "業務名", "事務", "事務名", "area", "対象業務"].contains(text) {
        area = column
      } else if ["都道府県", "都道府県名", "prefecture"].contains(text) {
        prefecture = column
      } else if ["市区町村", "市区町村名", "団体名", "自治体名", "municipality"].contains(text) {
        municipality = column
      } else if let step = stepId(forHeader: cell.text) {
        if let other = steps.first(where: { $0.step == step }) {
          diagnostics.error(
            .sheetDuplicateColumn,
            "step \(step) has two columns (\(header[other.column].reference) and "
              + "\(cell.reference))", at: location(cell))
        } else {
          steps.append((column, step))
        }
      } else {
        diagnostics.warning(
          .sheetColumnIgnored,
          "column '\(cell.text)' is not a step, 業務, 都道府県 or 市区町村: ignored "
            + cell.tag, at: location(cell))
      }
    }
    let first = header.first.map(location) ?? SourceLocation(file: path)
    guard let area else {
      diagnostics.error(
        .sheetMissingColumn, "the sheet needs a 業務 column (the area of each row)", at: first)
      return nil
    }
    if steps.isEmpty {
      diagnostics.error(
        .sheetMissingColumn,
        "no step column: headers are step ids (1.1 … 18.1), the PMO tool's headers (①-1 …) or step names",
        at: first)
      return nil
    }
    return Columns(area: area, prefecture: prefecture, municipality: municipality, steps: steps)
  }

  /// One row's area, or nil (with an error) when it is missing, unknown
  /// or not the plan's. 都道府県 and 市区町村, when given, must be the
  /// plan's.
  func area(
    of record: [CSVCell], columns: Columns, path: String,
    diagnostics: DiagnosticCollector
  ) -> String? {
    func cell(_ column: Int) -> CSVCell? { column < record.count ? record[column] : nil }
    func where_(_ column: Int) -> SourceLocation {
      columns.location(of: record, column, path: path)
    }
    let cellName = { (column: Int) in CSVCell.tag(of: record, field: column) }
    for (column, expected, what) in [
      (columns.prefecture, plan.prefecture, "都道府県"),
      (columns.municipality, plan.municipality, "市区町村"),
    ] {
      guard let column, let text = cell(column)?.text.trimmingWhitespace(), !text.isEmpty else {
        continue
      }
      if let expected, NameKey.normalize(text) != NameKey.normalize(expected) {
        diagnostics.error(
          .sheetOtherBody,
          "\(what) '\(text)' is not the plan's '\(expected)': is this another body's sheet? "
            + cellName(column), at: where_(column))
      }
    }
    let areaText = cell(columns.area)?.text.trimmingWhitespace() ?? ""
    if areaText.isEmpty {
      diagnostics.error(
        .sheetMissingArea, "the row has no 業務 " + cellName(columns.area),
        at: where_(columns.area))
      return nil
    }
    guard let area = catalog.resolveArea(areaText)?.id else {
      var message = "unknown area '\(areaText)'"
      if let suggestion = catalog.suggestArea(for: areaText) {
        message += "; did you mean '\(catalog.area(suggestion)?.name ?? suggestion)'?"
      }
      diagnostics.error(
        .unknownArea, message + " " + cellName(columns.area), at: where_(columns.area))
      return nil
    }
    guard plan.areas.contains(area) else {
      diagnostics.error(
        .areaNotInPlan,
        "\(catalog.area(area)?.name ?? area) is not among the plan's areas "
          + cellName(columns.area),
        at: where_(columns.area))
      return nil
    }
    return area
  }

  /// One row's status of each step (a blank is 未着手; `bad-status` for a
  /// word that is none).
  func statuses(
    of record: [CSVCell], columns: Columns, path: String,
    diagnostics: DiagnosticCollector
  ) -> [String: StepStatus] {
    func cell(_ column: Int) -> CSVCell? { column < record.count ? record[column] : nil }
    var statuses: [String: StepStatus] = [:]
    for (column, step) in columns.steps {
      let text = cell(column)?.text.trimmingWhitespace() ?? ""
      if text.isEmpty {
        statuses[step] = .notStarted
      } else if let status = StepStatus(text: text) {
        statuses[step] = status
      } else {
        diagnostics.error(
          .badStatus,
          "'\(text)' is not a PMO status (完了済み, 作業中, 未着手, 対象外, or blank) "
            + CSVCell.tag(of: record, field: column),
          at: columns.location(of: record, column, path: path))
      }
    }
    return statuses
  }

  /// Per step on the sheet, the least advanced status among the system's
  /// areas there (`sheet-disagreement` when they differ); nil when none
  /// of its areas is on the sheet.
  func wanted(
    for system: LocalSystem, _ statusByArea: [String: [String: StepStatus]], columns: Columns,
    at sheetLocation: SourceLocation, _ diagnostics: DiagnosticCollector
  ) -> [(StepDefinition, StepStatus)]? {
    let areas = system.areas.filter { statusByArea[$0] != nil }
    guard !areas.isEmpty else { return nil }
    var wanted: [(StepDefinition, StepStatus)] = []
    for step in catalog.template.steps where columns.steps.contains(where: { $0.step == step.id }) {
      let perArea = areas.map { ($0, statusByArea[$0]?[step.id] ?? .notStarted) }
      guard var status = perArea.first?.1 else { continue }
      for (_, other) in perArea.dropFirst() where Self.rank(other) < Self.rank(status) {
        status = other
      }
      if Set(perArea.map(\.1)).count > 1 {
        diagnostics.warning(
          .sheetDisagreement,
          "system '\(system.id)' step \(step.id): its areas disagree ("
            + perArea.map { "\(catalog.area($0.0)?.name ?? $0.0) \($0.1.japaneseName)" }
            .joined(separator: ", ")
            + "); the least advanced, \(status.japaneseName), is recorded",
          at: sheetLocation)
      }
      wanted.append((step, status))
    }
    return wanted
  }

  /// Not started, in progress, then done and not applicable.
  static func rank(_ status: StepStatus) -> Int {
    switch status {
    case .notStarted: 0
    case .inProgress: 1
    case .notApplicable: 2
    case .done: 3
    }
  }

  /// The changes for one system: unchanged steps keep their dates; newly
  /// done steps get assumed dates laid back to back, in template order,
  /// ending on the as-of date (a step that was in progress keeps its start);
  /// newly started steps start on the as-of date (assumed).
  func changes(
    for system: LocalSystem, _ wanted: [(StepDefinition, StepStatus)], asOf: CivilDate,
    at location: SourceLocation, _ diagnostics: DiagnosticCollector
  ) -> [StepChange] {
    var result: [StepChange] = []
    var newlyDone: [(StepDefinition, StepRecord?)] = []
    for (step, status) in wanted {
      let before = system.record(step.id)
      let current = before?.status ?? .notStarted
      guard status != current else { continue }
      if current == .done {
        diagnostics.warning(
          .sheetSetsBack,
          "system '\(system.id)' step \(step.id) was recorded done; the sheet says "
            + "\(status.japaneseName), and it is set back", at: location)
      }
      switch status {
      case .done: newlyDone.append((step, before))
      case .inProgress:
        result.append(
          StepChange(
            system: system.id, step: step.id, status: .inProgress,
            start: catalog.calendar.workingDay(onOrBefore: asOf), datesAssumed: true))
      case .notStarted, .notApplicable:
        result.append(StepChange(system: system.id, step: step.id, status: status))
      }
    }
    var end = asOf.adding(days: 1)
    var laid: [StepChange] = []
    for (step, before) in newlyDone.reversed() {
      var start: CivilDate
      if before?.status == .inProgress, let recorded = before?.start, recorded < end {
        start = recorded
      } else {
        start = end
        var remaining = max(step.duration(for: system.procurement), 1)
        while remaining > 0 {
          start = start.adding(days: -1)
          if catalog.calendar.isWorkingDay(start) { remaining -= 1 }
        }
      }
      laid.append(
        StepChange(
          system: system.id, step: step.id, status: .done, start: start, end: end,
          datesAssumed: true))
      end = min(end, start)
    }
    return result + laid.reversed()
  }

  /// The step a header names: `1.1`, `①-1 推進体制案の作成` (also `1-1`), or
  /// a step's name, compared without spaces and width differences.
  public func stepId(forHeader header: String) -> String? {
    let text = NameKey.normalize(header)
    if catalog.template.step(text) != nil { return text }
    // NFKC makes ① into 1: "1-1推進体制案の作成".
    let scalars = Array(text.unicodeScalars)
    var index = 0
    var group = ""
    while index < scalars.count, ("0"..."9").contains(scalars[index]) {
      group.unicodeScalars.append(scalars[index])
      index += 1
    }
    if !group.isEmpty, index < scalars.count, scalars[index] == "-" || scalars[index] == "." {
      index += 1
      var member = ""
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        member.unicodeScalars.append(scalars[index])
        index += 1
      }
      if let g = Int(group), let m = Int(member), catalog.template.step("\(g).\(m)") != nil {
        return "\(g).\(m)"
      }
    }
    let byName = catalog.template.steps.first { NameKey.normalize($0.name) == text }
    return byName?.id
  }
}

/// Cells as a spreadsheet names them: the column letter and the row.
public enum SheetCell {
  /// `B8` for record index 7, column index 1 (records counted from 0).
  public static func name(row: Int, column: Int) -> String {
    var letters = ""
    var value = column + 1
    while value > 0 {
      let remainder = (value - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
      value = (value - 1) / 26
    }
    return letters + String(row + 1)
  }
}
