/// Builds a plan from the table municipalities keep (業務名, 業務システム名,
/// RFI回答事業者, 調達方針), read as CSV: merged cells leave blanks that repeat
/// the value above; rows naming the same system describe one system.
///
/// Diagnostic ids: `csv-empty`, `csv-syntax`, `csv-encoding`,
/// `missing-column`, `unknown-column` (warning), `nothing-to-repeat`,
/// `unknown-area`, `unknown-procurement`, `contradiction`, `bad-date`,
/// `unmatched-vendor` (warning), `no-rows`.
public struct TableImporter {
  /// The validated catalog.
  public var catalog: Catalog
  /// The vendors' spec sheets, to match vendor names.
  public var vendors: VendorDirectory

  /// An importer against the catalog and the sheets.
  public init(catalog: Catalog, vendors: VendorDirectory) {
    self.catalog = catalog
    self.vendors = vendors
  }

  /// What the table does not say.
  public struct Settings: Sendable {
    /// The municipality's name.
    public var municipality: String
    /// The date the table describes.
    public var asOf: CivilDate
    /// The common deadline.
    public var deadline: CivilDate
    /// Nil: assumed, one project per system (it never binds by itself).
    public var staffCapacity: Int?

    /// Settings; without `staffCapacity`, one project per system (assumed).
    public init(municipality: String, asOf: CivilDate, deadline: CivilDate, staffCapacity: Int?) {
      self.municipality = municipality
      self.asOf = asOf
      self.deadline = deadline
      self.staffCapacity = staffCapacity
    }
  }

  enum Column: CaseIterable {
    case number, area, system, vendor, procurement, tokutei

    var names: [String] {
      switch self {
      case .number: ["No", "#", "No."]
      case .area: ["業務名", "area"]
      case .system: ["業務システム名", "system"]
      case .vendor: ["RFI回答事業者", "RFI回答事業者(対応可能事業者)", "vendor"]
      case .procurement: ["調達方針", "procurement"]
      case .tokutei: ["特定移行支援", "tokutei"]
      }
    }

    var isRequired: Bool {
      self == .area || self == .system || self == .vendor || self == .procurement
    }
  }

  /// The procurement words municipalities use.
  static func procurement(_ text: String) -> (ProcurementMethod, ProcurementStatus)? {
    switch NameKey.normalize(text) {
    case "随意契約": (.negotiated, .planned)
    case "プロポーザルを実施予定", "プロポーザル実施予定", "プロポ実施予定": (.proposal, .planned)
    case "プロポーザル実施済み", "プロポ実施済み", "プロポーザルを実施済み": (.proposal, .done)
    case "一般競争入札": (.openTender, .planned)
    default: nil
    }
  }

  /// One system as the table's rows describe it, before ids are given.
  struct Draft {
    var name: String
    var areas: [String] = []
    var respondents: [String] = []
    var method: ProcurementMethod
    var status: ProcurementStatus
    var procurementCell: CSVCell
    var systemCell: CSVCell
    var tokutei: CivilDate?
  }

