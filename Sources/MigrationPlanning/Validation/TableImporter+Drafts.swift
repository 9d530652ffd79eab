extension TableImporter {
  /// The table's rows as drafts of systems, read in one pass, linear in
  /// its rows: merged cells' blanks repeat the value above, rows naming
  /// the same system add to one draft, vendors are gathered one per
  /// company, and plan.xml's size is bounded from below as rows come.
  struct DraftTable {
    let importer: TableImporter
    /// Where each known column is.
    let columns: [Column: Int]
    /// The table's file, for diagnostics.
    let path: String
    /// The date the table describes (for the implied steps' count).
    let asOf: CivilDate

    /// The systems, in the order the table first names them.
    var drafts: [Draft] = []
    /// Rows read (blank rows aside).
    var rowCount = 0
    /// Each company's first spelling, in the order met.
    var vendorNames: [String] = []
    /// The cell where each of those spellings was first met.
    var firstVendorCell: [String: CSVCell] = [:]

    /// Drafts by system name, and vendor spellings by company name.
    var draftIndex: [String: Int] = [:]
    var spellingsByCompany: [String: [String]] = [:]
    /// Areas and companies by the text that names them, and a new
    /// system's step count by method (a table repeats a few of each).
    var knownAreas: [String: String?] = [:]
    var knownProcurements: [String: (ProcurementMethod, ProcurementStatus)?] = [:]
    var companies: [String: (name: String, form: String?)] = [:]
    var stepCounts: [String: Int] = [:]
    /// plan.xml's size from below: a system's tag and its steps (each at
    /// least 40 bytes).
    var sizeFromBelow = 0
    /// The last value met in each column, which a blank repeats.
    var previous: [Column: CSVCell] = [:]
    var previousSystem: String?

    init(importer: TableImporter, columns: [Column: Int], path: String, asOf: CivilDate) {
      self.importer = importer
      self.columns = columns
      self.path = path
      self.asOf = asOf
    }

    /// Adds one row. False (with `plan-too-large`) when plan.xml would
    /// pass the plan file's limit: the row is refused before the table
    /// can fill memory with systems. Other problems are reported and the
    /// row skipped.
    mutating func add(_ row: [CSVCell], diagnostics: DiagnosticCollector) -> Bool {
      rowCount += 1
      let values = repeated(row, diagnostics: diagnostics)
      guard let area = values[.area], let system = values[.system], let vendor = values[.vendor],
        let procurementCell = values[.procurement]
      else { return true }
      let tokutei = tokuteiDeadline(row, system: system, diagnostics: diagnostics)
      previousSystem = system.text
      let areaId = resolvedArea(area, diagnostics: diagnostics)
      let procurement =
        knownProcurements[procurementCell.text]
        ?? TableImporter.procurement(procurementCell.text)
      knownProcurements[procurementCell.text] = .some(procurement)
      guard let (method, status) = procurement else {
        diagnostics.error(
          .unknownProcurement,
          "unknown procurement '\(procurementCell.text)' (随意契約, プロポーザルを実施予定, プロポーザル実施済み, 一般競争入札) \(procurementCell.tag)",
          at: SourceLocation(file: path, line: procurementCell.line, column: procurementCell.column)
        )
        return true
      }
      addVendor(vendor)
      if let index = draftIndex[system.text] {
        merge(
          into: index, system: system, procurementCell: procurementCell, method: method,
          status: status, areaId: areaId, vendorName: vendor.text, tokutei: tokutei,
          diagnostics: diagnostics)
        return true
      }
      let proposalDone = status == .done && method != .negotiated
      sizeFromBelow += 150 + system.text.utf8.count + 40 * stepCount(method, proposalDone)
      if sizeFromBelow > XMLDocumentReader.maximumSize {
        TableImporter.tooLarge(
          at: system, number: drafts.count + 1, path: path, diagnostics: diagnostics)
        return false
      }
      draftIndex[system.text] = drafts.count
      drafts.append(
        Draft(
          name: system.text, areas: areaId.map { [$0] } ?? [], respondents: [vendor.text],
          method: method, status: status, procurementCell: procurementCell, systemCell: system,
          tokutei: tokutei))
      return true
    }

    /// The row's cell in `column`, trimmed (an empty one past the row's end).
    func cell(_ column: Column, of row: [CSVCell]) -> CSVCell? {
      guard let index = columns[column] else { return nil }
      let line = row.first?.line ?? 0
      var value =
        index < row.count
        ? row[index]
        : CSVCell(text: "", line: line, column: 1, row: row.first?.row ?? 0, field: index)
      value.text = value.text.trimmingWhitespace()
      return value
    }

    /// The row's area, system, vendor and procurement, a blank repeating
    /// the value above (`nothing-to-repeat` in the first row).
    mutating func repeated(_ row: [CSVCell], diagnostics: DiagnosticCollector) -> [Column: CSVCell]
    {
      var values: [Column: CSVCell] = [:]
      for column in [Column.area, .system, .vendor, .procurement] {
        guard var value = cell(column, of: row) else { continue }
        if value.text.isEmpty {
          guard let above = previous[column] else {
            diagnostics.error(
              .nothingToRepeat,
              "blank '\(column.names[0])' in the first row: there is nothing above to repeat \(value.tag)",
              at: SourceLocation(file: path, line: value.line, column: value.column))
            continue
          }
          value.text = above.text
        } else {
          previous[column] = value
        }
        values[column] = value
      }
      return values
    }

    /// The row's 特定移行支援 deadline: its cell's date, or, blank, the
    /// one of the system the row above named when it is this one.
    func tokuteiDeadline(_ row: [CSVCell], system: CSVCell, diagnostics: DiagnosticCollector)
      -> CivilDate?
    {
      guard let value = cell(.tokutei, of: row) else { return nil }
      if value.text.isEmpty {
        guard previousSystem == system.text else { return nil }
        return draftIndex[system.text].map { drafts[$0].tokutei } ?? nil
      }
      let at = SourceLocation(file: path, line: value.line, column: value.column)
      guard let date = TableDate.parse(value.text) else {
        diagnostics.error(
          .badDate, "'\(value.text)' is not a date (\(TableDate.forms)) \(value.tag)", at: at)
        return nil
      }
      guard date.isSupported else {
        diagnostics.error(
          .dateOutOfRange,
          "\(date.iso) is out of range: \(CivilDate.supportedText) \(value.tag)", at: at)
        return nil
      }
      return date
    }

    /// The catalog area a cell names (`unknown-area`, with a suggestion,
    /// when none).
    mutating func resolvedArea(_ cell: CSVCell, diagnostics: DiagnosticCollector) -> String? {
      let found: String?
      if let known = knownAreas[cell.text] {
        found = known
      } else {
        found = importer.catalog.resolveArea(cell.text)?.id
        knownAreas[cell.text] = .some(found)
      }
      if found == nil {
        var message = "unknown area '\(cell.text)'"
        if let suggestion = importer.catalog.suggestArea(for: cell.text) {
          message +=
            "; did you mean '\(importer.catalog.area(suggestion)?.name ?? suggestion)' (\(suggestion))?"
        }
        diagnostics.error(
          .unknownArea, message + " \(cell.tag)",
          at: SourceLocation(file: path, line: cell.line, column: cell.column))
      }
      return found
    }

    /// A company's name and legal form, by the text that spells it.
    mutating func company(_ text: String) -> (name: String, form: String?) {
      if let known = companies[text] { return known }
      let company = NameKey.company(text)
      companies[text] = company
      return company
    }

    /// Records a vendor's spelling when its company is new.
    mutating func addVendor(_ cell: CSVCell) {
      let name = cell.text
      let company = company(name)
      let spellings = spellingsByCompany[company.name] ?? []
      if !spellings.contains(where: { NameKey.sameCompany(self.company($0), company) }) {
        vendorNames.append(name)
        firstVendorCell[name] = cell
        spellingsByCompany[company.name, default: []].append(name)
      }
    }

    /// The plan's vendor id for a spelling: its company's.
    func vendorId(_ text: String, in vendors: ImportedVendors) -> String? {
      let company = companies[text] ?? NameKey.company(text)
      return (spellingsByCompany[company.name] ?? []).first {
        NameKey.sameCompany(companies[$0] ?? NameKey.company($0), company)
      }.flatMap { vendors.idBySpelling[$0] }
    }

    /// A new system's step count, by method and whether its proposal is done.
    mutating func stepCount(_ method: ProcurementMethod, _ proposalDone: Bool) -> Int {
      let key = "\(method.rawValue) \(proposalDone)"
      if let known = stepCounts[key] { return known }
      let count = importer.steps(
        for: method, proposalDone: proposalDone, respondents: true, asOf: asOf
      ).count
      stepCounts[key] = count
      return count
    }

    /// A row about a system already drafted: its procurement must agree
    /// (`contradiction`), and so must its 特定移行支援 deadline; its area
    /// and vendor are added.
    mutating func merge(
      into index: Int, system: CSVCell, procurementCell: CSVCell, method: ProcurementMethod,
      status: ProcurementStatus, areaId: String?, vendorName: String, tokutei: CivilDate?,
      diagnostics: DiagnosticCollector
    ) {
      let draft = drafts[index]
      if draft.method != method || draft.status != status {
        diagnostics.error(
          .contradiction,
          "system '\(system.text)' has procurement '\(draft.procurementCell.text)' at line "
            + "\(draft.procurementCell.line) \(draft.procurementCell.tag) "
            + "but '\(procurementCell.text)' here \(procurementCell.tag)",
          at: SourceLocation(file: path, line: procurementCell.line, column: procurementCell.column)
        )
      }
      if let tokutei, let known = draft.tokutei, known != tokutei {
        diagnostics.error(
          .contradiction,
          "system '\(system.text)' has two 特定移行支援 deadlines \(system.tag)",
          at: SourceLocation(file: path, line: system.line, column: system.column))
      }
      if let areaId, !draft.areas.contains(areaId) { drafts[index].areas.append(areaId) }
      if !draft.respondents.contains(vendorName) { drafts[index].respondents.append(vendorName) }
      if let tokutei { drafts[index].tokutei = tokutei }
    }
  }
}
