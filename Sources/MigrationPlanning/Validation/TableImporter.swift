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

  /// The plan, or nil when the table has errors (all reported). Four
  /// stages, each a step of its own: the header (`columns`), the rows as
  /// drafts of systems (`DraftTable`), the vendors (`planVendors(of:)`), the
  /// plan (`plan(of:vendors:)`).
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
    let columns = Self.columns(of: header, path: path, diagnostics: diagnostics)
    guard diagnostics.errorCount == errorsBefore else { return nil }
    var table = DraftTable(importer: self, columns: columns, path: path, asOf: settings.asOf)
    while let row = rows.next() {
      guard table.add(row, diagnostics: diagnostics) else { return nil }
    }
    guard diagnostics.errorCount == errorsBefore else { return nil }
    guard table.rowCount > 0 else {
      diagnostics.error(
        .noRows, "the table has a header but no rows",
        at: SourceLocation(file: path, line: 2, column: 1))
      return nil
    }
    let vendors = planVendors(of: table, diagnostics: diagnostics)
    return plan(of: table, vendors: vendors, settings: settings, diagnostics: diagnostics)
  }

  /// The header: where each known column is (unknown ones are warned
  /// about and ignored; a missing required one is an error).
  static func columns(of header: [CSVCell], path: String, diagnostics: DiagnosticCollector)
    -> [Column: Int]
  {
    var position: [Column: Int] = [:]
    for (index, cell) in header.enumerated() {
      let key = NameKey.normalize(cell.text)
      if let column = Column.allCases.first(where: {
        $0.names.contains { NameKey.normalize($0) == key }
      }) {
        position[column] = index
      } else if !key.isEmpty {
        diagnostics.warning(
          .unknownColumn, "unknown column '\(cell.text)' is ignored \(cell.tag)",
          at: SourceLocation(file: path, line: cell.line, column: cell.column))
      }
    }
    for column in Column.allCases where column.isRequired && position[column] == nil {
      diagnostics.error(
        .missingColumn, "the table has no '\(column.names[0])' column",
        at: SourceLocation(file: path, line: header.first?.line ?? 1, column: 1))
    }
    return position
  }

  /// The plan's vendors, one per company however the table spells it:
  /// the spec sheet's id and official name where one matches, else a new
  /// id, with a capacity to assume.
  struct ImportedVendors {
    var vendors: [PlanVendor] = []
    /// The vendor id of each spelling first met.
    var idBySpelling: [String: String] = [:]
    /// Ids of vendors with no spec sheet: their capacity is assumed.
    var capacityUnknown: Set<String> = []
  }

  /// The vendors of the table's drafts (`unmatched-vendor` for a name no
  /// spec sheet matches).
  func planVendors(of table: DraftTable, diagnostics: DiagnosticCollector) -> ImportedVendors {
    let location = SourceLocation(file: table.path)
    var result = ImportedVendors()
    var ids: Set<String> = []
    for spelling in table.vendorNames {
      var id: String
      // Recorded by the spec sheet's official name, else the first spelling met.
      var name = spelling
      var matched = true
      if let sheet = vendors.sheets(forVendorNamed: spelling).first {
        id = sheet.vendorId
        name = sheet.vendorName
      } else {
        id = "vendor-\(result.vendors.count + 1)"
        let cell = table.firstVendorCell[spelling]
        diagnostics.warning(
          .unmatchedVendor,
          "no spec sheet matches vendor '\(spelling)': the plan records it without one, with an "
            + "assumed capacity (the systems it serves here)"
            + (cell.map { " \($0.tag)" } ?? ""),
          at: SourceLocation(file: table.path, line: cell?.line ?? 0, column: cell?.column ?? 0))
        matched = false
      }
      while ids.contains(id) { id += "-2" }
      ids.insert(id)
      if !matched { result.capacityUnknown.insert(id) }
      result.idBySpelling[spelling] = id
      result.vendors.append(PlanVendor(id: id, name: name, capacity: nil, location: location))
    }
    return result
  }

  /// The plan of the drafts: each system with its id (its first area's,
  /// numbered when taken) and its implied steps; capacities the table
  /// does not give, assumed. Nil (`plan-too-large`) when plan.xml would
  /// pass the plan file's limit.
  func plan(
    of table: DraftTable, vendors: ImportedVendors, settings: Settings,
    diagnostics: DiagnosticCollector
  ) -> Plan? {
    let location = SourceLocation(file: table.path)
    var areas: [String] = []
    var systems: [LocalSystem] = []
    var systemIds: Set<String> = []
    var nextSuffix: [String: Int] = [:]
    for draft in table.drafts {
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
      for id in draft.respondents.compactMap({ table.vendorId($0, in: vendors) })
      where !respondents.contains(id) {
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
    var plan = Plan(
      municipality: settings.municipality, prefecture: nil, code: nil, asOf: settings.asOf,
      deadline: settings.deadline, atRiskDays: 60,
      staffCapacity: settings.staffCapacity ?? max(systems.count, 1), areas: areas,
      vendors: Self.assumingCapacities(vendors, systems: systems), systems: systems,
      goLiveLinks: [], location: location)
    plan.staffCapacityAssumed = settings.staffCapacity == nil
    // plan.xml must stay readable: the row that would take it past the
    // plan file's limit is refused at its cell.
    if let index = PlanWriter.firstSystemBeyond(
      XMLDocumentReader.maximumSize, plan: plan, catalog: catalog,
      header: PlanWriter.importHeader(table: table.path))
    {
      Self.tooLarge(
        at: table.drafts[index].systemCell, number: index + 1, path: table.path,
        diagnostics: diagnostics)
      return nil
    }
    return plan
  }

  /// Capacities the table does not give are assumed, and never bind by
  /// themselves: a vendor without a spec sheet, the systems it serves
  /// here (staff: one project per system, in `plan(of:)`).
  static func assumingCapacities(_ vendors: ImportedVendors, systems: [LocalSystem])
    -> [PlanVendor]
  {
    var served: [String: Int] = [:]
    for system in systems {
      if let vendor = system.expectedVendor { served[vendor, default: 0] += 1 }
    }
    var planVendors = vendors.vendors
    for (index, vendor) in planVendors.enumerated()
    where vendors.capacityUnknown.contains(vendor.id) {
      planVendors[index].capacity = max(served[vendor.id] ?? 0, 1)
      planVendors[index].capacityAssumed = true
    }
    return planVendors
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
        + "table \(cell.tag)",
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