  /// The plan, or nil when the table has errors (all reported).
  public func importTable<Records: Sequence<[CSVCell]>>(
    _ records: Records, path: String, settings: Settings, diagnostics: DiagnosticCollector
  ) -> Plan? {
    let errorsBefore = diagnostics.errorCount
    // One pass: the header, then each row as the reader gives it.
    var rows = records.lazy.filter { !$0.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
      .makeIterator()
    guard let header = rows.next() else {
      // A reader's error has said why already.
      guard diagnostics.errorCount == errorsBefore else { return nil }
      diagnostics.error(
        .csvEmpty, "the table is empty", at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    }
    var position: [Column: Int] = [:]
    for (index, cell) in header.enumerated() {
      let key = NameKey.normalize(cell.text)
      if let column = Column.allCases.first(where: {
        $0.names.contains { NameKey.normalize($0) == key }
      }) {
        position[column] = index
      } else if !key.isEmpty {
        diagnostics.warning(
          .unknownColumn, "unknown column '\(cell.text)' is ignored [セル \(cell.reference)]",
          at: SourceLocation(file: path, line: cell.line, column: cell.column))
      }
    }
    for column in Column.allCases where column.isRequired && position[column] == nil {
      diagnostics.error(
        .missingColumn, "the table has no '\(column.names[0])' column",
        at: SourceLocation(file: path, line: header.first?.line ?? 1, column: 1))
    }
    guard diagnostics.errorCount == errorsBefore else { return nil }
    var rowCount = 0

    var drafts: [Draft] = []
    // Drafts by system name, and vendor spellings by company name: the
    // table is read in one pass, linear in its rows.
    var draftIndex: [String: Int] = [:]
    var spellingsByCompany: [String: [String]] = [:]
    var firstVendorCell: [String: CSVCell] = [:]
    // Areas and companies by the text that names them (a table repeats a
    // few names).
    var knownAreas: [String: String?] = [:]
    func resolvedArea(_ text: String) -> String? {
      if let known = knownAreas[text] { return known }
      let found = catalog.resolveArea(text)?.id
      knownAreas[text] = .some(found)
      return found
    }
    var companies: [String: (name: String, form: String?)] = [:]
    func companyOf(_ text: String) -> (name: String, form: String?) {
      if let known = companies[text] { return known }
      let company = NameKey.company(text)
      companies[text] = company
      return company
    }
    // A new system's steps, by method and whether its proposal is done.
    var stepCounts: [String: Int] = [:]
    func stepCount(_ method: ProcurementMethod, proposalDone: Bool) -> Int {
      let key = "\(method.rawValue) \(proposalDone)"
      if let known = stepCounts[key] { return known }
      let count = steps(
        for: method, proposalDone: proposalDone, respondents: true, asOf: settings.asOf
      ).count
      stepCounts[key] = count
      return count
    }
    var sizeFromBelow = 0
    var previous: [Column: CSVCell] = [:]
    var previousSystem: String?
    var vendorNames: [String] = []
    while let row = rows.next() {
      rowCount += 1
      func cell(_ column: Column) -> CSVCell? {
        guard let index = position[column] else { return nil }
        let line = row.first?.line ?? 0
        let value =
          index < row.count
          ? row[index]
          : CSVCell(text: "", line: line, column: 1, row: row.first?.row ?? 0, field: index)
        var trimmed = value
        trimmed.text = value.text.trimmingWhitespace()
        return trimmed
      }
      var values: [Column: CSVCell] = [:]
      for column in [Column.area, .system, .vendor, .procurement] {
        guard var value = cell(column) else { continue }
        if value.text.isEmpty {
          guard let above = previous[column] else {
            diagnostics.error(
              .nothingToRepeat,
              "blank '\(column.names[0])' in the first row: there is nothing above to repeat [セル \(value.reference)]",
              at: SourceLocation(file: path, line: value.line, column: value.column))
            continue
          }
          value.text = above.text
        } else {
          previous[column] = value
        }
        values[column] = value
      }
      guard let area = values[.area], let system = values[.system], let vendor = values[.vendor],
        let procurementCell = values[.procurement]
      else { continue }
      var tokutei: CivilDate?
      if let cellValue = cell(.tokutei) {
        if cellValue.text.isEmpty {
          if previousSystem == system.text {
            tokutei = draftIndex[system.text].map { drafts[$0].tokutei } ?? nil
          }
        } else if let date = CivilDate(iso: cellValue.text.replacingOccurrences(of: "/", with: "-"))
        {
          if date.isSupported {
            tokutei = date
          } else {
            diagnostics.error(
              .dateOutOfRange,
              "\(date.iso) is out of range: \(CivilDate.supportedText) [セル \(cellValue.reference)]",
              at: SourceLocation(file: path, line: cellValue.line, column: cellValue.column))
          }
        } else {
          diagnostics.error(
            .badDate,
            "'\(cellValue.text)' is not a date (YYYY-MM-DD) [セル \(cellValue.reference)]",
            at: SourceLocation(file: path, line: cellValue.line, column: cellValue.column))
        }
      }
      previousSystem = system.text
      let areaId = resolvedArea(area.text)
      if areaId == nil {
        var message = "unknown area '\(area.text)'"
        if let suggestion = catalog.suggestArea(for: area.text) {
          message +=
            "; did you mean '\(catalog.area(suggestion)?.name ?? suggestion)' (\(suggestion))?"
        }
        diagnostics.error(
          .unknownArea, message + " [セル \(area.reference)]",
          at: SourceLocation(file: path, line: area.line, column: area.column))
      }
      guard let (method, status) = Self.procurement(procurementCell.text) else {
        diagnostics.error(
          .unknownProcurement,
          "unknown procurement '\(procurementCell.text)' (随意契約, プロポーザルを実施予定, プロポーザル実施済み, 一般競争入札) [セル \(procurementCell.reference)]",
          at: SourceLocation(file: path, line: procurementCell.line, column: procurementCell.column)
        )
        continue
      }
      let vendorName = vendor.text
      // One vendor per company, however its name is written.
      let company = companyOf(vendorName)
      if !(spellingsByCompany[company.name] ?? []).contains(where: {
        NameKey.sameCompany(companyOf($0), company)
      }) {
        vendorNames.append(vendorName)
        firstVendorCell[vendorName] = vendor
        spellingsByCompany[company.name, default: []].append(vendorName)
      }
      if let index = draftIndex[system.text] {
        if drafts[index].method != method || drafts[index].status != status {
          diagnostics.error(
            .contradiction,
            "system '\(system.text)' has procurement '\(drafts[index].procurementCell.text)' at line "
              + "\(drafts[index].procurementCell.line) (セル \(drafts[index].procurementCell.reference)) "
              + "but '\(procurementCell.text)' here [セル \(procurementCell.reference)]",
            at: SourceLocation(
              file: path, line: procurementCell.line, column: procurementCell.column))
        }
        if let tokutei, let known = drafts[index].tokutei, known != tokutei {
          diagnostics.error(
            .contradiction,
            "system '\(system.text)' has two 特定移行支援 deadlines [セル \(system.reference)]",
            at: SourceLocation(file: path, line: system.line, column: system.column))
        }
        if let areaId, !drafts[index].areas.contains(areaId) { drafts[index].areas.append(areaId) }
        if !drafts[index].respondents.contains(vendorName) {
          drafts[index].respondents.append(vendorName)
        }
        if let tokutei { drafts[index].tokutei = tokutei }
      } else {
        // plan.xml's size, from below: a system's tag and its steps (each
        // at least 40 bytes). Past the plan file's limit, the row is
        // refused before the table can fill memory with systems.
        let proposalDone = status == .done && method != .negotiated
        sizeFromBelow +=
          150 + system.text.utf8.count + 40 * stepCount(method, proposalDone: proposalDone)
        if sizeFromBelow > XMLDocumentReader.maximumSize {
          Self.tooLarge(at: system, number: drafts.count + 1, path: path, diagnostics: diagnostics)
          return nil
        }
        draftIndex[system.text] = drafts.count
        drafts.append(
          Draft(
            name: system.text, areas: areaId.map { [$0] } ?? [], respondents: [vendorName],
            method: method,
            status: status, procurementCell: procurementCell, systemCell: system,
            tokutei: tokutei))
      }
    }
    guard diagnostics.errorCount == errorsBefore else { return nil }
    guard rowCount > 0 else {
      diagnostics.error(
        .noRows, "the table has a header but no rows",
        at: SourceLocation(file: path, line: 2, column: 1))
      return nil
    }

    // Vendors: the spec sheet's id where the official name matches.
    let location = SourceLocation(file: path)
    var planVendors: [PlanVendor] = []
    var vendorId: [String: String] = [:]
    var capacityUnknown: Set<String> = []
    var vendorIds: Set<String> = []
    for spelling in vendorNames {
      var id: String
      // Recorded by the spec sheet's official name, else the first spelling met.
      var name = spelling
      if let sheet = vendors.sheets(forVendorNamed: spelling).first {
        id = sheet.vendorId
        name = sheet.vendorName
      } else {
        id = "vendor-\(planVendors.count + 1)"
        let cell = firstVendorCell[spelling]
        diagnostics.warning(
          .unmatchedVendor,
          "no spec sheet matches vendor '\(spelling)': the plan records it without one, with an "
            + "assumed capacity (the systems it serves here)"
            + (cell.map { " [セル \($0.reference)]" } ?? ""),
          at: SourceLocation(file: path, line: cell?.line ?? 0, column: cell?.column ?? 0))
        capacityUnknown.insert(spelling)
      }
      while vendorIds.contains(id) { id += "-2" }
      vendorIds.insert(id)
      vendorId[spelling] = id
      planVendors.append(PlanVendor(id: id, name: name, capacity: nil, location: location))
    }
    func planVendor(_ text: String) -> String? {
      let company = companyOf(text)
      return (spellingsByCompany[company.name] ?? []).first {
        NameKey.sameCompany(companyOf($0), company)
      }.flatMap { vendorId[$0] }
    }

    var areas: [String] = []
    var systems: [LocalSystem] = []
    var systemIds: Set<String> = []
    var nextSuffix: [String: Int] = [:]
    for draft in drafts {
      for area in draft.areas where !areas.contains(area) { areas.append(area) }
      let base = draft.areas.first ?? "system"
      var id = base
      while systemIds.contains(id) {
        let suffix = nextSuffix[base, default: 2]
        nextSuffix[base] = suffix + 1
        id = base + "-\(suffix)"
      }
      systemIds.insert(id)
      var respondents: [String] = []
      for id in draft.respondents.compactMap(planVendor) where !respondents.contains(id) {
        respondents.append(id)
      }
      systems.append(
        LocalSystem(
          id: id, name: draft.name, areas: draft.areas, respondents: respondents,
          vendor: respondents.count == 1 ? respondents.first : nil, product: nil,
          procurement: draft.method,
          procurementStatus: draft.status, tokuteiDeadline: draft.tokutei, budget: nil,
          steps: steps(
            for: draft.method, proposalDone: draft.status == .done && draft.method != .negotiated,
            respondents: !respondents.isEmpty, asOf: settings.asOf),
          milestones: [], location: location))
    }
    // Capacities the table does not give are assumed, and never bind by
    // themselves: staff, one project per system; a vendor without a spec
    // sheet, the systems it serves here.
    let unknownIds = Set(capacityUnknown.compactMap { vendorId[$0] })
    var served: [String: Int] = [:]
    for system in systems {
      if let vendor = system.expectedVendor { served[vendor, default: 0] += 1 }
    }
    for (index, vendor) in planVendors.enumerated() where unknownIds.contains(vendor.id) {
      planVendors[index].capacity = max(served[vendor.id] ?? 0, 1)
      planVendors[index].capacityAssumed = true
    }
    var plan = Plan(
      municipality: settings.municipality, prefecture: nil, code: nil, asOf: settings.asOf,
      deadline: settings.deadline, atRiskDays: 60,
      staffCapacity: settings.staffCapacity ?? max(systems.count, 1), areas: areas,
      vendors: planVendors, systems: systems, goLiveLinks: [], location: location)
    plan.staffCapacityAssumed = settings.staffCapacity == nil
    // plan.xml must stay readable: the row that would take it past the
    // plan file's limit is refused at its cell.
    if let index = PlanWriter.firstSystemBeyond(
      XMLDocumentReader.maximumSize, plan: plan, catalog: catalog,
      header: PlanWriter.importHeader(table: path))
    {
      Self.tooLarge(
        at: drafts[index].systemCell, number: index + 1, path: path, diagnostics: diagnostics)
      return nil
    }
    return plan
  }

  /// `plan-too-large` at the system cell whose system would take plan.xml
  /// past the plan file's limit.
  static func tooLarge(
    at cell: CSVCell, number: Int, path: String, diagnostics: DiagnosticCollector
  ) {
    diagnostics.error(
      .planTooLarge,
      "the plan would pass \(XMLDocumentReader.maximumSize >> 20) MB, the plan file's limit, "
        + "at system \(NumberStyle.count(number)), '\(cell.text.prefix(40))'; split the "
        + "table [セル \(cell.reference)]",
      at: SourceLocation(file: path, line: cell.line, column: cell.column))
  }

  /// What the table says and what it implies: the RFI (groups 5–6) done
  /// where respondents are listed; RFP and selection (groups 9–10) done
  /// where a proposal is done; and every step the template puts before a
  /// done step (its predecessors, transitively), which must have been done
  /// for it, so the plan is consistent (no `status-order` warning about the
  /// import's own assumptions). Dates are assumed: laid back to back, in
  /// template order, ending on the as-of date.
  func steps(for method: ProcurementMethod, proposalDone: Bool, respondents: Bool, asOf: CivilDate)
    -> [StepRecord]
  {
    let calendar = catalog.calendar
    let steps = catalog.template.steps
    var isDone = Set(
      steps.filter { step in
        (respondents && (step.group == 5 || step.group == 6))
          || (proposalDone && (step.group == 9 || step.group == 10))
      }.map(\.id))
    // Close under the template's links (the template is acyclic).
    var pending = Array(isDone)
    while let id = pending.popLast() {
      for link in catalog.template.step(id)?.predecessors ?? [] where !isDone.contains(link.step) {
        isDone.insert(link.step)
        pending.append(link.step)
      }
    }
    let done = steps.filter { isDone.contains($0.id) }
    var records: [StepRecord] = []
    var end = asOf.adding(days: 1)
    for step in done.reversed() {
      var start = end
      var remaining = max(step.duration(for: method), 1)
      while remaining > 0 {
        start = start.adding(days: -1)
        if calendar.isWorkingDay(start) { remaining -= 1 }
      }
      records.append(
        StepRecord(
          step: step.id, status: .done, start: start, end: end, datesAssumed: true,
          location: SourceLocation(file: "")))
      end = start
    }
    return records.reversed()
  }
}
