/// Reads and validates a plan directory's `plan.xml` against the catalog.
///
/// Every rule has its own diagnostic id: `unknown-area`, `unknown-vendor`,
/// `unknown-step`, `unknown-system`, `duplicate-id`, `bad-status`,
/// `system-without-area`, `area-without-system`, `area-not-in-plan`,
/// `missing-date`, `date-after-as-of`, `bad-assumed`,
/// `bad-date-order`, `status-order` (warning), `tokutei-before-deadline`
/// (warning), `duplicate-vendor` (warning); then the plan as a whole
/// (`PlanGraphCheck`): `golive-cycle`, `no-vendor` (warning).
public enum PlanLoader {
  /// The namespace of `plan.xml`.
  public static let namespace = "urn:migplan:plan:1"

  /// The staff capacities a plan may give: up to one project per system of
  /// the largest table `import` reads (its default is the number of
  /// systems).
  public static let staffCapacityRange = 1...100_000
  /// The file a plan directory holds.
  public static let fileName = "plan.xml"

  /// The plan directory a user means by `path`: the directory itself, or
  /// the one holding the `plan.xml` that `path` names.
  public static func directory(of path: String) -> String {
    if path.hasSuffix("/" + fileName) { return String(path.dropLast(fileName.count + 1)) }
    if path == fileName { return "." }
    return path
  }

  /// Returns nil when the plan has errors (all reported).
  public static func load(
    directory: String, catalog: Catalog, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> Plan? {
    guard FileCheck.isDirectory(directory) else {
      throw InputFailure(
        .missing,
        Diagnostic(
          .error, .planMissing,
          "plan directory not found: give --plan DIR (a directory holding plan.xml), or start "
            + "a plan with migplan import TABLE --name NAME", at: SourceLocation(file: directory)))
    }
    return try load(file: directory + "/" + fileName, catalog: catalog, diagnostics: diagnostics)
  }

  /// Reads one plan file. Returns nil when it has errors (all reported).
  public static func load(
    file: String, catalog: Catalog, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> Plan? {
    let errorsBefore = diagnostics.errorCount
    guard
      let root = try XMLDocumentReader.read(
        path: file, rootName: "plan", namespace: namespace, diagnostics: diagnostics)
    else { return nil }
    guard var plan = read(root, catalog: catalog, diagnostics: diagnostics),
      diagnostics.errorCount == errorsBefore
    else { return nil }
    plan.committed = CommittedLoader.load(
      planFile: file, plan: plan, template: catalog.template, diagnostics: diagnostics)
    return plan
  }

  /// Reads a plan held in memory (`path` names it in diagnostics): a plan
  /// about to be written is checked this way before it replaces the file.
  public static func load(
    bytes: [UInt8], path: String, catalog: Catalog, diagnostics: DiagnosticCollector
  ) -> Plan? {
    let errorsBefore = diagnostics.errorCount
    guard
      let root = XMLDocumentReader.read(
        bytes: bytes, path: path, rootName: "plan", namespace: namespace, diagnostics: diagnostics)
    else { return nil }
    let plan = read(root, catalog: catalog, diagnostics: diagnostics)
    guard diagnostics.errorCount == errorsBefore else { return nil }
    return plan
  }

  /// `<staff capacity="N"/>`: exactly one; its capacity and whether it
  /// is assumed.
  static func readStaff(_ root: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> (capacity: Int?, assumed: Bool)
  {
    let staffNodes = root.children("staff")
    var staffCapacity: Int?
    var staffAssumed = false
    if staffNodes.isEmpty {
      diagnostics.error(
        .missingElement, "the plan needs a <staff capacity=\"N\"/>", at: root.location)
    }
    for (offset, node) in staffNodes.enumerated() {
      let staffFields = ElementFields(
        node, attributes: ["capacity", "assumed"], children: [], diagnostics: diagnostics)
      if offset > 0 {
        diagnostics.error(.duplicateElement, "only one <staff> is allowed", at: node.location)
      }
      staffCapacity = staffFields.integer("capacity", in: staffCapacityRange)
      staffAssumed = staffFields.assumed(among: ["capacity"]).contains("capacity")
    }
    return (staffCapacity, staffAssumed)
  }

  /// The plan's vendors (ids unique; two declarations of one company
  /// warned about).
  static func readVendors(_ root: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> [PlanVendor]
  {
    var vendorIds = DuplicateCheck("vendor")
    var vendors: [PlanVendor] = []
    for node in root.children("vendor") {
      let vendorFields = ElementFields(
        node, attributes: ["id", "name", "capacity", "assumed"], children: [],
        diagnostics: diagnostics)
      guard let id = vendorFields.identifier("id"), let name = vendorFields.required("name") else {
        continue
      }
      let capacity = vendorFields.integer("capacity", in: 1...10000, required: false)
      let assumed = vendorFields.assumed(among: ["capacity"]).contains("capacity")
      if vendorIds.insert(id, at: node.location(of: "id"), diagnostics: diagnostics) {
        vendors.append(
          PlanVendor(
            id: id, name: name, capacity: capacity, capacityAssumed: assumed,
            location: node.location))
      }
    }
    for (index, vendor) in vendors.enumerated() {
      if let first = vendors[..<index].first(where: { NameKey.sameCompany($0.name, vendor.name) }) {
        diagnostics.warning(
          .duplicateVendor,
          "vendor '\(vendor.id)' (\(vendor.name)) is the same company as '\(first.id)' (\(first.name)) "
            + "declared at line \(first.location.line): they are one vendor, with the capacity declared there",
          at: vendor.location)
      }
    }
    return vendors
  }

  /// The plan's areas, resolved against the catalog, each once.
  static func readAreas(
    _ root: XMLElementNode, catalog: Catalog, _ diagnostics: DiagnosticCollector
  ) -> [String] {
    var areaIds = DuplicateCheck("area")
    var areas: [String] = []
    for node in root.children("area") {
      let areaFields = ElementFields(
        node, attributes: ["ref"], children: [], diagnostics: diagnostics)
      guard let ref = areaFields.required("ref"),
        let area = resolveArea(ref, catalog: catalog, at: node.location(of: "ref"), diagnostics)
      else { continue }
      if areaIds.insert(area, at: node.location(of: "ref"), diagnostics: diagnostics) {
        areas.append(area)
      }
    }
    return areas
  }

  /// `<goLiveAfter system="A" after="B"/>` links between known systems.
  static func readLinks(
    _ root: XMLElementNode, systems systemSet: Set<String>, _ diagnostics: DiagnosticCollector
  ) -> [GoLiveLink] {
    var links: [GoLiveLink] = []
    for node in root.children("goLiveAfter") {
      let linkFields = ElementFields(
        node, attributes: ["system", "after"], children: [], diagnostics: diagnostics)
      guard let system = linkFields.identifier("system"), let after = linkFields.identifier("after")
      else { continue }
      var ok = true
      for (name, value) in [("system", system), ("after", after)] where !systemSet.contains(value) {
        diagnostics.error(
          .unknownSystem, "unknown system '\(value)'", at: node.location(of: name))
        ok = false
      }
      if ok { links.append(GoLiveLink(system: system, after: after, location: node.location)) }
    }
    return links
  }

  static func read(_ root: XMLElementNode, catalog: Catalog, diagnostics: DiagnosticCollector)
    -> Plan?
  {
    let fields = ElementFields(
      root,
      attributes: [
        "municipality", "prefecture", "code", "asOf", "deadline", "atRiskDays", "recorded",
      ],
      children: ["staff", "vendor", "area", "system", "goLiveAfter", "kpis"],
      diagnostics: diagnostics)
    let municipality = fields.required("municipality")
    let asOf = fields.date("asOf")
    let deadline = fields.date("deadline")
    let atRiskDays = fields.integer("atRiskDays", in: 0...3650, required: false) ?? 60
    // An as-of date after the deadline is normal: the systems not done by
    // then are late, and the plan goes on.
    let recorded = fields.date("recorded", required: false)

    let (staffCapacity, staffAssumed) = readStaff(root, diagnostics)

    let vendors = readVendors(root, diagnostics)
    let vendorSet = Set(vendors.map(\.id))

    let areas = readAreas(root, catalog: catalog, diagnostics)
    let areaSet = Set(areas)

    var systemIds = DuplicateCheck("system")
    var systems: [LocalSystem] = []
    for node in root.children("system") {
      guard
        let system = readSystem(
          node, catalog: catalog, areas: areaSet, vendors: vendorSet, asOf: asOf,
          deadline: deadline, diagnostics: diagnostics)
      else { continue }
      if systemIds.insert(system.id, at: node.location(of: "id"), diagnostics: diagnostics) {
        systems.append(system)
      }
    }
    for area in areas where !systems.contains(where: { $0.areas.contains(area) }) {
      let node = root.children("area").first {
        $0.attribute("ref").flatMap(catalog.resolveArea)?.id == area
      }
      diagnostics.error(
        .areaWithoutSystem, "no system serves area '\(area)'",
        at: node?.location ?? root.location)
    }

    let systemSet = Set(systems.map(\.id))
    let links = readLinks(root, systems: systemSet, diagnostics)

    let kpis = KPILoader.read(root.children("kpis"), diagnostics: diagnostics)
    guard let municipality, let asOf, let deadline, let staffCapacity else { return nil }
    var plan = Plan(
      municipality: municipality, prefecture: fields.optional("prefecture"),
      code: fields.optional("code"), asOf: asOf, deadline: deadline, atRiskDays: atRiskDays,
      staffCapacity: staffCapacity, areas: areas, vendors: vendors, systems: systems,
      goLiveLinks: links, location: root.location)
    plan.kpis = kpis
    plan.staffCapacityAssumed = staffAssumed
    plan.recorded = recorded
    PlanGraphCheck.check(plan, catalog: catalog, diagnostics: diagnostics)
    return plan
  }

  static func resolveArea(
    _ text: String, catalog: Catalog, at location: SourceLocation,
    _ diagnostics: DiagnosticCollector
  ) -> String? {
    if let area = catalog.resolveArea(text) { return area.id }
    var message = "unknown area '\(text)'"
    if let suggestion = catalog.suggestArea(for: text) {
      message += "; did you mean '\(suggestion)'?"
    }
    diagnostics.error(.unknownArea, message, at: location)
    return nil
  }

  static func readSystem(
    _ node: XMLElementNode, catalog: Catalog, areas: Set<String>, vendors: Set<String>,
    asOf: CivilDate?, deadline: CivilDate?, diagnostics: DiagnosticCollector
  ) -> LocalSystem? {
    let fields = ElementFields(
      node,
      attributes: [
        "id", "name", "vendor", "product", "procurement", "procurementStatus", "tokuteiDeadline",
        "tokutei",
      ],
      children: ["serves", "respondent", "budget", "step", "milestone"], diagnostics: diagnostics)
    let id = fields.identifier("id")
    let name = fields.required("name")
    let procurement = fields.choice("procurement", as: ProcurementMethod.self)
    let status = fields.choice("procurementStatus", as: ProcurementStatus.self)
    let tokutei = fields.date("tokuteiDeadline", required: false)
    if let tokutei, let deadline, tokutei < deadline {
      diagnostics.warning(
        .tokuteiBeforeDeadline,
        "the 特定移行支援 deadline \(tokutei.iso) is before the plan's deadline \(deadline.iso)",
        at: node.location(of: "tokuteiDeadline"))
    }
    let listed = fields.flag("tokutei", default: false) && tokutei == nil
    if listed, let name {
      diagnostics.warning(
        .tokuteiDeadlineAssumed,
        "\(name) is 特定移行支援 with no deadline yet: planned against the national aim, "
          + "\(FiscalYear.tokuteiAim.iso) (end of FY2030); set its own with `migplan record "
          + "\(id ?? name) --tokutei-deadline DATE`", at: node.location(of: "tokutei"))
    }
    let vendor = fields.identifier("vendor", required: false)
    if let vendor, !vendors.contains(vendor) {
      diagnostics.error(
        .unknownVendor, "unknown vendor '\(vendor)'", at: node.location(of: "vendor"))
    }

    let served = readServed(node, id: id, catalog: catalog, areas: areas, diagnostics)

    let respondents = readRespondents(node, vendors: vendors, diagnostics)

    let budget = readBudget(node, diagnostics)

    var steps: [StepRecord] = []
    var stepIds = DuplicateCheck("step")
    for child in node.children("step") {
      if let record = readStep(
        child, catalog: catalog, asOf: asOf, diagnostics: diagnostics),
        stepIds.insert(record.step, at: child.location(of: "ref"), diagnostics: diagnostics)
      {
        steps.append(record)
      }
    }
    checkStatusOrder(steps, catalog: catalog, diagnostics: diagnostics)

    let milestones = readMilestones(node, diagnostics)

    guard let id, let name, let procurement, let status, !served.isEmpty else { return nil }
    var system = LocalSystem(
      id: id, name: name, areas: served, respondents: respondents, vendor: vendor,
      product: fields.identifier("product", required: false), procurement: procurement,
      procurementStatus: status, tokuteiDeadline: tokutei, budget: budget, steps: steps,
      milestones: milestones, location: node.location)
    system.tokuteiListed = listed
    return system
  }

  /// The areas a system serves (`<serves area="…"/>`): at least one,
  /// each among the plan's areas, each once.
  static func readServed(
    _ node: XMLElementNode, id: String?, catalog: Catalog, areas: Set<String>,
    _ diagnostics: DiagnosticCollector
  ) -> [String] {
    var served: [String] = []
    var seenAreas = DuplicateCheck("area")
    for child in node.children("serves") {
      let childFields = ElementFields(
        child, attributes: ["area"], children: [], diagnostics: diagnostics)
      guard let text = childFields.required("area"),
        let area = resolveArea(text, catalog: catalog, at: child.location(of: "area"), diagnostics)
      else { continue }
      if !areas.contains(area) {
        diagnostics.error(
          .areaNotInPlan, "area '\(area)' is not among the plan's <area> elements",
          at: child.location(of: "area"))
      }
      if seenAreas.insert(area, at: child.location(of: "area"), diagnostics: diagnostics) {
        served.append(area)
      }
    }
    if served.isEmpty && node.children("serves").isEmpty {
      diagnostics.error(
        .systemWithoutArea, "system '\(id ?? "?")' serves no area", at: node.location)
    }
    return served
  }

  /// The vendors that answered the RFI, known and each once.
  static func readRespondents(
    _ node: XMLElementNode, vendors: Set<String>, _ diagnostics: DiagnosticCollector
  ) -> [String] {
    var respondents: [String] = []
    for child in node.children("respondent") {
      let childFields = ElementFields(
        child, attributes: ["vendor"], children: [], diagnostics: diagnostics)
      guard let vendor = childFields.identifier("vendor") else { continue }
      if !vendors.contains(vendor) {
        diagnostics.error(
          .unknownVendor, "unknown vendor '\(vendor)'", at: child.location(of: "vendor"))
      } else if !respondents.contains(vendor) {
        respondents.append(vendor)
      }
    }
    return respondents
  }

  /// A system's budget: at most one `<budget>`.
  static func readBudget(_ node: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> BudgetRecord?
  {
    var budget: BudgetRecord?
    for (offset, child) in node.children("budget").enumerated() {
      let childFields = ElementFields(
        child, attributes: ["requestedIn", "supplementary"], children: [], diagnostics: diagnostics)
      if offset > 0 {
        diagnostics.error(.duplicateElement, "only one <budget> per system", at: child.location)
      }
      let year = childFields.integer("requestedIn", in: 1990...2200, required: false)
      budget = BudgetRecord(
        requestedIn: year.map(FiscalYear.init),
        supplementary: childFields.date("supplementary", required: false), location: child.location)
    }
    return budget
  }

  /// A system's procurement milestones, one per kind.
  static func readMilestones(_ node: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> [MilestoneRecord]
  {
    var milestones: [MilestoneRecord] = []
    var milestoneKinds = DuplicateCheck("milestone")
    for child in node.children("milestone") {
      let childFields = ElementFields(
        child, attributes: ["kind", "date"], children: [], diagnostics: diagnostics)
      guard
        let kind = childFields.choice(
          "kind", as: ProposalMilestone.self, id: .badMilestone),
        let date = childFields.date("date"),
        milestoneKinds.insert(
          kind.rawValue, at: child.location(of: "kind"), diagnostics: diagnostics)
      else { continue }
      milestones.append(MilestoneRecord(kind: kind, date: date, location: child.location))
    }
    return milestones
  }

  static func readStep(
    _ node: XMLElementNode, catalog: Catalog, asOf: CivilDate?, diagnostics: DiagnosticCollector
  ) -> StepRecord? {
    let fields = ElementFields(
      node, attributes: ["ref", "status", "start", "end", "assumed"], children: [],
      diagnostics: diagnostics)
    guard let ref = fields.required("ref") else { return nil }
    if catalog.template.step(ref) == nil {
      diagnostics.error(.unknownStep, "unknown step '\(ref)'", at: node.location(of: "ref"))
      return nil
    }
    guard
      let status = fields.choice(
        "status", as: StepStatus.self, id: .badStatus, parse: StepStatus.init(text:))
    else { return nil }
    let start = fields.date("start", required: false)
    let end = fields.date("end", required: false)
    switch status {
    case .done:
      if start == nil || end == nil {
        diagnostics.error(
          .missingDate, "a done step needs 'start' and 'end' (recorded or assumed)",
          at: node.location)
      }
    case .inProgress:
      if start == nil {
        diagnostics.error(.missingDate, "a step in progress needs 'start'", at: node.location)
      }
    case .notStarted, .notApplicable:
      if start != nil || end != nil {
        diagnostics.error(
          .unexpectedDate, "a step that is \(status.rawValue) has no dates", at: node.location)
      }
    }
    if let start, let end, end <= start {
      diagnostics.error(
        .badDateOrder, "'end' (exclusive) must be after 'start'", at: node.location(of: "end"))
    }
    if let asOf {
      if let start, start > asOf, status == .done || status == .inProgress {
        diagnostics.error(
          .dateAfterAsOf, "start \(start.iso) is after the plan's as-of date \(asOf.iso)",
          at: node.location(of: "start"))
      }
      if status == .done, let end, end > asOf.adding(days: 1) {
        diagnostics.error(
          .dateAfterAsOf, "a done step cannot end after the as-of date \(asOf.iso)",
          at: node.location(of: "end"))
      }
    }
    let assumed = fields.assumed(among: ["start", "end"])
    return StepRecord(
      step: ref, status: status, start: start, end: end, datesAssumed: !assumed.isEmpty,
      location: node.location)
  }

  /// A step done or under way whose predecessor has not started: the facts
  /// win (the scheduler keeps the step where it is) but the plan says so.
  static func checkStatusOrder(
    _ steps: [StepRecord], catalog: Catalog, diagnostics: DiagnosticCollector
  ) {
    let status = Dictionary(steps.map { ($0.step, $0.status) }, uniquingKeysWith: { a, _ in a })
    for record in steps where record.status == .done || record.status == .inProgress {
      guard let definition = catalog.template.step(record.step) else { continue }
      let open = definition.predecessors.filter { (status[$0.step] ?? .notStarted) == .notStarted }
      if !open.isEmpty {
        diagnostics.warning(
          .statusOrder,
          "step \(record.step) is \(record.status.rawValue) but its predecessor(s) "
            + open.map(\.step).joined(separator: ", ") + " have not started",
          at: record.location)
      }
    }
  }
}
